import type { Address, Hex, TimestampInput } from '../types.ts'

/** One access decision, as the gateway logs it and the chain anchors it (in batches). */
export type AuditEntry = {
  /** bytes32: the entry's id (its Merkle leaf). */
  entryId: Hex
  accessor: Address
  member: Address
  patient: Address
  /** The on-chain record id, when the access was to one record. */
  recordId: Hex | null
  /** Local: the gateway's record key. */
  recordKey: string | null
  action: number
  purpose: number
  /** bytes32: the consent or break-glass access that allowed (or was checked for) the access. */
  authorization: Hex
  decision: number
  at: string
  batchRoot: Hex | null
  leafIndex: number | null
  proof: Hex[] | null
  anchoredBlock: number | null
  /** Local only (never anchored): e.g. a refusal reason, a request id. */
  detail: Record<string, unknown> | null
}

/** An entry to append: not yet anchored. */
export type AuditEntryInput = Omit<AuditEntry, 'at' | 'recordId' | 'recordKey' | 'detail' | 'batchRoot' | 'leafIndex' | 'proof' | 'anchoredBlock'> & {
  at: TimestampInput
  recordId?: Hex | null | undefined
  recordKey?: string | null | undefined
  detail?: Record<string, unknown> | null | undefined
}

export const AUDIT_COLUMNS = `a.entry_id, a.accessor, a.member, a.patient, a.record_id, a.record_key, a.action, a.purpose,
  a.authorization_id, a.decision, a.at, a.batch_root, a.leaf_index, a.proof, a.anchored_block, a.detail`

export type AuditRow = {
  entry_id: Hex
  accessor: Address
  member: Address
  patient: Address
  record_id: Hex | null
  record_key: string | null
  action: number
  purpose: number
  authorization_id: Hex
  decision: number
  at: string
  batch_root: Hex | null
  leaf_index: number | null
  proof: Hex[] | null
  anchored_block: string | null
  detail: Record<string, unknown> | null
}

export function auditFromRow(row: AuditRow): AuditEntry {
  return {
    entryId: row.entry_id,
    accessor: row.accessor,
    member: row.member,
    patient: row.patient,
    recordId: row.record_id,
    recordKey: row.record_key,
    action: row.action,
    purpose: row.purpose,
    authorization: row.authorization_id,
    decision: row.decision,
    at: row.at,
    batchRoot: row.batch_root,
    leafIndex: row.leaf_index,
    proof: row.proof,
    anchoredBlock: row.anchored_block === null ? null : Number(row.anchored_block),
    detail: row.detail,
  }
}
