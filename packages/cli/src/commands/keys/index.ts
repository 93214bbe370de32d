import type { Command } from 'commander'
import type { CliIo } from '../../io.ts'
import { registerKeysExportPublic } from './exportPublic.ts'
import { registerKeysImport } from './import.ts'
import { registerKeysList } from './list.ts'
import { registerKeysNew } from './new.ts'
import { registerKeysShow } from './show.ts'

/** `medchain keys ...`: encrypted keystores in <data-dir>/keys. Private keys are never printed. */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('encrypted keystores in <data-dir>/keys (private keys are never printed)')
  registerKeysNew(keys, io)
  registerKeysList(keys, io)
  registerKeysShow(keys, io)
  registerKeysImport(keys, io)
  registerKeysExportPublic(keys, io)
}
