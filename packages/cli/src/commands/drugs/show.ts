import { getDrugItem, getLot } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { CliError } from '../../errors.ts'
import { formatTime } from '../../format.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'
import { addItemOptions, itemOf, type ItemOptions } from './itemOption.ts'

/** `medchain drugs show`: a unit's or batch's state on chain. */
export function registerDrugsShow(drugs: Command, io: CliIo): void {
  addItemOptions(addConnectionOptions(drugs.command('show').description('show a unit or batch as the chain holds it'), { signs: false }))
    .option('--json', 'print JSON')
    .action(async (options: ConnectionOptions & ItemOptions & { json?: boolean }, command: Command) => {
      const client = await connect(io, command.optsWithGlobals())
      const item = await getDrugItem(client, { item: itemOf(options) })
      if (item === undefined) throw new CliError('The chain holds no state for this item (unknown, or a unit still packed in its batch)', { code: 'CLI_NOT_FOUND' })
      const lot = await getLot(client, { lotId: item.lotId })
      if (options.json) return println(io.stdout, toJson({ item, lot }))
      const rows = [
        ['id', item.itemId],
        ['kind', item.kind === 'batch' ? `batch of ${item.count}` : 'unit'],
        ['status', item.status + (item.decommissionReason ? ` (${item.decommissionReason})` : '')],
        ['holder', item.holder],
        ['on its way to', item.pendingRecipient ?? '-'],
        ['lot', lot ? `${lot.lot}, expires ${lot.expiry}${lot.recalledAt ? `, RECALLED ${formatTime(lot.recalledAt)}` : ''}` : '-'],
        ['updated', formatTime(item.updatedAt)],
      ]
      println(io.stdout, formatTable(['FIELD', 'VALUE'], rows).split('\n').slice(1).join('\n'))
    })
}
