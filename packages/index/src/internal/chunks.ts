/** Splits `items` into arrays of at most `size`, so one statement stays a bounded size. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Rows travel to SQL as one JSON parameter read by `json_to_recordset`: one statement per chunk
 * whatever its row count (PostgreSQL caps a statement at 65,535 parameters), and PostgreSQL's
 * JSON parser does the type conversions.
 */
export function jsonParam(rows: readonly object[]): string {
  return JSON.stringify(rows)
}
