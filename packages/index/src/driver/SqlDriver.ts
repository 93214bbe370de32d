/** A query parameter: values always travel as parameters ($1..), never inside SQL text. */
export type SqlParam = string | number | boolean | null

/** Rows of a statement and how many rows it returned or changed. */
export type SqlResult<Row> = { rows: Row[]; rowCount: number }

/**
 * Runs SQL on the index database, inside a transaction or not. Both drivers return the same
 * JavaScript values: int8 and numeric as decimal strings, timestamptz as ISO strings (UTC),
 * json/jsonb parsed, int2/int4 as numbers, bool as booleans.
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<SqlResult<Row>>
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>
  /** Runs `fn` in a transaction (a savepoint when already in one): commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>
}

/** One of the two database drivers (embedded PGlite, PostgreSQL server). */
export interface SqlDriver extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres'
  close(): Promise<void>
}
