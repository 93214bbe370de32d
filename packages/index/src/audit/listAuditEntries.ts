import { optional, toAddress, toPage, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, PagedResult, TimestampInput } from '../types.ts'
import { AUDIT_COLUMNS, type AuditEntry, type AuditRow, auditFromRow } from './auditTypes.ts'

/** Options of {@link listAuditEntries}. */
export type ListAuditEntriesOptions = {
  patient?: Address | undefined
  accessor?: Address | undefined
  /** Only entries at or after this instant. */
  since?: TimestampInput | undefined
  /** At most 1000. */
  count: number
  offset?: number | undefined
}

/** Access log entries, newest first (what a patient sees of every access to their records). */
export async function listAuditEntries(db: SqlExecutor, options: ListAuditEntriesOptions): Promise<PagedResult<AuditEntry>> {
  const page = toPage(options)
  const filter = `($1::text IS NULL OR a.patient = $1) AND ($2::text IS NULL OR a.accessor = $2) AND ($3::timestamptz IS NULL OR a.at >= $3)`
  const params = [
    optional(options.patient, (v) => toAddress('patient', v)),
    optional(options.accessor, (v) => toAddress('accessor', v)),
    optional(options.since, (v) => toTimestamp('since', v)),
  ]
  const { rows } = await db.query<AuditRow & { total: string }>(
    `SELECT ${AUDIT_COLUMNS}, count(*) OVER () AS total FROM audit_entries a WHERE ${filter}
     ORDER BY a.at DESC, a.seq DESC LIMIT $4 OFFSET $5`,
    [...params, page.count, page.offset],
  )
  if (rows[0]) return { total: Number(rows[0].total), rows: rows.map(auditFromRow) }
  if (page.offset === 0 && page.count > 0) return { total: 0, rows: [] }
  const counted = await db.query<{ total: string }>(`SELECT count(*) AS total FROM audit_entries a WHERE ${filter}`, params)
  return { total: Number(counted.rows[0]?.total ?? 0), rows: [] }
}
