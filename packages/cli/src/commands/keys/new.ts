import { generatePrivateKey, privateKeyToPublicKey } from '@medchain/crypto'
import { keystoreFilePath, saveKeystore } from '@medchain/sdk'
import type { Command } from 'commander'
import { println, type CliIo } from '../../io.ts'
import { keystoreScryptN } from '../../keystoreScryptN.ts'
import { keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'

/** `medchain keys new <name>`: a fresh key in a new encrypted keystore. */
export function registerKeysNew(keys: Command, io: CliIo): void {
  keys
    .command('new <name>')
    .description('create a key and save it encrypted as <data-dir>/keys/<name>.json')
    .action(async (name: string, _options: unknown, command: Command) => {
      const dir = keysDir(resolveDataDir(io, command.optsWithGlobals<{ dataDir?: string }>().dataDir))
      // Check the name before asking for a passphrase.
      keystoreFilePath(dir, name)
      const passphrase = await readPassphrase(io, `New passphrase for keystore "${name}": `, { confirm: true })
      const privateKey = generatePrivateKey()
      const saved = await saveKeystore(dir, { name, privateKey, passphrase, scryptN: keystoreScryptN(io) })
      println(io.stdout, `Created keystore "${name}" (${saved.path})`)
      println(io.stdout, `  address     ${saved.address}`)
      println(io.stdout, `  public key  ${privateKeyToPublicKey(privateKey)}`)
    })
}
