// Integer constants of Solidity libraries (e.g. Roles, IndividualKinds), read from the AST so that
// TypeScript never restates a value the contracts define.
import type { AstNode, CompilerOutput } from './solc.ts'
import { contractDefinitions } from './artifacts.ts'

/** `bits` is the Solidity type's size: viem reads up to 48-bit integers as numbers, larger as bigints. */
export type LibraryConstant = { value: bigint; bits: number }
export type LibraryConstants = { library: string; values: Record<string, LibraryConstant> }

const operators: Record<string, (a: bigint, b: bigint) => bigint> = {
  '|': (a, b) => a | b,
  '&': (a, b) => a & b,
  '^': (a, b) => a ^ b,
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '<<': (a, b) => a << b,
}

function evaluate(node: AstNode, known: Map<number, bigint>, where: string): bigint {
  switch (node.nodeType) {
    case 'Literal':
      if (node.kind === 'number' && node.subdenomination == null) return BigInt((node.value as string).replaceAll('_', ''))
      break
    case 'Identifier': {
      const value = known.get(node.referencedDeclaration as number)
      if (value !== undefined) return value
      break
    }
    case 'TupleExpression': {
      const components = node.components as AstNode[]
      if (components.length === 1) return evaluate(components[0]!, known, where)
      break
    }
    case 'BinaryOperation': {
      const apply = operators[node.operator as string]
      if (apply) {
        return apply(
          evaluate(node.leftExpression as AstNode, known, where),
          evaluate(node.rightExpression as AstNode, known, where),
        )
      }
      break
    }
  }
  throw new Error(`${where}: constant expression not supported by the compile script (${node.nodeType})`)
}

/** Non-private integer constants of every library that has some, sorted by library name. */
export function collectLibraryConstants(output: CompilerOutput): LibraryConstants[] {
  const result: LibraryConstants[] = []
  for (const { ast } of Object.values(output.sources)) {
    for (const definition of contractDefinitions(ast)) {
      if (definition.contractKind !== 'library') continue
      const known = new Map<number, bigint>()
      const values: Record<string, LibraryConstant> = {}
      for (const node of definition.nodes as AstNode[]) {
        if (node.nodeType !== 'VariableDeclaration' || node.constant !== true) continue
        const typeString = (node.typeDescriptions as { typeString: string }).typeString
        if (!/^u?int\d*$/.test(typeString)) continue
        const where = `${definition.name as string}.${node.name as string}`
        if (node.visibility === 'private') {
          // A private constant matters only if a visible one refers to it; skip what cannot be read.
          try {
            known.set(node.id, evaluate(node.value as AstNode, known, where))
          } catch {}
          continue
        }
        const value = evaluate(node.value as AstNode, known, where)
        known.set(node.id, value)
        values[node.name as string] = { value, bits: Number(/\d+$/.exec(typeString)?.[0] ?? 256) }
      }
      if (Object.keys(values).length > 0) result.push({ library: definition.name as string, values })
    }
  }
  return result.sort((a, b) => (a.library < b.library ? -1 : 1))
}
