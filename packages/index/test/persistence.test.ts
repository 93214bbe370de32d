import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { isIndexError, loadMigrations, openIndex } from '../src/index.ts'
import { randomAddress, recordVersion } from './fixtures.ts'

const dir = await mkdtemp(join(tmpdir(), 'medchain-index-'))
after(() => rm(dir, { recursive: true, force: true }))

it('keeps rows in a data directory across close and reopen, migrating only once', async () => {
  const dataDir = join(dir, 'index')
  const patient = randomAddress()
  // Every shipped migration applies on first open, none on reopen.
  const latest = (await loadMigrations()).at(-1)?.version
  const first = await openIndex({ dataDir })
  assert.deepEqual([first.driver, first.schemaVersion], ['pglite', latest])
  await first.insertRecordVersions([recordVersion({ recordKey: 'Observation/kept', patient })])
  await first.setCursor({ name: 'records', block: 5, hash: `0x${'11'.repeat(32)}` })
  await first.close()
  await assert.rejects(first.getCursor({ name: 'records' }), (error) => isIndexError(error, 'INDEX_CLOSED'))

  const second = await openIndex({ dataDir })
  assert.equal(second.schemaVersion, latest)
  assert.equal((await second.getCurrentRecord({ recordKey: 'Observation/kept' }))?.patient, patient)
  assert.equal((await second.getCursor({ name: 'records' }))?.block, 5)
  await second.close()
})
