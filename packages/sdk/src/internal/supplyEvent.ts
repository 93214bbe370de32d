// The EPCIS side of every DrugRegistry write: the item's id and EPC, the event's document and
// the context (id, time, read point) the contract records.
import type { Hex } from 'viem'
import { batchEpc, epcisEventWithId, epcisEventId, unitEpc, type SupplyEventFacts } from '../encoding/epcisEvent.ts'
import { encodeGs1Value, normalizeGln, normalizeGtin } from '../encoding/gs1.ts'
import { unitIdOf } from '../encoding/supplyIds.ts'
import { MedchainError } from '../errors.ts'
import type { DrugItemRef, SupplyEventOptions } from '../supplyTypes.ts'
import { assertBytes32 } from './assert.ts'

/** The item a reference names: its on-chain id and EPC URI. */
export function resolveItem(name: string, ref: DrugItemRef): { itemId: Hex; epc: string } {
  if (typeof ref !== 'object' || ref === null) throw new MedchainError(`"${name}" expected { gtin, serial } or { batchId }`, { code: 'SDK_INVALID_ARGUMENT' })
  if ('batchId' in ref) {
    const batchId = assertBytes32(`${name}.batchId`, ref.batchId, { nonZero: true })
    return { itemId: batchId, epc: batchEpc(batchId) }
  }
  const gtin = normalizeGtin(`${name}.gtin`, ref.gtin)
  encodeGs1Value(`${name}.serial`, ref.serial)
  return { itemId: unitIdOf(gtin, ref.serial), epc: unitEpc(gtin, ref.serial) }
}

/** What an event write returns besides the transaction: the EPCIS document recorded. */
export type SupplyEventRecord = { eventId: Hex; event: Record<string, unknown> & { eventID: string } }

/** The on-chain EventContext and the EPCIS document of `facts` at the options' time and place. */
export function eventContext(facts: Omit<SupplyEventFacts, 'eventTime' | 'readPoint'>, options: SupplyEventOptions = {}) {
  const time = options.eventTime ?? Date.now()
  const eventTime = time instanceof Date ? time.getTime() : time
  if (!Number.isSafeInteger(eventTime) || eventTime <= 0) {
    throw new MedchainError('"eventTime" expected a Date or positive unix milliseconds', { code: 'SDK_INVALID_ARGUMENT' })
  }
  const readPoint = options.readPoint === undefined ? undefined : normalizeGln('readPoint', options.readPoint)
  const full: SupplyEventFacts = { ...facts, eventTime, readPoint }
  const eventId = epcisEventId(full)
  return {
    context: { eventId, eventTime: BigInt(eventTime), readPoint: readPoint === undefined ? 0n : BigInt(readPoint) },
    record: { eventId, event: epcisEventWithId(full) } satisfies SupplyEventRecord,
  }
}

/** A bytes32 commitment, or zero. */
export function commitmentOrZero(value: Hex | undefined): Hex {
  return value === undefined ? `0x${'00'.repeat(32)}` : assertBytes32('patientCommitment', value)
}
