import { invalid, optional, toAddress, toArray, toBytes32, toInt, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks, jsonParam } from '../internal/chunks.ts'
import type { AuditEntryInput } from './auditTypes.ts'

const ENTRIES_PER_STATEMENT = 1000

// ORDER BY the ordinality so seq follows the order of `rows`: batches are cut in seq order.
const INSERT = `INSERT INTO audit_entries (entry_id, accessor, member, patient, record_id, record_key, action, purpose,
  authorization_id, decision, at, detail)
SELECT t.entry_id, t.accessor, t.member, t.patient, t.record_id, t.record_key, t.action, t.purpose, t.authorization_id,
  t.decision, t.at, t.detail
FROM ROWS FROM (json_to_recordset($1::json) AS (entry_id text, accessor text, member text, patient text, record_id text,
  record_key text, action integer, purpose integer, authorization_id text, decision integer, at timestamptz, detail jsonb))
  WITH ORDINALITY AS t(entry_id, accessor, member, patient, record_id, record_key, action, purpose, authorization_id,
  decision, at, detail, n)
ORDER BY t.n
ON CONFLICT (entry_id) DO NOTHING`

/** Appends access log entries, unanchored, in one transaction; an entry id already present is skipped. Returns the number appended. */
export async function appendAuditEntries(db: SqlExecutor, rows: readonly AuditEntryInput[]): Promise<number> {
  const entries = toArray('rows', rows).map((value, i) => {
    if (typeof value !== 'object' || value === null) throw invalid(`"rows[${i}]" expected an object`)
    const row = value as AuditEntryInput
    const detail = optional(row.detail, (v) => {
      if (typeof v !== 'object' || Array.isArray(v)) throw invalid(`"rows[${i}].detail" expected an object`)
      return v
    })
    return {
      entry_id: toBytes32(`rows[${i}].entryId`, row.entryId),
      accessor: toAddress(`rows[${i}].accessor`, row.accessor),
      member: toAddress(`rows[${i}].member`, row.member),
      patient: toAddress(`rows[${i}].patient`, row.patient),
      record_id: optional(row.recordId, (v) => toBytes32(`rows[${i}].recordId`, v)),
      record_key: optional(row.recordKey, (v) => toText(`rows[${i}].recordKey`, v, 256)),
      action: toInt(`rows[${i}].action`, row.action),
      purpose: toInt(`rows[${i}].purpose`, row.purpose),
      authorization_id: toBytes32(`rows[${i}].authorization`, row.authorization),
      decision: toInt(`rows[${i}].decision`, row.decision),
      at: toTimestamp(`rows[${i}].at`, row.at),
      detail,
    }
  })
  if (entries.length === 0) return 0
  return db.transaction(async (tx) => {
    let appended = 0
    for (const chunk of chunks(entries, ENTRIES_PER_STATEMENT)) appended += (await tx.query(INSERT, [jsonParam(chunk)])).rowCount
    return appended
  })
}
