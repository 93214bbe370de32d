import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { Observation } from 'fhir/r4.js'
import { loadPoseidon, type PoseidonHash } from '@medchain/zk'
import { ResearchError } from '../errors.ts'
import { createAttestation } from './createAttestation.ts'
import { latestReadings } from './indicatorReadings.ts'
import { verifyOpening } from './verifyOpening.ts'

const observation = (at: string, code: string, value: number, components: [string, number][] = []): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: at,
  valueQuantity: components.length ? undefined : { value },
  component: components.map(([c, v]) => ({ code: { coding: [{ system: 'http://loinc.org', code: c }] }, valueQuantity: { value: v } })),
})

describe('attestation', () => {
  let poseidon: PoseidonHash
  before(async () => {
    poseidon = await loadPoseidon()
  })

  it('takes the latest value per code, panel components included, within the window', () => {
    const snapshot = latestReadings(
      [
        observation('2020-01-01T10:00:00Z', '8867-4', 80),
        observation('2021-03-01T10:00:00Z', '8867-4', 70),
        observation('2021-03-01T10:00:00Z', '55284-4', 0, [['8480-6', 121.4], ['8462-4', 79]]),
        observation('2019-01-01T10:00:00Z', '2093-3', 190),
        { ...observation('2021-03-02T10:00:00Z', '8867-4', 150), status: 'entered-in-error' },
      ],
      { windowSeconds: 30 * 86_400 },
    )
    assert.deepEqual(snapshot?.readings.sort((a, b) => a.code.localeCompare(b.code)), [
      { code: '8462-4', value: 79 },
      { code: '8480-6', value: 121.4 },
      { code: '8867-4', value: 70 },
    ])
    assert.equal(snapshot?.measuredAt, Date.parse('2021-03-01T10:00:00Z') / 1000)
    assert.equal(latestReadings([]), undefined)
  })

  it('commits to what it was given and opens only for the same holder', () => {
    const snapshot = { measuredAt: 1_700_000_000, readings: [{ code: '8480-6', value: 120 }, { code: 'not-loinc', value: 1 }, { code: '8462-4', value: -5 }] }
    const { commitment, opening } = createAttestation(poseidon, { snapshot, identityCommitment: 1234n, salt: 5n })
    assert.deepEqual(opening.slots, [{ code: '8480-6', value: '120' }])
    assert.equal(opening.commitment, commitment.toString())
    verifyOpening(poseidon, opening, 1234n)
    const isInvalid = (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_INVALID_OPENING'
    assert.throws(() => verifyOpening(poseidon, opening, 1235n), isInvalid)
    assert.throws(() => verifyOpening(poseidon, { ...opening, slots: [{ code: '8480-6', value: '121' }] }, 1234n), isInvalid)
    assert.throws(() => verifyOpening(poseidon, { ...opening, slots: [{ code: 'x', value: '1' }] }, 1234n), isInvalid)
  })
})
