import { invalid } from './assert.ts'
import { createPgliteDriver } from './driver/pglite.ts'
import { createPostgresDriver } from './driver/postgres.ts'
import type { SqlDriver, SqlExecutor } from './driver/SqlDriver.ts'
import { IndexError } from './errors.ts'
import { type IndexActions, bindActions } from './indexActions.ts'
import { loadMigrations, migrate } from './migrate.ts'

/** Options of {@link openIndex}. */
export type OpenIndexOptions = {
  /** A PostgreSQL server, `postgres://user:password@host:port/database`. Wins over `dataDir`. */
  url?: string | undefined
  /** The embedded database's directory (created when missing); in memory when omitted too. */
  dataDir?: string | undefined
}

/** An open index: its functions, which driver serves it, and `close`. */
export type RecordIndex = IndexActions & {
  readonly driver: SqlDriver['kind']
  /**
   * Runs one parameterised statement as is: for operators' maintenance and for tests that play
   * an intruder editing rows (the gateway never trusts a row without checking it on chain).
   */
  query: SqlExecutor['query']
  /** The schema version after migrations. */
  readonly schemaVersion: number
  /** Closes the database (ends the pool). Later calls fail with INDEX_CLOSED. */
  close(): Promise<void>
}

/**
 * Opens the index: a PostgreSQL server when `url` is given, else embedded PostgreSQL (PGlite) at
 * `dataDir` or in memory, and brings its schema up to date.
 */
export async function openIndex(options: OpenIndexOptions = {}): Promise<RecordIndex> {
  const { url, dataDir } = options
  if (url !== undefined && (typeof url !== 'string' || !/^postgres(?:ql)?:\/\//.test(url))) {
    throw invalid('"url" expected a postgres:// or postgresql:// URL')
  }
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir.length === 0)) throw invalid('"dataDir" expected a directory path')
  let driver: SqlDriver | undefined
  try {
    driver = url !== undefined ? createPostgresDriver({ url }) : await createPgliteDriver({ dataDir })
    await driver.query('SELECT 1')
  } catch (error) {
    await driver?.close().catch(() => {})
    const target = url !== undefined ? 'the PostgreSQL server' : dataDir !== undefined ? 'the PGlite data directory' : 'in-memory PGlite'
    throw new IndexError(`Could not open the index database (${target})`, { code: 'INDEX_OPEN_FAILED', cause: error })
  }
  try {
    const schemaVersion = await migrate(driver, await loadMigrations())
    return { ...bindActions(driver), query: (sql, params) => driver.query(sql, params), driver: driver.kind, schemaVersion, close: () => driver.close() }
  } catch (error) {
    await driver.close().catch(() => {})
    throw error
  }
}
