import type { SearchRow } from '@medchain/fhir'
import type { SearchParamInput } from '@medchain/index'

/** The FHIR package's search rows in the index's shape (millisecond instants become Dates). */
export function searchParamRows(rows: readonly SearchRow[]): SearchParamInput[] {
  return rows.map((row) => ({
    name: row.name,
    system: row.system ?? null,
    code: row.code ?? null,
    valueNum: row.valueNum ?? null,
    valueStr: row.valueStr ?? null,
    dateStart: row.dateStart === undefined ? null : new Date(row.dateStart),
    dateEnd: row.dateEnd === undefined ? null : new Date(row.dateEnd),
  }))
}
