import pg from 'pg'
import { PG_TYPES, parseTimestamptz } from './parseTimestamptz.ts'
import { closedError, queryError } from './queryError.ts'
import { nestedTransaction } from './savepoint.ts'
import type { SqlDriver, SqlExecutor, SqlParam, SqlResult } from './SqlDriver.ts'

/** Options of {@link createPostgresDriver}. */
export type CreatePostgresDriverOptions = {
  /** `postgres://user:password@host:port/database?...` */
  url: string
}

// node-postgres already returns int8 and numeric as strings; only timestamptz differs from the
// SqlExecutor contract. Per-pool parsers leave pg's global type registry alone.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_TYPES.TIMESTAMPTZ && format !== 'binary' ? parseTimestamptz : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

type PgQueryable = pg.Pool | pg.PoolClient

function executorOn(target: PgQueryable, isClosed: () => boolean): Omit<SqlExecutor, 'transaction'> {
  // Without parameters node-postgres uses the simple protocol, which runs several statements
  // (and answers with an array of results, which exec does not need).
  const exec = async (sql: string) => {
    if (isClosed()) throw closedError()
    try {
      await target.query(sql)
    } catch (error) {
      throw queryError(error)
    }
  }
  return { query: queryOn(target, isClosed), exec }
}

function queryOn(target: PgQueryable, isClosed: () => boolean): SqlExecutor['query'] {
  return async <Row>(sql: string, params: readonly SqlParam[] = []): Promise<SqlResult<Row>> => {
    if (isClosed()) throw closedError()
    try {
      const result = await target.query(sql, [...params])
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length }
    } catch (error) {
      throw queryError(error)
    }
  }
}

/** Connects to a PostgreSQL server through a node-postgres pool (up to 10 connections). */
export function createPostgresDriver({ url }: CreatePostgresDriverOptions): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, options: '-c TimeZone=UTC', types, connectionTimeoutMillis: 10_000 })
  // A server restart breaks idle connections; the pool drops them and reconnects on the next
  // query. Without a listener the 'error' event would end the process.
  pool.on('error', () => {})
  let closed = false
  const isClosed = () => closed
  return {
    kind: 'postgres',
    ...executorOn(pool, isClosed),
    async transaction(fn) {
      if (closed) throw closedError()
      let client: pg.PoolClient
      try {
        client = await pool.connect()
      } catch (error) {
        throw queryError(error)
      }
      const executor = executorOn(client, isClosed)
      try {
        await executor.query('BEGIN')
        const result = await fn({ ...executor, transaction: nestedTransaction(executor, 1) })
        await executor.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        // A connection that cannot roll back is in an unknown state: destroy it, never reuse it.
        await client.query('ROLLBACK').then(() => client.release(), (rollbackError: Error) => client.release(rollbackError))
        throw error
      }
    },
    async close() {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}
