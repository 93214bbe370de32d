import { optional, toBytes32, toInt } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex } from '../types.ts'
import { RECORD_COLUMNS, type RecordRow, recordFromRow } from './recordRow.ts'
import type { RecordVersion } from './recordTypes.ts'

/** A batch of pending versions: `batchRoot` null for versions not yet put in a batch. */
export type PendingBatch = { batchRoot: Hex | null; count: number }

/** The batches with versions still waiting for their anchor (crash recovery), oldest root first. */
export async function listPendingBatches(db: SqlExecutor): Promise<PendingBatch[]> {
  const { rows } = await db.query<{ batch_root: Hex | null; count: string }>(
    `SELECT batch_root, count(*) AS count FROM records WHERE anchor_kind = 'pending'
     GROUP BY batch_root ORDER BY min(last_updated), batch_root NULLS FIRST`,
  )
  return rows.map((row) => ({ batchRoot: row.batch_root, count: Number(row.count) }))
}

/** Options of {@link listPendingRecords}. */
export type ListPendingRecordsOptions = {
  /** Only this batch; `null` for versions in no batch yet; all pending versions when omitted. */
  batchRoot?: Hex | null | undefined
  limit: number
}

/** Versions with anchor kind `pending`, in leaf order within a batch. */
export async function listPendingRecords(db: SqlExecutor, { batchRoot, limit }: ListPendingRecordsOptions): Promise<RecordVersion[]> {
  const root = optional(batchRoot, (v) => toBytes32('batchRoot', v))
  const filter = batchRoot === undefined ? '' : root === null ? 'AND r.batch_root IS NULL' : 'AND r.batch_root = $2'
  const params = root === null ? [toInt('limit', limit, 0, 100_000)] : [toInt('limit', limit, 0, 100_000), root]
  const { rows } = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.anchor_kind = 'pending' ${filter}
     ORDER BY r.batch_root NULLS FIRST, r.leaf_index, r.last_updated, r.record_key, r.version LIMIT $1`,
    params,
  )
  return rows.map(recordFromRow)
}
