import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadMigrations, openIndex } from '../src/index.ts'
import { indexConformanceSuite } from './conformance.ts'

// A PostgreSQL server is not part of the zero-install set-up; CI and developers opt in with
// MEDCHAIN_TEST_PG_URL=postgres://user:password@host:port/database (a database for tests only:
// the suite truncates the derived tables).
const url = process.env.MEDCHAIN_TEST_PG_URL
const skip = url ? false : 'MEDCHAIN_TEST_PG_URL is not set: no PostgreSQL server to test against'

describe('index on PostgreSQL (node-postgres)', { skip }, () => {
  indexConformanceSuite(() => openIndex({ url }))

  it('migrates once: a second open finds the schema current', async () => {
    const latest = (await loadMigrations()).at(-1)?.version
    const [first, second] = await Promise.all([openIndex({ url }), openIndex({ url })])
    assert.deepEqual([first.schemaVersion, second.schemaVersion, first.driver], [latest, latest, 'postgres'])
    await Promise.all([first.close(), second.close()])
  })

  it('fails to open an unreachable server with INDEX_OPEN_FAILED', async () => {
    await assert.rejects(openIndex({ url: 'postgres://nobody@127.0.0.1:1/none' }), { code: 'INDEX_OPEN_FAILED' })
  })
})
