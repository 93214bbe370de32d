// Turns compiler output into one artifact per contract, interface and library.
import type { AbiItem, AstNode, CompilerOutput } from './solc.ts'

export type ContractKind = 'contract' | 'abstract' | 'interface' | 'library'

export type Artifact = {
  name: string
  source: string
  kind: ContractKind
  abi: AbiItem[]
  /** `0x`-prefixed creation bytecode, for deployable contracts only. */
  bytecode?: `0x${string}`
}

/** The ContractDefinition nodes at the top level of a source unit's AST. */
export function contractDefinitions(ast: AstNode): AstNode[] {
  const nodes = (ast.nodes ?? []) as AstNode[]
  return nodes.filter((node) => node.nodeType === 'ContractDefinition')
}

/** Artifacts sorted by name; throws if two contracts share a name, as generated files are per name. */
export function collectArtifacts(output: CompilerOutput): Artifact[] {
  const artifacts: Artifact[] = []
  for (const [source, { ast }] of Object.entries(output.sources)) {
    for (const definition of contractDefinitions(ast)) {
      const name = definition.name as string
      const compiled = output.contracts[source]?.[name]
      if (!compiled) throw new Error(`no compiler output for ${source}:${name}`)
      const kind: ContractKind = definition.abstract ? 'abstract' : (definition.contractKind as ContractKind)
      const artifact: Artifact = { name, source, kind, abi: compiled.abi }
      if (kind === 'contract') artifact.bytecode = `0x${compiled.evm.bytecode.object}`
      artifacts.push(artifact)
    }
  }
  artifacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (let i = 1; i < artifacts.length; i++) {
    const [previous, current] = [artifacts[i - 1]!, artifacts[i]!]
    if (previous.name === current.name) {
      throw new Error(`contract name ${current.name} is used in both ${previous.source} and ${current.source}`)
    }
  }
  return artifacts
}
