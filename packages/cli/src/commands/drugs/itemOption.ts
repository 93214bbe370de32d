import type { DrugItemRef } from '@medchain/sdk'
import type { Command } from 'commander'
import type { Hex } from 'viem'
import { usageError } from '../../errors.ts'

export type ItemOptions = { gtin?: string; serial?: string; batch?: string }

/** Adds --gtin/--serial (a unit) and --batch (a batch id). */
export function addItemOptions(command: Command): Command {
  return command.option('--gtin <gtin>', 'the unit\'s GTIN').option('--serial <serial>', 'the unit\'s serial').option('--batch <batchId>', 'a batch (pallet) id instead of a unit')
}

/** The item the options name. */
export function itemOf(options: ItemOptions): DrugItemRef {
  if (options.batch !== undefined) {
    if (options.gtin !== undefined || options.serial !== undefined) throw usageError('give either --batch or --gtin with --serial')
    return { batchId: options.batch as Hex }
  }
  if (options.gtin === undefined || options.serial === undefined) throw usageError('give --gtin and --serial (a unit) or --batch (a batch)')
  return { gtin: options.gtin, serial: options.serial }
}
