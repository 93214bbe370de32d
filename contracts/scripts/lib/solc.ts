// Offline compilation of the contract sources with the pinned solc-js, through standard JSON.
// Sources are compiled from memory and named relative to contracts/src, so no absolute path and
// no download enters the output. Dependencies are in-repo (utils/ECDSA.sol, utils/EIP712.sol)
// rather than OpenZeppelin: the few helpers needed are short enough to audit here, and keeping
// them in-repo means no import callback, no package version to track and no unused code compiled.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import solc from 'solc'

export const SOLC_VERSION = '0.8.37'

export type AbiParameter = {
  name: string
  type: string
  internalType?: string
  indexed?: boolean
  components?: readonly AbiParameter[]
}
export type AbiItem = {
  type: string
  name?: string
  inputs?: readonly AbiParameter[]
  outputs?: readonly AbiParameter[]
  stateMutability?: string
  anonymous?: boolean
}
export type AstNode = { nodeType: string; id: number; [key: string]: unknown }
export type CompilerMessage = { severity: 'error' | 'warning' | 'info'; formattedMessage: string; message: string }
export type CompilerOutput = {
  errors?: CompilerMessage[]
  sources: Record<string, { ast: AstNode }>
  contracts: Record<string, Record<string, { abi: AbiItem[]; evm: { bytecode: { object: string } } }>>
}

/** Every `.sol` file under `root`, keyed by its path relative to `root` with `/` separators. */
export function readSources(root: string): Record<string, string> {
  const sources: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.sol')) sources[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8')
    }
  }
  walk(root)
  return sources
}

/** Compiles `sources` (unit name -> content); compiler messages are returned, not thrown. */
export function compile(sources: Record<string, string>): CompilerOutput {
  const version = solc.version() as string
  if (!version.startsWith(`${SOLC_VERSION}+`)) {
    throw new Error(`solc ${SOLC_VERSION} expected for deterministic output, got ${version}`)
  }
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'], '': ['ast'] } },
    },
  }
  const missingImport = (path: string) => ({ error: `import "${path}" not found: every source must be under contracts/src` })
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: missingImport })) as CompilerOutput
  output.sources ??= {}
  output.contracts ??= {}
  return output
}
