import type { Address, Hex, TimestampInput } from '../types.ts'

/** How a record version is anchored: alone, in a Merkle batch, or not yet (a batch is being anchored). */
export type AnchorKind = 'single' | 'batch' | 'pending'

/** One version of a record as the index holds it. Timestamps are ISO strings (UTC). */
export type RecordVersion = {
  /** The gateway's id, e.g. `Observation/abc`. */
  recordKey: string
  /** The on-chain record id (bytes32). */
  recordId: Hex
  version: number
  resourceType: string
  /** The patient's pseudonym address. */
  patient: Address
  custodian: Address
  /** SHA-256 of the ciphertext: the blob's address in the store. */
  contentHash: Hex
  previousHash: Hex | null
  anchorKind: AnchorKind
  batchRoot: Hex | null
  leafIndex: number | null
  proof: Hex[] | null
  anchoredBlock: number | null
  lastUpdated: string
  /** ECIES-wrapped data keys by recipient id (base64); `{}` once destroyed. */
  wrappedKeys: Record<string, string>
  isCurrent: boolean
  /** Set when the record was erased; the gateway answers 410 Gone for it. */
  erasedAt: string | null
  erasureReason: string | null
}

/** One FHIR search parameter value of a record version, as produced by the FHIR package. */
export type SearchParamInput = {
  /** The search parameter name, e.g. `code`, `date`, `status`. */
  name: string
  system?: string | null | undefined
  code?: string | null | undefined
  /** A decimal (quantity) value, as a string so no precision is lost. */
  valueNum?: string | number | null | undefined
  valueStr?: string | null | undefined
  /** First instant of the value's range; absent means unbounded below. */
  dateStart?: TimestampInput | null | undefined
  /** Last instant of the value's range, inclusive; absent means unbounded above (an ongoing period). */
  dateEnd?: TimestampInput | null | undefined
}

/** A record version to insert, with the search parameters of that version. */
export type RecordVersionInput = {
  recordKey: string
  recordId: Hex
  version: number
  resourceType: string
  patient: Address
  custodian: Address
  contentHash: Hex
  previousHash?: Hex | null | undefined
  anchorKind: AnchorKind
  batchRoot?: Hex | null | undefined
  leafIndex?: number | null | undefined
  proof?: readonly Hex[] | null | undefined
  anchoredBlock?: number | null | undefined
  lastUpdated: TimestampInput
  wrappedKeys?: Record<string, string> | undefined
  searchParams?: readonly SearchParamInput[] | undefined
}
