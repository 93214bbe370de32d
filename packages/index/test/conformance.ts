import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type RecordIndex, type RecordVersionInput, isIndexError } from '../src/index.ts'
import { randomAddress, randomHex, recordVersion } from './fixtures.ts'

/**
 * The behaviour both drivers must share, run once per driver on one shared index (opening
 * PGlite costs seconds). Every test uses fresh random patients and keys, so tests do not see
 * each other's rows and a PostgreSQL database can be reused between runs.
 */
export function indexConformanceSuite(open: () => Promise<RecordIndex>): void {
  let index: RecordIndex
  before(async () => {
    index = await open()
  })
  after(async () => {
    await index?.close()
  })

  describe('bulk insert and search', () => {
    const run = randomHex(4)
    const patients = Array.from({ length: 30 }, randomAddress)
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + (i % 400) * 86_400_000).toISOString()
    const rows: RecordVersionInput[] = Array.from({ length: 3000 }, (_, i) =>
      recordVersion({
        recordKey: `Observation/${run}-${i}`,
        patient: patients[i % 30] as `0x${string}`,
        resourceType: i % 10 === 0 ? 'Condition' : 'Observation',
        lastUpdated: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
        searchParams: [
          { name: 'code', system: 'http://loinc.org', code: `${run}-${i % 7}` },
          { name: 'date', dateStart: day(i), dateEnd: day(i) },
          { name: 'status', code: 'final' },
        ],
      }),
    )
    const observationsOf = (patient: string) => rows.filter((r) => r.patient === patient && r.resourceType === 'Observation')

    it('inserts 3000 records and 9000 search parameters in one call', async () => {
      assert.deepEqual(await index.insertRecordVersions(rows), { inserted: 3000, searchParams: 9000 })
    })

    it('finds a patient`s records of a type, paged with a stable total and no overlap', async () => {
      const patient = patients[3] as `0x${string}`
      const expected = observationsOf(patient).map((r) => r.recordKey)
      const pages = await Promise.all([0, 40, 80].map((offset) => index.searchRecords({ resourceType: 'Observation', patient, count: 40, offset })))
      assert.deepEqual(pages.map((p) => p.total), [expected.length, expected.length, expected.length])
      assert.deepEqual(pages.map((p) => p.rows.length), [40, 40, expected.length - 80])
      assert.deepEqual(pages.flatMap((p) => p.rows.map((r) => r.recordKey)).sort(), [...expected].sort())
      assert.ok(pages.every((p) => p.rows.every((r) => r.isCurrent && r.patient === patient)))
    })

    it('answers count 0 and pages past the end with the total only', async () => {
      const patient = patients[4] as `0x${string}`
      const total = observationsOf(patient).length
      assert.deepEqual(await index.searchRecords({ resourceType: 'Observation', patient, count: 0 }), { total, rows: [] })
      assert.deepEqual(await index.searchRecords({ resourceType: 'Observation', patient, count: 10, offset: 1000 }), { total, rows: [] })
    })

    it('matches codes with and without a system, across patients', async () => {
      const expected = rows.filter((r, i) => r.resourceType === 'Observation' && i % 7 === 2).length
      const withSystem = await index.searchRecords({ resourceType: 'Observation', code: { system: 'http://loinc.org', code: `${run}-2` }, count: 5 })
      const anySystem = await index.searchRecords({ resourceType: 'Observation', code: [{ code: `${run}-2` }, { code: 'no-such-code' }], count: 5 })
      const wrongSystem = await index.searchRecords({ resourceType: 'Observation', code: { system: 'http://snomed.info/sct', code: `${run}-2` }, count: 5 })
      assert.deepEqual([withSystem.total, anySystem.total, wrongSystem.total], [expected, expected, 0])
    })

    it('applies FHIR date prefixes to the parameter range and sorts by date', async () => {
      const patient = patients[5] as `0x${string}`
      const dates = observationsOf(patient).map((r) => r.searchParams?.[1]?.dateStart as string)
      const count = (keep: (d: string) => boolean) => dates.filter(keep).length
      const search = (date: { prefix: 'eq' | 'ge' | 'le' | 'gt' | 'lt'; value: string }[], sort?: 'date' | '-date') =>
        index.searchRecords({ resourceType: 'Observation', patient, date, count: 1000, sort })
      assert.equal((await search([{ prefix: 'eq', value: '2020-03' }])).total, count((d) => d.startsWith('2020-03')))
      assert.equal((await search([{ prefix: 'ge', value: '2020-03-15' }])).total, count((d) => d >= '2020-03-15'))
      assert.equal((await search([{ prefix: 'gt', value: '2020-03-15' }])).total, count((d) => d >= '2020-03-16'))
      assert.equal((await search([{ prefix: 'lt', value: '2020' }])).total, 0)
      const between = await search([{ prefix: 'ge', value: '2020-02' }, { prefix: 'le', value: '2020-06-30' }], '-date')
      assert.equal(between.total, count((d) => d >= '2020-02' && d < '2020-07'))
      const sorted = between.rows.map((r) => dates[observationsOf(patient).findIndex((o) => o.recordKey === r.recordKey)] as string)
      assert.deepEqual(sorted, [...sorted].sort().reverse())
    })
  })

  describe('versions', () => {
    it('keeps the newest version current whatever the arrival order, and lists history newest first', async () => {
      const patient = randomAddress()
      const recordKey = `Observation/${randomHex(8)}`
      const version = (v: number, code: string) =>
        recordVersion({ recordKey, patient, version: v, searchParams: [{ name: 'code', code }] })
      await index.insertRecordVersions([version(3, 'new')])
      assert.deepEqual(await index.insertRecordVersions([version(1, 'old'), version(2, 'old'), version(3, 'new')]), { inserted: 2, searchParams: 2 })
      const history = await index.listHistory({ recordKey })
      assert.deepEqual(history.map((r) => [r.version, r.isCurrent]), [[3, true], [2, false], [1, false]])
      assert.equal((await index.getCurrentRecord({ recordKey }))?.version, 3)
      assert.equal((await index.getRecordVersion({ recordKey, version: 2 }))?.version, 2)
      assert.equal(await index.getRecordVersion({ recordKey, version: 9 }), undefined)
      const search = (code: string) => index.searchRecords({ resourceType: 'Observation', patient, code: { code }, count: 10 })
      assert.deepEqual([(await search('new')).total, (await search('old')).total], [1, 0])

      await index.insertRecordVersions([version(4, 'newer')])
      assert.deepEqual((await index.listHistory({ recordKey })).map((r) => r.isCurrent), [true, false, false, false])
    })

    it('stores timestamps, addresses and hashes in one canonical form', async () => {
      const patient = randomAddress()
      const recordKey = `Observation/${randomHex(8)}`
      await index.insertRecordVersions([
        recordVersion({ recordKey, patient: patient.toUpperCase().replace('0X', '0x') as `0x${string}`, lastUpdated: '2024-05-01T12:00:00+02:00' }),
      ])
      const record = await index.getCurrentRecord({ recordKey })
      assert.equal(record?.patient, patient)
      assert.equal(record?.lastUpdated, '2024-05-01T10:00:00.000Z')
      assert.equal(record?.anchoredBlock, 7)
    })
  })

  describe('erasure', () => {
    it('hides erased records from search, keeps them readable as erased, and destroys wrapped keys', async () => {
      const patient = randomAddress()
      const recordKey = `Observation/${randomHex(8)}`
      const code = randomHex(4)
      await index.insertRecordVersions([1, 2].map((version) => recordVersion({ recordKey, patient, version, searchParams: [{ name: 'code', code }] })))
      assert.equal(await index.markErased({ recordKey, reason: 'gdpr-art17', at: '2024-06-01T00:00:00Z' }), 2)
      assert.equal(await index.destroyWrappedKeys({ recordKey }), 2)
      assert.equal(await index.destroyWrappedKeys({ recordKey }), 0)

      assert.equal((await index.searchRecords({ resourceType: 'Observation', patient, count: 10 })).total, 0)
      const flagged = await index.searchRecords({ resourceType: 'Observation', patient, count: 10, includeErased: true })
      assert.deepEqual(flagged.rows.map((r) => [r.recordKey, r.erasedAt]), [[recordKey, '2024-06-01T00:00:00.000Z']])
      assert.equal((await index.searchRecords({ resourceType: 'Observation', code: { code }, count: 10, includeErased: true })).total, 0)
      const history = await index.listHistory({ recordKey })
      assert.deepEqual(history.map((r) => [r.erasureReason, r.wrappedKeys]), [['gdpr-art17', {}], ['gdpr-art17', {}]])
    })
  })

  describe('Merkle batches', () => {
    it('tracks pending versions through a batch to its anchor', async () => {
      const patient = randomAddress()
      const keys = [0, 1, 2].map((i) => `Observation/${randomHex(6)}-${i}`)
      await index.insertRecordVersions(keys.map((recordKey) => recordVersion({ recordKey, patient, anchorKind: 'pending', anchoredBlock: null })))
      const unbatched = await index.listPendingRecords({ batchRoot: null, limit: 100_000 })
      assert.ok(keys.every((key) => unbatched.some((r) => r.recordKey === key)))

      const root = randomHex(32)
      const entries = keys.map((recordKey, leafIndex) => ({ recordKey, version: 1, leafIndex, proof: [randomHex(32), randomHex(32)] }))
      assert.equal(await index.markBatchPending({ root, entries: [...entries].reverse() }), 3)
      assert.deepEqual((await index.listPendingBatches()).find((b) => b.batchRoot === root), { batchRoot: root, count: 3 })
      assert.deepEqual((await index.listPendingRecords({ batchRoot: root, limit: 10 })).map((r) => r.recordKey), keys)

      assert.equal(await index.markBatchAnchored({ root, entries, block: 42 }), 3)
      assert.equal((await index.listPendingBatches()).find((b) => b.batchRoot === root), undefined)
      const anchored = await index.getCurrentRecord({ recordKey: keys[2] as string })
      assert.deepEqual([anchored?.anchorKind, anchored?.batchRoot, anchored?.leafIndex, anchored?.anchoredBlock], ['batch', root, 2, 42])
      assert.deepEqual(anchored?.proof, entries[2]?.proof)
      assert.equal(await index.markBatchPending({ root, entries }), 0, 'an anchored version never goes back to pending')
    })
  })

  describe('audit entries', () => {
    it('appends entries unanchored in order, then anchors a batch of them', async () => {
      const patient = randomAddress()
      const entry = (i: number) => ({
        entryId: randomHex(32),
        accessor: randomAddress(),
        member: randomAddress(),
        patient,
        recordKey: `Observation/${i}`,
        action: 1,
        purpose: 2,
        authorization: randomHex(32),
        decision: i % 2,
        at: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
        detail: i % 2 ? null : { reason: 'no consent', requestId: `r${i}` },
      })
      const entries = [0, 1, 2, 3, 4].map(entry)
      assert.equal(await index.appendAuditEntries([...entries, entries[0] as (typeof entries)[0]]), 5)
      const ids = entries.map((e) => e.entryId)
      const unanchored = (await index.listUnanchoredAuditEntries({ limit: 100_000 })).map((e) => e.entryId).filter((id) => ids.includes(id))
      assert.deepEqual(unanchored, ids)

      const root = randomHex(32)
      const batch = ids.slice(0, 3).map((entryId, leafIndex) => ({ entryId, leafIndex, proof: [randomHex(32)] }))
      assert.equal(await index.markAuditBatchAnchored({ root, entries: batch, block: 99 }), 3)
      const left = (await index.listUnanchoredAuditEntries({ limit: 100_000 })).map((e) => e.entryId).filter((id) => ids.includes(id))
      assert.deepEqual(left, ids.slice(3))

      const page = await index.listAuditEntries({ patient, count: 2, offset: 1 })
      assert.equal(page.total, 5)
      assert.deepEqual(page.rows.map((e) => e.entryId), [ids[3], ids[2]])
      assert.deepEqual([page.rows[1]?.batchRoot, page.rows[1]?.anchoredBlock, page.rows[1]?.leafIndex], [root, 99, 2])
      assert.deepEqual(page.rows[1]?.detail, { reason: 'no consent', requestId: 'r2' })
      assert.equal((await index.listAuditEntries({ patient, since: '2024-01-01T00:03:00Z', count: 10 })).total, 2)
    })
  })

  describe('transactions and the chain cursor', () => {
    it('rolls back everything, cursor included, when the callback throws', async () => {
      const name = `follower-${randomHex(4)}`
      const recordKey = `Observation/${randomHex(8)}`
      const failure = new Error('stop')
      await assert.rejects(
        index.transaction(async (tx) => {
          await tx.setCursor({ name, block: 10, hash: randomHex(32) })
          await tx.insertRecordVersions([recordVersion({ recordKey, patient: randomAddress() })])
          throw failure
        }),
        (error) => error === failure,
      )
      assert.equal(await index.getCursor({ name }), undefined)
      assert.equal(await index.getCurrentRecord({ recordKey }), undefined)
    })

    it('commits the cursor with the rows it covers; a caught inner failure rolls back only its savepoint', async () => {
      const name = `follower-${randomHex(4)}`
      const hash = randomHex(32)
      const recordKey = `Observation/${randomHex(8)}`
      await index.transaction(async (tx) => {
        await tx.insertRecordVersions([recordVersion({ recordKey, patient: randomAddress() })])
        // PostgreSQL's jsonb cannot hold NUL: a real SQL failure, inside a savepoint.
        const refused = { entryId: randomHex(32), accessor: randomAddress(), member: randomAddress(), patient: randomAddress(), action: 1, purpose: 1, authorization: randomHex(32), decision: 0, at: '2024-01-01T00:00:00Z', detail: { note: 'secret\u0000' } }
        await assert.rejects(
          tx.transaction(async (inner) => {
            await inner.setCursor({ name, block: 1, hash })
            await inner.appendAuditEntries([refused])
          }),
          (error) => {
            assert.ok(isIndexError(error, 'INDEX_QUERY_FAILED'))
            assert.match(error.sqlState ?? '', /^22/, 'a data exception')
            assert.doesNotMatch(error.message, /secret/)
            return true
          },
        )
        await assert.rejects(
          tx.transaction(async (inner) => {
            await inner.setCursor({ name, block: 2, hash })
            throw new Error('changed my mind')
          }),
          /changed my mind/,
        )
        assert.equal(await tx.getCursor({ name }), undefined, 'both savepoints rolled back')
        await tx.setCursor({ name, block: 11, hash })
      })
      assert.deepEqual(await index.getCursor({ name }), { name, block: 11, hash })
      assert.equal((await index.getCurrentRecord({ recordKey }))?.version, 1)
    })
  })

  describe('chain mirrors and local tables', () => {
    it('mirrors patients, consents (uint256 masks) and break-glass reviews', async () => {
      const patient = randomAddress()
      const grantee = randomAddress()
      const key = `0x02${'ab'.repeat(32)}` as const
      await index.upsertPatient({ pseudonym: patient, registrar: randomAddress(), encryptionPublicKey: key, registeredBlock: 3 })
      assert.equal((await index.getPatient({ pseudonym: patient }))?.encryptionPublicKey, key)

      const consentId = randomHex(32)
      const resourceTypes = 2n ** 255n + 5n
      const consent = { consentId, patient, grantee, purposes: 1, resourceTypes, recordIds: [], startAt: '2024-01-01T00:00:00Z', expiryAt: '2024-02-01T00:00:00Z', grantedBlock: 4 }
      await index.upsertConsentGranted(consent)
      await index.upsertConsentGranted(consent)
      assert.deepEqual((await index.listConsents({ grantee })).map((c) => c.resourceTypes), [resourceTypes])
      assert.equal((await index.listConsents({ patient, activeAt: '2024-01-15T00:00:00Z' })).length, 1)
      assert.equal((await index.listConsents({ patient, activeAt: '2024-03-01T00:00:00Z' })).length, 0)
      assert.equal(await index.markConsentRevoked({ consentId, revokedAt: '2024-01-10T00:00:00Z', block: 5 }), true)
      assert.equal(await index.markConsentRevoked({ consentId, revokedAt: '2024-01-11T00:00:00Z', block: 6 }), false)
      assert.equal((await index.listConsents({ patient, activeAt: '2024-01-15T00:00:00Z' })).length, 0)

      const accessId = randomHex(32)
      const opened = { accessId, patient, member: randomAddress(), clinician: randomAddress(), reasonCode: 2, justificationHash: randomHex(32), openedAt: '2024-01-01T00:00:00Z', expiresAt: '2024-01-01T04:00:00Z', openedBlock: 8 }
      await index.upsertBreakGlass({ ...opened, justificationText: 'unconscious, no consent on file' })
      assert.deepEqual((await index.listBreakGlass({ patient, pendingReview: true })).map((b) => b.justificationText), ['unconscious, no consent on file'])
      assert.equal(await index.reviewBreakGlass({ accessId, status: 'justified', reviewer: randomAddress(), reviewedAt: '2024-01-02T00:00:00Z', noteHash: randomHex(32) }), true)
      assert.deepEqual(await index.listBreakGlass({ patient, pendingReview: true }), [])
      assert.equal((await index.listBreakGlass({ patient }))[0]?.reviewStatus, 'justified')
    })

    it('links a local patient id to one pseudonym for good', async () => {
      const sourcePatientId = `synthea-${randomHex(8)}`
      const first = randomAddress()
      assert.equal(await index.findPatientLink({ sourcePatientId }), undefined)
      assert.equal(await index.linkPatient({ sourcePatientId, pseudonym: first }), first)
      assert.equal(await index.linkPatient({ sourcePatientId, pseudonym: randomAddress() }), first)
      assert.equal(await index.findPatientLink({ sourcePatientId }), first)
    })

    it('refuses malformed arguments naming the argument, never echoing the value', async () => {
      const secret = 'Observation/leak-me'
      await assert.rejects(index.insertRecordVersions([recordVersion({ recordKey: secret, patient: '0x1234' })]), (error) => {
        assert.ok(isIndexError(error, 'INDEX_INVALID_ARGUMENT'))
        assert.equal(error.message, '"rows[0].patient" expected 20 bytes')
        return true
      })
      await assert.rejects(index.searchRecords({ resourceType: 'Observation', date: [{ prefix: 'ge', value: '2024-02-30' }], count: 1 }), (error) =>
        isIndexError(error, 'INDEX_INVALID_ARGUMENT'),
      )
      await assert.rejects(index.searchRecords({ resourceType: 'Observation', count: 5000 }), /"count" expected an integer in \[0, 1000\]/)
      await assert.rejects(index.markErased({ recordKey: 'Observation/x', reason: 'r', at: new Date(-8.64e15) }), /"at" expected a time in the years 1 to 9999/)
    })

    // Last: it empties the derived tables of this shared index.
    it('truncates derived tables for a rebuild and keeps local state', async () => {
      const sourcePatientId = `synthea-${randomHex(8)}`
      const pseudonym = randomAddress()
      await index.linkPatient({ sourcePatientId, pseudonym })
      const accessId = randomHex(32)
      await index.upsertBreakGlass({ accessId, patient: pseudonym, member: randomAddress(), clinician: randomAddress(), reasonCode: 1, justificationHash: randomHex(32), openedAt: '2024-01-01T00:00:00Z', expiresAt: '2024-01-02T00:00:00Z', openedBlock: 1, justificationText: 'kept locally' })
      const recordKey = `Observation/${randomHex(8)}`
      await index.insertRecordVersions([recordVersion({ recordKey, patient: pseudonym })])
      await index.truncateDerivedTables()
      assert.equal(await index.getCurrentRecord({ recordKey }), undefined)
      assert.deepEqual(await index.listBreakGlass({ patient: pseudonym }), [])
      assert.equal(await index.findPatientLink({ sourcePatientId }), pseudonym)
      await index.upsertBreakGlass({ accessId, patient: pseudonym, member: randomAddress(), clinician: randomAddress(), reasonCode: 1, justificationHash: randomHex(32), openedAt: '2024-01-01T00:00:00Z', expiresAt: '2024-01-02T00:00:00Z', openedBlock: 1 })
      assert.equal((await index.listBreakGlass({ patient: pseudonym }))[0]?.justificationText, 'kept locally')
    })
  })
}
