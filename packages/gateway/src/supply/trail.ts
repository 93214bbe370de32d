// A unit's custody trail as EPCIS 2.0 events rebuilt from what the chain recorded, each with the
// check that its id (the hash of its document) is the one on chain.
import type { SupplyEvent, SupplyUnit } from '@medchain/index'
import { batchEpc, epcisEventId, epcisEventWithId, unitEpc, type SupplyEventFacts, type SupplyEventKind } from '@medchain/sdk'
import type { Address, Hex } from 'viem'

/** One step of a trail, for people (`what`, member names) and machines (`epcis`). */
export type TrailStep = {
  /** What happened: commissioned, shipped, received, unpacked, dispensed, decommissioned, recalled. */
  what: string
  /** ISO time the member gave (EPCIS eventTime), else null. */
  when: string | null
  /** GLN of the read point, if given. */
  where: string | null
  actor: Address
  counterparty: Address | null
  block: number
  /** The EPCIS 2.0 document with its eventID; null for lot recalls (not EPCIS events). */
  epcis: Record<string, unknown> | null
  /** Whether the document hashes to the id the chain recorded. */
  verified: boolean
}

const KINDS: Record<string, SupplyEventKind> = {
  UnitCommissioned: 'commission',
  BatchCommissioned: 'commission',
  ItemShipped: 'ship',
  ItemReceived: 'receive',
  UnitUnpacked: 'unpack',
  UnitDispensed: 'dispense',
  ItemDecommissioned: 'decommission',
}
const WORDS: Record<SupplyEventKind, string> = {
  commission: 'commissioned',
  ship: 'shipped',
  receive: 'received',
  unpack: 'unpacked',
  dispense: 'dispensed',
  decommission: 'decommissioned',
}

/** The EPCIS facts of a recorded event, exactly as the SDK built them when it was sent. */
function factsOf(event: SupplyEvent, unit: SupplyUnit, kind: SupplyEventKind): SupplyEventFacts {
  const data = event.data
  const itemEpc = event.itemId === unit.unitId ? unitEpc(unit.gtin, unit.serial) : batchEpc(event.itemId)
  const base = { kind, eventTime: event.eventTime ?? 0, readPoint: event.readPoint ?? undefined }
  switch (kind) {
    case 'commission': {
      const serials = (data.serials as string[] | undefined) ?? [unit.serial]
      return { ...base, epcs: serials.map((serial) => unitEpc(unit.gtin, serial)), lot: data.lot as string, expiry: data.expiry as number }
    }
    case 'ship':
      return { ...base, epcs: [itemEpc], source: event.actor, destination: event.counterparty ?? undefined }
    case 'receive':
      return { ...base, epcs: [itemEpc], source: event.counterparty ?? undefined, destination: event.actor }
    case 'unpack':
      return { ...base, epcs: [unitEpc(unit.gtin, unit.serial)], parent: batchEpc(data.batchId as Hex) }
    case 'dispense':
      return { ...base, epcs: [itemEpc], patientCommitment: data.patientCommitment as Hex }
    case 'decommission':
      return { ...base, epcs: [itemEpc], reason: data.reason as number }
  }
}

/**
 * The trail of `unit`: its batch's events up to the unit's unpacking (or all of them while it is
 * still packed), then its own, then its lot's recall, oldest first.
 */
export function custodyTrail(unit: SupplyUnit, events: readonly SupplyEvent[]): TrailStep[] {
  const unpackedAt = events.find((e) => e.itemId === unit.unitId && e.event === 'UnitUnpacked')?.block ?? Number.POSITIVE_INFINITY
  const relevant = events.filter((e) => e.itemId !== unit.batchId || e.block <= unpackedAt)
  return relevant.map((event) => {
    const kind = KINDS[event.event]
    const common = { when: event.eventTime === null ? null : new Date(event.eventTime).toISOString(), where: event.readPoint, actor: event.actor, counterparty: event.counterparty, block: event.block }
    if (kind === undefined) return { ...common, what: 'lot recalled', epcis: null, verified: true }
    const facts = factsOf(event, unit, kind)
    const what = event.itemId === unit.batchId ? `${WORDS[kind]} (in batch ${unit.batchId?.slice(0, 10)}...)` : WORDS[kind]
    return { ...common, what, epcis: epcisEventWithId(facts), verified: epcisEventId(facts) === event.eventId }
  })
}
