import { invalid, toArray, toBlock, toBytes32, toInt, toProof, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks, jsonParam } from '../internal/chunks.ts'
import type { Hex } from '../types.ts'

/** A record version's place in a Merkle batch. */
export type BatchEntry = { recordKey: string; version: number; leafIndex: number; proof: readonly Hex[] }

/** Options of {@link markBatchPending}. */
export type MarkBatchPendingOptions = { root: Hex; entries: readonly BatchEntry[] }

/** Options of {@link markBatchAnchored}. */
export type MarkBatchAnchoredOptions = { root: Hex; entries: readonly BatchEntry[]; block: number }

const ENTRIES_PER_STATEMENT = 1000

const UPDATE = `UPDATE records r SET anchor_kind = $2, batch_root = $3, anchored_block = $4, leaf_index = e.leaf_index, proof = e.proof
FROM json_to_recordset($1::json) AS e(record_key text, version integer, leaf_index integer, proof jsonb)
WHERE r.record_key = e.record_key AND r.version = e.version`

/**
 * Records the batch a pending version is about to be anchored in, before the transaction is
 * sent: after a crash, {@link listPendingBatches} tells which roots to look for on chain. Versions
 * already anchored are left alone. Returns the number of versions updated.
 */
export async function markBatchPending(db: SqlExecutor, { root, entries }: MarkBatchPendingOptions): Promise<number> {
  return updateBatch(db, { root, entries, block: null })
}

/**
 * Marks versions anchored in the batch of Merkle root `root`, at `block`, with their leaf index
 * and proof. Returns the number of versions updated: fewer than `entries.length` means some
 * versions are not in the index.
 */
export async function markBatchAnchored(db: SqlExecutor, { root, entries, block }: MarkBatchAnchoredOptions): Promise<number> {
  return updateBatch(db, { root, entries, block: toBlock('block', block) })
}

async function updateBatch(db: SqlExecutor, options: { root: Hex; entries: readonly BatchEntry[]; block: number | null }): Promise<number> {
  const root = toBytes32('root', options.root)
  const entries = toArray('entries', options.entries).map((entry, i) => {
    if (typeof entry !== 'object' || entry === null) throw invalid(`"entries[${i}]" expected an object`)
    const { recordKey, version, leafIndex, proof } = entry as BatchEntry
    return {
      record_key: toText(`entries[${i}].recordKey`, recordKey, 256),
      version: toInt(`entries[${i}].version`, version),
      leaf_index: toInt(`entries[${i}].leafIndex`, leafIndex),
      proof: toProof(`entries[${i}].proof`, proof),
    }
  })
  const pendingOnly = options.block === null ? ` AND r.anchor_kind = 'pending'` : ''
  const kind = options.block === null ? 'pending' : 'batch'
  return db.transaction(async (tx) => {
    let updated = 0
    for (const chunk of chunks(entries, ENTRIES_PER_STATEMENT)) {
      updated += (await tx.query(UPDATE + pendingOnly, [jsonParam(chunk), kind, root, options.block])).rowCount
    }
    return updated
  })
}

/** Options of {@link confirmBatch}. */
export type ConfirmBatchOptions = { root: Hex; block: number }

/**
 * Marks every pending version of the batch `root` anchored at `block`: one statement, for a writer
 * that indexed the versions with their leaf index and proof before sending the anchor.
 * Returns the number of versions updated.
 */
export async function confirmBatch(db: SqlExecutor, { root, block }: ConfirmBatchOptions): Promise<number> {
  const result = await db.query(`UPDATE records SET anchor_kind = 'batch', anchored_block = $2 WHERE batch_root = $1 AND anchor_kind = 'pending'`, [
    toBytes32('root', root),
    toBlock('block', block),
  ])
  return result.rowCount
}
