import { invalid, toArray, toBlock, toBytes32, toInt, toProof } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks, jsonParam } from '../internal/chunks.ts'
import type { Hex } from '../types.ts'
import { AUDIT_COLUMNS, type AuditEntry, type AuditRow, auditFromRow } from './auditTypes.ts'

/** Options of {@link listUnanchoredAuditEntries}. */
export type ListUnanchoredAuditEntriesOptions = { limit: number }

/**
 * The oldest entries not yet in an anchored batch, in the order they were appended. Until they
 * are anchored the same call returns the same entries, so a batch rebuilt after a crash (with the
 * same limit) has the same root as the one that may already be on chain.
 */
export async function listUnanchoredAuditEntries(db: SqlExecutor, { limit }: ListUnanchoredAuditEntriesOptions): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_entries a WHERE a.batch_root IS NULL ORDER BY a.seq LIMIT $1`, [
    toInt('limit', limit, 0, 100_000),
  ])
  return rows.map(auditFromRow)
}

/** An entry's place in an anchored audit batch. */
export type AuditBatchEntry = { entryId: Hex; leafIndex: number; proof: readonly Hex[] }

/** Options of {@link markAuditBatchAnchored}. */
export type MarkAuditBatchAnchoredOptions = { root: Hex; entries: readonly AuditBatchEntry[]; block: number }

const ENTRIES_PER_STATEMENT = 1000

/** Marks entries anchored in the batch of Merkle root `root` at `block`. Returns the number updated. */
export async function markAuditBatchAnchored(db: SqlExecutor, { root, entries, block }: MarkAuditBatchAnchoredOptions): Promise<number> {
  const params = [toBytes32('root', root), toBlock('block', block)]
  const rows = toArray('entries', entries).map((value, i) => {
    if (typeof value !== 'object' || value === null) throw invalid(`"entries[${i}]" expected an object`)
    const entry = value as AuditBatchEntry
    return {
      entry_id: toBytes32(`entries[${i}].entryId`, entry.entryId),
      leaf_index: toInt(`entries[${i}].leafIndex`, entry.leafIndex),
      proof: toProof(`entries[${i}].proof`, entry.proof),
    }
  })
  return db.transaction(async (tx) => {
    let updated = 0
    for (const chunk of chunks(rows, ENTRIES_PER_STATEMENT)) {
      const result = await tx.query(
        `UPDATE audit_entries a SET batch_root = $2, anchored_block = $3, leaf_index = e.leaf_index, proof = e.proof
         FROM json_to_recordset($1::json) AS e(entry_id text, leaf_index integer, proof jsonb) WHERE a.entry_id = e.entry_id`,
        [jsonParam(chunk), ...params],
      )
      updated += result.rowCount
    }
    return updated
  })
}
