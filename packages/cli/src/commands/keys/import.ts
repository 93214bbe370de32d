import { readFile } from 'node:fs/promises'
import { importKeystore, keystoreFilePath } from '@medchain/sdk'
import type { Command } from 'commander'
import { usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { absolute, keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'

/** A v3 keystore is about 500 bytes; refuse to read a huge file by mistake. */
const MAX_IMPORT_BYTES = 64 * 1024

/** `medchain keys import <name> <keystore.json>`: copy an existing v3 keystore (geth, ethers, wallets). */
export function registerKeysImport(keys: Command, io: CliIo): void {
  keys
    .command('import <name> <file>')
    .description('import a Web3 Secret Storage v3 keystore file as <name> (checked with its passphrase)')
    .action(async (name: string, file: string, _options: unknown, command: Command) => {
      const dir = keysDir(resolveDataDir(io, command.optsWithGlobals<{ dataDir?: string }>().dataDir))
      keystoreFilePath(dir, name)
      let keystore: string
      try {
        keystore = await readFile(absolute(io, file), 'utf8')
      } catch (error) {
        throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
      if (keystore.length > MAX_IMPORT_BYTES) throw usageError(`${file} is too large to be a keystore`)
      const passphrase = await readPassphrase(io, `Passphrase of ${file}: `)
      const imported = await importKeystore(dir, { name, keystore, passphrase })
      println(io.stdout, `Imported keystore "${name}" (${imported.path})`)
      println(io.stdout, `  address  ${imported.address}`)
    })
}
