import { loadKeystore } from '@medchain/sdk'
import type { Command } from 'commander'
import { println, toJson, type CliIo } from '../../io.ts'
import { keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'

/** `medchain keys show <name>`: address and public key (decrypts, never prints the private key). */
export function registerKeysShow(keys: Command, io: CliIo): void {
  keys
    .command('show <name>')
    .description("show a keystore's address and compressed public key")
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const dir = keysDir(resolveDataDir(io, command.optsWithGlobals<{ dataDir?: string }>().dataDir))
      const passphrase = await readPassphrase(io, `Passphrase for keystore "${name}": `)
      const { address, publicKey } = await loadKeystore(dir, { name, passphrase })
      if (options.json) return println(io.stdout, toJson({ name, address, publicKey }))
      println(io.stdout, name)
      println(io.stdout, `  address     ${address}`)
      println(io.stdout, `  public key  ${publicKey}`)
    })
}
