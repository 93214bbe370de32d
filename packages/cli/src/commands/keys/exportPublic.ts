import { loadKeystore } from '@medchain/sdk'
import type { Command } from 'commander'
import { println, toJson, type CliIo } from '../../io.ts'
import { keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'

/**
 * `medchain keys export-public <name>`: the JSON an organisation hands to a member who proposes
 * its admission (address and encryption public key; nothing secret).
 */
export function registerKeysExportPublic(keys: Command, io: CliIo): void {
  keys
    .command('export-public <name>')
    .description('print {name, address, publicKey} as JSON, to share with a proposer')
    .action(async (name: string, _options: unknown, command: Command) => {
      const dir = keysDir(resolveDataDir(io, command.optsWithGlobals<{ dataDir?: string }>().dataDir))
      const passphrase = await readPassphrase(io, `Passphrase for keystore "${name}": `)
      const { address, publicKey } = await loadKeystore(dir, { name, passphrase })
      println(io.stdout, toJson({ name, address, publicKey }))
    })
}
