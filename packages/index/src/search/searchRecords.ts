import { invalid, optional, toAddress, toArray, toOneOf, toPage, toText } from '../assert.ts'
import type { SqlExecutor, SqlParam } from '../driver/SqlDriver.ts'
import { RECORD_COLUMNS, type RecordRow, recordFromRow } from '../records/recordRow.ts'
import type { RecordVersion } from '../records/recordTypes.ts'
import type { Address, PagedResult } from '../types.ts'
import { type DateFilter, dateCondition } from './dateCondition.ts'

/** A FHIR token: `code`, or `system|code` when `system` is given. */
export type TokenFilter = { system?: string | undefined; code: string }

/** How search results are ordered; `date` sorts on the record's earliest date, `-date` its latest. */
export type SearchSort = 'date' | '-date' | '_lastUpdated' | '-_lastUpdated'

/** Options of {@link searchRecords}. */
export type SearchRecordsOptions = {
  resourceType: string
  patient?: Address | undefined
  /** Matches the `code` search parameter (`codeParam`); an array matches any of its tokens (FHIR `code=a,b`). */
  code?: TokenFilter | readonly TokenFilter[] | undefined
  /** Conditions on the `date` search parameter (`dateParam`), all of which must hold (FHIR `date=ge..&date=lt..`). */
  date?: readonly DateFilter[] | undefined
  /** At most 1000. 0 returns only the total (FHIR `_summary=count`). */
  count: number
  offset?: number | undefined
  /** `_lastUpdated` when omitted; ties are broken by record key, so pages are stable. */
  sort?: SearchSort | undefined
  /** Include erased records (flagged by `erasedAt`); they can then match on patient and type only, their search parameters being deleted. */
  includeErased?: boolean | undefined
  /** The search parameter name `code` filters on; `code` when omitted. */
  codeParam?: string | undefined
  /** The search parameter name `date` filters and sorts on; `date` when omitted. */
  dateParam?: string | undefined
}

const SORTS: readonly SearchSort[] = ['date', '-date', '_lastUpdated', '-_lastUpdated']

/**
 * Searches the current versions of records, FHIR style: `total` counts every match, `rows` holds
 * the requested page.
 */
export async function searchRecords(db: SqlExecutor, options: SearchRecordsOptions): Promise<PagedResult<RecordVersion>> {
  const params: SqlParam[] = []
  const param = (value: SqlParam) => `$${params.push(value)}`
  const page = toPage(options)
  const sort = toOneOf('sort', options.sort ?? '_lastUpdated', SORTS)
  const codeParam = toText('codeParam', options.codeParam ?? 'code', 64)
  const dateParam = toText('dateParam', options.dateParam ?? 'date', 64)
  const matchParam = (name: string, condition: string) =>
    `EXISTS (SELECT 1 FROM search_params s WHERE s.record_key = r.record_key AND s.version = r.version AND s.name = ${param(name)} AND ${condition})`

  const where = ['r.is_current', `r.resource_type = ${param(toText('resourceType', options.resourceType, 64))}`]
  const patient = optional(options.patient, (v) => toAddress('patient', v))
  if (patient !== null) where.push(`r.patient = ${param(patient)}`)
  if (options.includeErased !== true) where.push('r.erased_at IS NULL')
  if (options.code !== undefined) {
    const tokens = Array.isArray(options.code) ? options.code : [options.code as TokenFilter]
    if (tokens.length === 0) throw invalid('"code" expected at least one token')
    const any = tokens.map((token, i) => {
      const code = `s.code = ${param(toText(`code[${i}].code`, token?.code))}`
      return token.system === undefined ? code : `(${code} AND s.system = ${param(toText(`code[${i}].system`, token.system))})`
    })
    where.push(matchParam(codeParam, `(${any.join(' OR ')})`))
  }
  toArray('date', options.date ?? []).forEach((filter, i) => {
    where.push(matchParam(dateParam, dateCondition(`date[${i}]`, filter as DateFilter, param)))
  })
  const filter = where.join('\n  AND ')
  const filterParams = [...params]

  const sortKey =
    sort === 'date' ? `(SELECT min(coalesce(s.date_start, s.date_end)) FROM search_params s
        WHERE s.record_key = r.record_key AND s.version = r.version AND s.name = ${param(dateParam)})`
    : sort === '-date' ? `(SELECT max(coalesce(s.date_end, s.date_start)) FROM search_params s
        WHERE s.record_key = r.record_key AND s.version = r.version AND s.name = ${param(dateParam)})`
    : 'r.last_updated'
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC'
  // Page on keys first, then fetch the full rows of that page only: the sort never carries
  // wrapped keys and proofs of every match.
  const { rows } = await db.query<RecordRow & { total: string }>(
    `WITH page AS (
  SELECT r.record_key, r.version, ${sortKey} AS sort_key, count(*) OVER () AS total
  FROM records r WHERE ${filter}
  ORDER BY sort_key ${direction} NULLS LAST, r.record_key LIMIT ${param(page.count)} OFFSET ${param(page.offset)}
)
SELECT p.total, ${RECORD_COLUMNS} FROM page p JOIN records r ON r.record_key = p.record_key AND r.version = p.version
ORDER BY p.sort_key ${direction} NULLS LAST, p.record_key`,
    params,
  )
  if (rows[0]) return { total: Number(rows[0].total), rows: rows.map(recordFromRow) }
  if (page.offset === 0 && page.count > 0) return { total: 0, rows: [] }
  // An empty page (count 0, or past the end) carries no total: count separately.
  const counted = await db.query<{ total: string }>(`SELECT count(*) AS total FROM records r WHERE ${filter}`, filterParams)
  return { total: Number(counted.rows[0]?.total ?? 0), rows: [] }
}
