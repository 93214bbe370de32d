// Supply events as GS1 EPCIS 2.0 documents (JSON-LD) and the id the DrugRegistry records for
// each: the SHA-256 of the document's RFC 8785 canonical JSON. Every field comes from what the
// chain holds for the event, so anyone can rebuild the document from a log and check its id.
import { canonicalJson } from '@medchain/crypto'
import { sha256, stringToBytes, type Address, type Hex } from 'viem'
import { decommissionReasons } from '@medchain/contracts'
import { expiryToIsoDate } from './gs1.ts'

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'

/** Which supply function an event is: the EPCIS "why" (bizStep, disposition) follows from it. */
export type SupplyEventKind = 'commission' | 'ship' | 'receive' | 'unpack' | 'dispense' | 'decommission'

/** The facts of one event, as the chain holds them. */
export type SupplyEventFacts = {
  kind: SupplyEventKind
  /** EPC URIs of the items: units as `https://id.gs1.org/01/{gtin}/21/{serial}`, batches as {@link batchEpc}. */
  epcs: readonly string[]
  /** Unix milliseconds. */
  eventTime: number
  /** GLN of the read point, if said. */
  readPoint?: string | undefined
  /** The member the item leaves (ship, receive). */
  source?: Address | undefined
  /** The member the item goes to (ship, receive). */
  destination?: Address | undefined
  /** Commissioning: lot number and YYMMDD expiry. */
  lot?: string | undefined
  expiry?: number | undefined
  /** Unpacking: the batch the unit leaves. */
  parent?: string | undefined
  /** Decommissioning: a DecommissionReasons code. */
  reason?: number | undefined
  /** Dispensing: the commitment to a MedicationDispense record, if any. */
  patientCommitment?: Hex | undefined
}

/** The EPC URI of a unit (GS1 Digital Link on id.gs1.org, as EPCIS 2.0 allows). */
export const unitEpc = (gtin: string, serial: string): string => `https://id.gs1.org/01/${gtin}/21/${encodeURIComponent(serial)}`
/** The EPC URI of a batch: medchain names a batch by its Merkle root (no SSCC needed). */
export const batchEpc = (batchId: Hex): string => `urn:medchain:batch:${batchId.toLowerCase()}`
const party = (member: Address): string => `urn:medchain:member:${member.toLowerCase()}`

const WHY: Record<SupplyEventKind, { action: string; bizStep: string; disposition: string }> = {
  commission: { action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  ship: { action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  receive: { action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  unpack: { action: 'DELETE', bizStep: 'unpacking', disposition: 'in_progress' },
  dispense: { action: 'OBSERVE', bizStep: 'dispensing', disposition: 'dispensed' },
  decommission: { action: 'DELETE', bizStep: 'decommissioning', disposition: 'destroyed' },
}

const DECOMMISSION_WHY: Record<number, { bizStep: string; disposition: string }> = {
  [decommissionReasons.DESTROYED]: { bizStep: 'destroying', disposition: 'destroyed' },
  [decommissionReasons.STOLEN]: { bizStep: 'decommissioning', disposition: 'stolen' },
  [decommissionReasons.SAMPLE]: { bizStep: 'sampling', disposition: 'non_sellable_other' },
}

/** The EPCIS 2.0 event document of `facts` (without eventID, which is derived from it). */
export function epcisDocument(facts: SupplyEventFacts): Record<string, unknown> {
  const why = { ...WHY[facts.kind], ...(facts.kind === 'decommission' ? DECOMMISSION_WHY[facts.reason ?? 0] : {}) }
  const unpack = facts.kind === 'unpack'
  const document: Record<string, unknown> = {
    '@context': EPCIS_CONTEXT,
    type: unpack ? 'AggregationEvent' : 'ObjectEvent',
    eventTime: new Date(facts.eventTime).toISOString(),
    eventTimeZoneOffset: '+00:00',
    ...(unpack ? { parentID: facts.parent, childEPCs: [...facts.epcs] } : { epcList: [...facts.epcs] }),
    action: why.action,
    bizStep: why.bizStep,
    disposition: why.disposition,
  }
  if (facts.readPoint !== undefined) document.readPoint = { id: `https://id.gs1.org/414/${facts.readPoint}` }
  if (facts.source !== undefined) document.sourceList = [{ type: 'owning_party', source: party(facts.source) }]
  if (facts.destination !== undefined) document.destinationList = [{ type: 'owning_party', destination: party(facts.destination) }]
  if (facts.lot !== undefined && facts.expiry !== undefined) {
    document.ilmd = { 'cbvmda:lotNumber': facts.lot, 'cbvmda:itemExpirationDate': expiryToIsoDate(facts.expiry) }
  }
  if (facts.patientCommitment !== undefined && !/^0x0{64}$/.test(facts.patientCommitment)) {
    document['medchain:patientCommitment'] = facts.patientCommitment.toLowerCase()
  }
  return document
}

/** SHA-256 of the canonical JSON of the event's document: the id the DrugRegistry records. */
export function epcisEventId(facts: SupplyEventFacts): Hex {
  return sha256(stringToBytes(canonicalJson(epcisDocument(facts))))
}

/** The document with its `eventID` (`ni:///sha-256;<hex>?ver=CBV2.0`), as the gateway serves it. */
export function epcisEventWithId(facts: SupplyEventFacts): Record<string, unknown> & { eventID: string } {
  const id = epcisEventId(facts)
  return { ...epcisDocument(facts), eventID: `ni:///sha-256;${id.slice(2)}?ver=CBV2.0` }
}
