import { listKeystores } from '@medchain/sdk'
import type { Command } from 'commander'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'
import { keysDir, resolveDataDir } from '../../options.ts'

/** `medchain keys list`: keystore names and addresses, read without decrypting. */
export function registerKeysList(keys: Command, io: CliIo): void {
  keys
    .command('list')
    .description('list the keystores in <data-dir>/keys (names and addresses)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const dir = keysDir(resolveDataDir(io, command.optsWithGlobals<{ dataDir?: string }>().dataDir))
      const entries = await listKeystores(dir)
      if (options.json) return println(io.stdout, toJson(entries))
      if (entries.length === 0) return println(io.stdout, `No keystores in ${dir}.`)
      println(io.stdout, formatTable(['NAME', 'ADDRESS'], entries.map((entry) => [entry.name, entry.address ?? '(unreadable)']), ''))
    })
}
