import { CryptoError } from '@medchain/crypto'
import { MedchainError } from '@medchain/sdk'
import { Command, CommanderError } from 'commander'
import packageJson from '../package.json' with { type: 'json' }
import { registerCeremony } from './commands/ceremony/index.ts'
import { registerDevices } from './commands/devices/index.ts'
import { registerDrugs } from './commands/drugs/index.ts'
import { registerImport } from './commands/import/index.ts'
import { registerIndex } from './commands/index/index.ts'
import { registerKeys } from './commands/keys/index.ts'
import { registerResearch } from './commands/research/index.ts'
import { registerMembers } from './commands/members/index.ts'
import { registerUp } from './commands/up.ts'
import { CliError } from './errors.ts'
import { println, type CliIo } from './io.ts'
import { DEFAULT_DATA_DIR } from './options.ts'

/** Exit status of a usage error (bad flag, missing argument), as in most Unix tools. */
const USAGE_EXIT = 2

/**
 * Runs one `medchain` command line (`argv` without the node and script paths) and resolves with
 * its exit status; never calls process.exit, so that tests run commands in process. Known errors
 * print `error [CODE]: message` on stderr (status 1, or 2 for usage); stack traces only with
 * MEDCHAIN_DEBUG=1.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    return report(io, error)
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('medchain')
    .description('medchain: blockchain-based medical data sharing for a consortium')
    .version(packageJson.version)
    .option('--data-dir <dir>', `data directory: chain, keys, deployments, gateways, patients (env MEDCHAIN_DATA_DIR, default ./${DEFAULT_DATA_DIR})`)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'error [CLI_USAGE]: ')),
    })
  registerUp(program, io)
  registerMembers(program, io)
  registerKeys(program, io)
  registerImport(program, io)
  registerIndex(program, io)
  registerDrugs(program, io)
  registerDevices(program, io)
  registerCeremony(program, io)
  registerResearch(program, io)
  return program
}

function report(io: CliIo, error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander printed its message (or the help) already.
    return error.exitCode === 0 ? 0 : USAGE_EXIT
  }
  if (error instanceof CliError || error instanceof MedchainError || error instanceof CryptoError || isCodedError(error)) {
    println(io.stderr, `error [${error.code}]: ${error.shortMessage}`)
    if (error.details) println(io.stderr, `  ${error.details}`)
    if (io.env.MEDCHAIN_DEBUG) println(io.stderr, error.stack)
    return error instanceof CliError && error.code === 'CLI_USAGE' ? USAGE_EXIT : 1
  }
  const message = error instanceof Error ? error.message : String(error)
  println(io.stderr, `error: ${message}`)
  println(io.stderr, io.env.MEDCHAIN_DEBUG && error instanceof Error ? error.stack : '  (set MEDCHAIN_DEBUG=1 for a stack trace)')
  return 1
}

// Errors of the packages loaded only by the commands that need them (zk, research): same shape,
// recognised without importing those packages at startup.
function isCodedError(error: unknown): error is Error & { code: string; shortMessage: string; details?: string } {
  return error instanceof Error && ['ZkError', 'ResearchError', 'PaillierError'].includes(error.name) && typeof (error as { code?: unknown }).code === 'string'
}
