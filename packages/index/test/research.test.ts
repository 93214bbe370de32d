// The research tables: studies, class vectors (stored once), relays bound to a patient.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { isIndexError, openIndex, type RecordIndex } from '../src/index.ts'
import { randomAddress, randomHex } from './fixtures.ts'

describe('index: research studies, results and relays (PGlite)', () => {
  let index: RecordIndex
  before(async () => {
    index = await openIndex()
  })
  after(async () => {
    await index?.close()
  })

  it('keeps a study with its range opening; a second save changes nothing', async () => {
    const studyId = 2n ** 200n + 7n
    const documentHash = randomHex(32)
    const rangeOpening = { ranges: [{ low: '90', high: '129' }], salt: '12345' }
    await index.saveResearchStudy({ studyId, documentHash, mode: 'verified', codes: ['8480-6'], rangeOpening })
    await index.saveResearchStudy({ studyId, documentHash: randomHex(32), mode: 'paillier', codes: ['8462-4'], rangeOpening: null })
    const study = await index.getResearchStudy({ studyId })
    assert.deepEqual({ ...study, createdAt: undefined }, { studyId, documentHash, mode: 'verified', codes: ['8480-6'], rangeOpening, createdAt: undefined })
    assert.equal(await index.getResearchStudy({ studyId: 1n }), undefined)
  })

  it('stores a class vector once per enrollment and lists a study`s vectors', async () => {
    const studyId = 99n
    await index.saveResearchStudy({ studyId, documentHash: randomHex(32), mode: 'paillier', codes: ['8480-6', '8462-4'], rangeOpening: null })
    const resultHash = randomHex(32)
    assert.equal(await index.saveResearchResult({ studyId, nullifier: 5n, resultHash, classes: [-1, 0] }), true)
    assert.equal(await index.saveResearchResult({ studyId, nullifier: 5n, resultHash: randomHex(32), classes: [1, 1] }), false)
    assert.equal(await index.saveResearchResult({ studyId, nullifier: 6n, resultHash: randomHex(32), classes: [1, 0] }), true)
    assert.deepEqual((await index.getResearchResult({ studyId, nullifier: 5n }))?.classes, [-1, 0])
    assert.deepEqual((await index.listResearchResults({ studyId })).map((r) => [r.nullifier, r.classes]), [[5n, [-1, 0]], [6n, [1, 0]]])
    await assert.rejects(index.saveResearchResult({ studyId, nullifier: 7n, resultHash, classes: [2, 0] as never }), (error) => isIndexError(error) && error.code === 'INDEX_INVALID_ARGUMENT')
  })

  it('binds a relayed enrollment to its patient and records the forwarded result', async () => {
    const patient = randomAddress()
    const resultHash = randomHex(32)
    await index.saveResearchRelay({ studyId: 3n, nullifier: 4n, patient })
    await index.saveResearchRelay({ studyId: 3n, nullifier: 4n, patient: randomAddress() })
    assert.deepEqual(await index.getResearchRelay({ studyId: 3n, nullifier: 4n }), { studyId: 3n, nullifier: 4n, patient, resultHash: null, forwardedAt: null })
    await index.markResearchRelay({ studyId: 3n, nullifier: 4n, resultHash, forwarded: false })
    assert.equal((await index.getResearchRelay({ studyId: 3n, nullifier: 4n }))?.forwardedAt, null)
    await index.markResearchRelay({ studyId: 3n, nullifier: 4n, resultHash, forwarded: true })
    const relay = await index.getResearchRelay({ studyId: 3n, nullifier: 4n })
    assert.equal(relay?.resultHash, resultHash)
    assert.ok(relay?.forwardedAt)
  })
})
