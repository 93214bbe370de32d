import type { Hex } from '../types.ts'
import type { AnchorKind, RecordVersion } from './recordTypes.ts'

/** The columns every record query selects, in the shape {@link recordFromRow} reads. */
export const RECORD_COLUMNS = `r.record_key, r.record_id, r.version, r.resource_type, r.patient, r.custodian,
  r.content_hash, r.previous_hash, r.anchor_kind, r.batch_root, r.leaf_index, r.proof, r.anchored_block,
  r.last_updated, r.wrapped_keys, r.is_current, r.erased_at, r.erasure_reason`

export type RecordRow = {
  record_key: string
  record_id: Hex
  version: number
  resource_type: string
  patient: Hex
  custodian: Hex
  content_hash: Hex
  previous_hash: Hex | null
  anchor_kind: AnchorKind
  batch_root: Hex | null
  leaf_index: number | null
  proof: Hex[] | null
  anchored_block: string | null
  last_updated: string
  wrapped_keys: Record<string, string>
  is_current: boolean
  erased_at: string | null
  erasure_reason: string | null
}

export function recordFromRow(row: RecordRow): RecordVersion {
  return {
    recordKey: row.record_key,
    recordId: row.record_id,
    version: row.version,
    resourceType: row.resource_type,
    patient: row.patient,
    custodian: row.custodian,
    contentHash: row.content_hash,
    previousHash: row.previous_hash,
    anchorKind: row.anchor_kind,
    batchRoot: row.batch_root,
    leafIndex: row.leaf_index,
    proof: row.proof,
    anchoredBlock: row.anchored_block === null ? null : Number(row.anchored_block),
    lastUpdated: row.last_updated,
    wrappedKeys: row.wrapped_keys,
    isCurrent: row.is_current,
    erasedAt: row.erased_at,
    erasureReason: row.erasure_reason,
  }
}
