import { toInt, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { RECORD_COLUMNS, type RecordRow, recordFromRow } from './recordRow.ts'
import type { RecordVersion } from './recordTypes.ts'

/** Options of {@link getCurrentRecord}. */
export type GetCurrentRecordOptions = { recordKey: string }

/**
 * The current version of a record, erased or not (`erasedAt` set: the gateway answers 410 Gone),
 * or undefined when the index has no such record.
 */
export async function getCurrentRecord(db: SqlExecutor, { recordKey }: GetCurrentRecordOptions): Promise<RecordVersion | undefined> {
  const { rows } = await db.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.record_key = $1 AND r.is_current`, [
    toText('recordKey', recordKey, 256),
  ])
  return rows[0] && recordFromRow(rows[0])
}

/** Options of {@link getCurrentRecords}. */
export type GetCurrentRecordsOptions = { recordKeys: readonly string[] }

/** The current versions of many records in one query (a write of a Bundle checks them all), by key. */
export async function getCurrentRecords(db: SqlExecutor, { recordKeys }: GetCurrentRecordsOptions): Promise<Map<string, RecordVersion>> {
  const keys = recordKeys.map((key, i) => toText(`recordKeys[${i}]`, key, 256))
  const found = new Map<string, RecordVersion>()
  if (keys.length === 0) return found
  const { rows } = await db.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.is_current AND r.record_key IN (SELECT json_array_elements_text($1::json))`,
    [JSON.stringify(keys)],
  )
  for (const row of rows) found.set(row.record_key, recordFromRow(row))
  return found
}

/** Options of {@link getRecordVersion}. */
export type GetRecordVersionOptions = { recordKey: string; version: number }

/** One version of a record (FHIR vread), or undefined. */
export async function getRecordVersion(db: SqlExecutor, { recordKey, version }: GetRecordVersionOptions): Promise<RecordVersion | undefined> {
  const { rows } = await db.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.record_key = $1 AND r.version = $2`, [
    toText('recordKey', recordKey, 256),
    toInt('version', version),
  ])
  return rows[0] && recordFromRow(rows[0])
}

/** Options of {@link listHistory}. */
export type ListHistoryOptions = { recordKey: string }

/** Every version of a record, newest first (the order of a FHIR `_history` bundle). */
export async function listHistory(db: SqlExecutor, { recordKey }: ListHistoryOptions): Promise<RecordVersion[]> {
  const { rows } = await db.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.record_key = $1 ORDER BY r.version DESC`, [
    toText('recordKey', recordKey, 256),
  ])
  return rows.map(recordFromRow)
}
