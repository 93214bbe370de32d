import type { Command } from 'commander'
import type { CliIo } from '../../io.ts'
import { registerDrugEvents } from './events.ts'
import { registerDrugsQr } from './qr.ts'
import { registerDrugsShow } from './show.ts'
import { registerDrugsVerify } from './verify.ts'

/** `medchain drugs ...`: drug traceability (GS1 identifiers, EPCIS events) and QR codes. */
export function registerDrugs(program: Command, io: CliIo): void {
  const drugs = program.command('drugs').description('drug traceability: products, units, custody, recalls, verification, QR codes')
  registerDrugEvents(drugs, io)
  registerDrugsShow(drugs, io)
  registerDrugsVerify(drugs, io)
  registerDrugsQr(drugs, io)
}
