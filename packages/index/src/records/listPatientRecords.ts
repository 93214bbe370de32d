import { toAddress, toInt } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { RECORD_COLUMNS, type RecordRow, recordFromRow } from './recordRow.ts'
import type { RecordVersion } from './recordTypes.ts'

/** Options of {@link listPatientRecords}. */
export type ListPatientRecordsOptions = { patient: string; limit?: number | undefined }

/**
 * Every current, non-erased record of one patient, of any type, in key order (a patient's
 * `$export`). At most `limit` (default 100,000) rows.
 */
export async function listPatientRecords(db: SqlExecutor, { patient, limit = 100_000 }: ListPatientRecordsOptions): Promise<RecordVersion[]> {
  const { rows } = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.patient = $1 AND r.is_current AND r.erased_at IS NULL ORDER BY r.record_key LIMIT $2`,
    [toAddress('patient', patient), toInt('limit', limit, 1, 1_000_000)],
  )
  return rows.map(recordFromRow)
}
