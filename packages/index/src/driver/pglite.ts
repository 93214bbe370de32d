import { mkdir } from 'node:fs/promises'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { PG_TYPES, parseTimestamptz } from './parseTimestamptz.ts'
import { closedError, queryError } from './queryError.ts'
import { nestedTransaction } from './savepoint.ts'
import type { SqlDriver, SqlExecutor, SqlParam, SqlResult } from './SqlDriver.ts'

/** Options of {@link createPgliteDriver}. */
export type CreatePgliteDriverOptions = {
  /** Directory holding the database; in memory when omitted. */
  dataDir?: string | undefined
}

// PGlite parses int8 into a JavaScript number (lossy past 2^53) and timestamptz into a Date;
// node-postgres gives strings. Both drivers are set to the contract of SqlExecutor instead.
const parsers = {
  [PG_TYPES.INT8]: (text: string) => text,
  [PG_TYPES.NUMERIC]: (text: string) => text,
  [PG_TYPES.TIMESTAMPTZ]: parseTimestamptz,
}

type PgliteQueryable = Pick<Transaction, 'query' | 'exec'>

function executorOn(target: PgliteQueryable, isClosed: () => boolean): Omit<SqlExecutor, 'transaction'> {
  return { query: queryOn(target, isClosed), exec: execOn(target, isClosed) }
}

function execOn(target: PgliteQueryable, isClosed: () => boolean): SqlExecutor['exec'] {
  return async (sql) => {
    if (isClosed()) throw closedError()
    try {
      await target.exec(sql)
    } catch (error) {
      throw queryError(error)
    }
  }
}

function queryOn(target: PgliteQueryable, isClosed: () => boolean): SqlExecutor['query'] {
  return async <Row>(sql: string, params: readonly SqlParam[] = []): Promise<SqlResult<Row>> => {
    if (isClosed()) throw closedError()
    try {
      const result = await target.query<Row>(sql, [...params])
      return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length }
    } catch (error) {
      throw queryError(error)
    }
  }
}

/**
 * Opens embedded PostgreSQL (PGlite, WebAssembly) in this process. PGlite runs one statement at
 * a time: inside `transaction`, use only the `tx` it gives, never the driver (that would wait
 * for the transaction to end, which waits for the callback: a deadlock).
 */
export async function createPgliteDriver({ dataDir }: CreatePgliteDriverOptions = {}): Promise<SqlDriver> {
  // PGlite creates only the last path segment; a fresh gateway's data directory has none yet.
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir, { parsers })
  let closed = false
  const isClosed = () => closed
  await db.query(`SET TIME ZONE 'UTC'`)
  return {
    kind: 'pglite',
    ...executorOn(db, isClosed),
    async transaction(fn) {
      if (closed) throw closedError()
      return db.transaction(async (tx) => {
        const executor = executorOn(tx, isClosed)
        return fn({ ...executor, transaction: nestedTransaction(executor, 1) })
      })
    },
    async close() {
      if (closed) return
      closed = true
      await db.close()
    },
  }
}
