// `medchain drugs` commands that record a supply event on chain, signed by --as.
import {
  commissionBatch,
  commissionUnit,
  decommissionItem,
  dispenseUnit,
  recallLot,
  receiveItem,
  registerProduct,
  shipItem,
  type DecommissionReason,
} from '@medchain/sdk'
import type { Command } from 'commander'
import type { Hex } from 'viem'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { parseAddress } from '../../options.ts'
import { addItemOptions, itemOf, type ItemOptions } from './itemOption.ts'

type Written = { hash: Hex; eventId?: Hex }

function printWritten(io: CliIo, what: string, result: Written): void {
  println(io.stdout, what)
  if (result.eventId !== undefined) println(io.stdout, `  event  ${result.eventId}`)
  println(io.stdout, `  tx     ${result.hash}`)
}

const event = (command: Command) => addConnectionOptions(command, { signs: true }).option('--read-point <gln>', 'GLN of where it happens (EPCIS readPoint)')

/** register, commission, ship, receive, dispense, decommission, recall. */
export function registerDrugEvents(drugs: Command, io: CliIo): void {
  addConnectionOptions(drugs.command('register <gtin>').description('register a product (GTIN) as its manufacturer'), { signs: true }).action(
    async (gtin: string, _options: ConnectionOptions, command: Command) => {
      const result = await registerProduct(await connect(io, command.optsWithGlobals()), { gtin })
      printWritten(io, `Registered product ${result.gtin}`, result)
    },
  )

  event(drugs.command('commission').description('commission serialised units of a lot: one unit, or a batch (pallet) of several'))
    .requiredOption('--gtin <gtin>', 'the product')
    .requiredOption('--lot <lot>', 'lot number (AI 10)')
    .requiredOption('--expiry <yymmdd>', 'expiry date (AI 17)')
    .requiredOption('--serials <list>', 'comma-separated serials (AI 21)')
    .action(async (options: ConnectionOptions & { gtin: string; lot: string; expiry: string; serials: string; readPoint?: string }, command: Command) => {
      const serials = options.serials.split(',').map((s) => s.trim()).filter((s) => s !== '')
      if (serials.length === 0) throw usageError('--serials expected at least one serial')
      const client = await connect(io, command.optsWithGlobals())
      const common = { gtin: options.gtin, lot: options.lot, expiry: options.expiry, readPoint: options.readPoint }
      if (serials.length === 1) {
        const result = await commissionUnit(client, { ...common, serial: serials[0] as string })
        return printWritten(io, `Commissioned unit ${serials[0]} (${result.unitId})`, result)
      }
      const result = await commissionBatch(client, { ...common, serials })
      printWritten(io, `Commissioned a batch of ${serials.length} units: batch ${result.batchId}`, result)
    })

  addItemOptions(event(drugs.command('ship').description('ship a unit or batch you hold to another member')))
    .requiredOption('--to <address>', 'the receiving member')
    .action(async (options: ConnectionOptions & ItemOptions & { to: string; readPoint?: string }, command: Command) => {
      const to = parseAddress('--to', options.to)
      const result = await shipItem(await connect(io, command.optsWithGlobals()), { item: itemOf(options), to, readPoint: options.readPoint })
      printWritten(io, `Shipped ${result.itemId} to ${to}`, result)
    })

  addItemOptions(event(drugs.command('receive').description('receive a unit or batch shipped to you'))).action(
    async (options: ConnectionOptions & ItemOptions & { readPoint?: string }, command: Command) => {
      const result = await receiveItem(await connect(io, command.optsWithGlobals()), { item: itemOf(options), readPoint: options.readPoint })
      printWritten(io, `Received ${result.itemId}`, result)
    },
  )

  event(drugs.command('dispense').description('dispense a unit to a patient (pharmacy or hospital)'))
    .requiredOption('--gtin <gtin>', 'the unit\'s GTIN')
    .requiredOption('--serial <serial>', 'the unit\'s serial')
    .action(async (options: ConnectionOptions & { gtin: string; serial: string; readPoint?: string }, command: Command) => {
      const result = await dispenseUnit(await connect(io, command.optsWithGlobals()), { gtin: options.gtin, serial: options.serial, readPoint: options.readPoint })
      printWritten(io, `Dispensed ${options.gtin}/${options.serial}`, result)
    })

  addItemOptions(event(drugs.command('decommission').description('take a unit or batch out of the supply chain')))
    .requiredOption('--reason <reason>', 'destroyed, stolen or sample')
    .action(async (options: ConnectionOptions & ItemOptions & { reason: string; readPoint?: string }, command: Command) => {
      if (!['destroyed', 'stolen', 'sample'].includes(options.reason)) throw usageError('--reason expected destroyed, stolen or sample')
      const result = await decommissionItem(await connect(io, command.optsWithGlobals()), { item: itemOf(options), reason: options.reason as DecommissionReason, readPoint: options.readPoint })
      printWritten(io, `Decommissioned ${result.itemId} (${options.reason})`, result)
    })

  addConnectionOptions(drugs.command('recall').description('recall a lot (its manufacturer or a regulator)'), { signs: true })
    .requiredOption('--gtin <gtin>', 'the product')
    .requiredOption('--lot <lot>', 'the lot')
    .requiredOption('--reason-code <n>', 'non-zero reason code')
    .action(async (options: ConnectionOptions & { gtin: string; lot: string; reasonCode: string }, command: Command) => {
      const reasonCode = Number(options.reasonCode)
      const result = await recallLot(await connect(io, command.optsWithGlobals()), { gtin: options.gtin, lot: options.lot, reasonCode })
      printWritten(io, `Recalled lot ${options.lot} of ${options.gtin} (${result.lotId})`, result)
    })
}
