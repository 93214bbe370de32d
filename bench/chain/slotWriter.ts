// Compiles the benchmark contract at start with the pinned solc-js (offline, about a second),
// rather than committing bytecode that could drift from its source.
import { readFileSync } from 'node:fs'
import solc from 'solc'
import { parseAbi, type Hex } from 'viem'

/** The pinned compiler (`solc` in package-lock): the only version that compiles offline. */
const SOLC_VERSION = '0.8.37'
const SOURCE_NAME = 'SlotWriter.sol'

/** Typed by hand for viem; `compileSlotWriter` checks the compiler produced the same functions. */
export const slotWriterAbi = parseAbi([
  'function write(uint256 key, uint256 value)',
  'event Written(uint256 indexed key, uint256 value)',
])

interface CompilerOutput {
  errors?: { severity: string; formattedMessage: string }[]
  contracts?: Record<string, Record<string, { abi: { type: string; name?: string }[]; evm: { bytecode: { object: string } } }>>
}

/** Compiles SlotWriter.sol for the chain's hardfork (cancun) with the optimizer on; returns its creation bytecode. */
export function compileSlotWriter(): { abi: typeof slotWriterAbi; bytecode: Hex } {
  const version = solc.version() as string
  if (!version.startsWith(`${SOLC_VERSION}+`)) throw new Error(`solc ${SOLC_VERSION} expected, got ${version}`)
  const input = {
    language: 'Solidity',
    sources: { [SOURCE_NAME]: { content: readFileSync(new URL(SOURCE_NAME, import.meta.url), 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as CompilerOutput
  const errors = (output.errors ?? []).filter((message) => message.severity === 'error')
  if (errors.length > 0) throw new Error(`SlotWriter.sol does not compile:\n${errors.map((e) => e.formattedMessage).join('\n')}`)
  const artifact = output.contracts?.[SOURCE_NAME]?.SlotWriter
  if (artifact === undefined) throw new Error('solc produced no SlotWriter contract')
  const compiled = artifact.abi.map((item) => `${item.type} ${item.name ?? ''}`).sort()
  const typed = slotWriterAbi.map((item) => `${item.type} ${item.name}`).sort()
  if (compiled.join() !== typed.join()) throw new Error(`slotWriterAbi is out of date with SlotWriter.sol: ${compiled.join(', ')}`)
  return { abi: slotWriterAbi, bytecode: `0x${artifact.evm.bytecode.object}` }
}
