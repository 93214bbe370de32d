import { toArray } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks, jsonParam } from '../internal/chunks.ts'
import { parseRecordVersion, parseSearchParam, type RecordVersionJson, type SearchParamJson } from './parseRecordVersion.ts'
import type { RecordVersionInput, SearchParamInput } from './recordTypes.ts'

/** Rows per statement: large enough to amortise a round trip, small enough to bound memory. */
const RECORDS_PER_STATEMENT = 1000
const PARAMS_PER_STATEMENT = 3000

/** What {@link insertRecordVersions} did. */
export type InsertRecordVersionsReturnType = {
  /** Versions written; a version already indexed is skipped, so replaying events is harmless. */
  inserted: number
  searchParams: number
}

// Demote current versions the batch supersedes. Runs before the inserts so that, across chunks,
// "no newer version exists" is all an inserted row needs to know to be current.
const DEMOTE = `UPDATE records o SET is_current = false
FROM json_to_recordset($1::json) AS b(record_key text, version integer)
WHERE o.record_key = b.record_key AND o.is_current AND o.version < b.version`

const INSERT_RECORDS = `INSERT INTO records (record_key, version, record_id, resource_type, patient, custodian,
  content_hash, previous_hash, anchor_kind, batch_root, leaf_index, proof, anchored_block, last_updated, wrapped_keys, is_current)
SELECT t.record_key, t.version, t.record_id, t.resource_type, t.patient, t.custodian, t.content_hash, t.previous_hash,
  t.anchor_kind, t.batch_root, t.leaf_index, t.proof, t.anchored_block, t.last_updated, t.wrapped_keys,
  t.newest AND NOT EXISTS (SELECT 1 FROM records o WHERE o.record_key = t.record_key AND o.version > t.version)
FROM json_to_recordset($1::json) AS t(record_key text, version integer, record_id text, resource_type text, patient text,
  custodian text, content_hash text, previous_hash text, anchor_kind text, batch_root text, leaf_index integer, proof jsonb,
  anchored_block bigint, last_updated timestamptz, wrapped_keys jsonb, newest boolean)
ON CONFLICT (record_key, version) DO NOTHING
RETURNING record_key, version`

const INSERT_PARAMS = `INSERT INTO search_params (record_key, version, patient, resource_type, name, system, code,
  value_num, value_str, date_start, date_end)
SELECT * FROM json_to_recordset($1::json) AS t(record_key text, version integer, patient text, resource_type text,
  name text, system text, code text, value_num numeric, value_str text, date_start timestamptz, date_end timestamptz)`

/**
 * Indexes record versions and their search parameters in one transaction (the caller's when
 * given a transaction): the newest version of each record becomes current and the versions it
 * supersedes stop being current. Versions may arrive in any order.
 */
export async function insertRecordVersions(db: SqlExecutor, rows: readonly RecordVersionInput[]): Promise<InsertRecordVersionsReturnType> {
  const inputs = toArray('rows', rows) as RecordVersionInput[]
  const records = inputs.map((row, i) => parseRecordVersion(`rows[${i}]`, row))
  const params = new Map<string, SearchParamJson[]>()
  records.forEach((record, i) => {
    const list = toArray(`rows[${i}].searchParams`, inputs[i]?.searchParams ?? []) as SearchParamInput[]
    params.set(versionKey(record), list.map((param, j) => parseSearchParam(`rows[${i}].searchParams[${j}]`, param, record)))
  })
  if (records.length === 0) return { inserted: 0, searchParams: 0 }

  const newest = new Map<string, number>()
  for (const { record_key, version } of records) newest.set(record_key, Math.max(version, newest.get(record_key) ?? -1))
  const rowsJson = records.map((record) => ({ ...record, newest: newest.get(record.record_key) === record.version }))

  return db.transaction(async (tx) => {
    const batchNewest = [...newest].map(([record_key, version]) => ({ record_key, version }))
    for (const chunk of chunks(batchNewest, RECORDS_PER_STATEMENT)) await tx.query(DEMOTE, [jsonParam(chunk)])
    const written: SearchParamJson[] = []
    let inserted = 0
    for (const chunk of chunks(rowsJson, RECORDS_PER_STATEMENT)) {
      const result = await tx.query<{ record_key: string; version: number }>(INSERT_RECORDS, [jsonParam(chunk)])
      inserted += result.rows.length
      // Only versions written now get their parameters: a replayed version keeps the ones it has.
      for (const row of result.rows) written.push(...(params.get(versionKey(row)) ?? []))
    }
    for (const chunk of chunks(written, PARAMS_PER_STATEMENT)) await tx.query(INSERT_PARAMS, [jsonParam(chunk)])
    return { inserted, searchParams: written.length }
  })
}

function versionKey(row: Pick<RecordVersionJson, 'record_key' | 'version'>): string {
  return `${row.version}:${row.record_key}`
}
