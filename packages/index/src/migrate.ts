import { readdir, readFile } from 'node:fs/promises'
import type { SqlDriver } from './driver/SqlDriver.ts'
import { IndexError } from './errors.ts'

/** A numbered schema change: `src/migrations/NNNN_name.sql`. */
export type Migration = { version: number; name: string; sql: string }

const DIRECTORY = new URL('./migrations/', import.meta.url)
const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/

// Any constant works; it only has to be the same in every process migrating this database.
const MIGRATION_LOCK = 7_302_161_003

/** Reads the migrations shipped with this package, in order. */
export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(DIRECTORY)).filter((file) => FILE.test(file)).sort()
  return Promise.all(
    files.map(async (file) => {
      const [, version, name] = FILE.exec(file) as RegExpExecArray
      return { version: Number(version), name: name as string, sql: await readFile(new URL(file, DIRECTORY), 'utf8') }
    }),
  )
}

/**
 * Applies the migrations the database lacks, all in one transaction (a failure leaves the schema
 * as it was), under an advisory lock so two gateways starting together do not both migrate.
 * Returns the schema version.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[]): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0
  let current = 0
  try {
    return await driver.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
      const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations')
      current = rows[0]?.version ?? 0
      if (current > latest) {
        throw new IndexError('The database schema is newer than this code', {
          code: 'INDEX_MIGRATION_FAILED',
          details: `database at version ${current}, code knows up to ${latest}`,
        })
      }
      for (const migration of migrations.filter((m) => m.version > current)) {
        current = migration.version
        await tx.exec(migration.sql)
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      }
      return latest
    })
  } catch (error) {
    if (error instanceof IndexError && error.code !== 'INDEX_QUERY_FAILED') throw error
    throw new IndexError('A schema migration failed; nothing was changed', {
      code: 'INDEX_MIGRATION_FAILED',
      details: `migration ${current}${error instanceof IndexError && error.details ? `: ${error.details}` : ''}`,
      sqlState: error instanceof IndexError ? error.sqlState : undefined,
      cause: error,
    })
  }
}
