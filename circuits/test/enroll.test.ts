// Soundness of the enrollment circuits at the witness level (no proving): an honest witness
// satisfies every constraint, and each way of cheating breaks one. snarkjs computes the witness
// with the committed witness generator, which checks every constraint as it goes.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import * as snarkjs from 'snarkjs'
import { artifactPaths, loadPoseidon, SNARK_FIELD, type CircuitName, type PoseidonHash } from '@medchain/zk'
import { createAttestation, createStudy, deriveHolderSecret, identityCommitmentOf, prepareEnrollment, type StudyMode } from '@medchain/research'

const SUBMITTER = '0x1234567890123456789012345678901234567890'
const NOW = 1_800_000_000
const READINGS = [
  { code: '8480-6', value: 135 },
  { code: '8462-4', value: 79 },
  { code: '8867-4', value: 70 },
  { code: '8310-5', value: 36.9 },
  { code: '29463-7', value: 80.2 },
]
const INDICATORS = [
  { code: '8480-6', plausible: { low: 60, high: 250 }, range: { low: 90, high: 129 } },
  { code: '8462-4', plausible: { low: 30, high: 150 }, range: { low: 60, high: 84 } },
  { code: '8867-4', plausible: { low: 20, high: 250 }, range: { low: 60, high: 100 } },
  { code: '8310-5', plausible: { low: 30, high: 45 }, range: { low: 36.1, high: 37.5 } },
]

type Input = Record<string, unknown> & { [key: string]: unknown }

describe('enrollment circuit soundness', () => {
  let poseidon: PoseidonHash
  before(async () => {
    poseidon = await loadPoseidon()
  })

  function honest(mode: StudyMode): { circuit: CircuitName; input: Input; classes?: number[] } {
    const secret = deriveHolderSecret(`0x${'42'.repeat(32)}`)
    const { opening } = createAttestation(poseidon, { snapshot: { measuredAt: NOW - 60, readings: READINGS }, identityCommitment: identityCommitmentOf(poseidon, secret), salt: 7n })
    const keyless = { title: 't', purpose: 'research', mode, indicators: INDICATORS, notBefore: NOW - 3600, capacity: 5, deadline: NOW + 3600, studyId: 99n }
    // The circuit never sees the Paillier part of a study: a verified-mode document with the
    // range commitment zeroed is the paillier-mode statement.
    const study = createStudy(poseidon, { ...keyless, mode: 'verified' })
    const document = mode === 'verified' ? study.document : { ...study.document, mode: 'paillier' as const, circuit: 'enroll8', rangeCommitment: '0' }
    const prepared = prepareEnrollment(poseidon, { opening, secret, document, submitter: SUBMITTER, rangeOpening: study.rangeOpening })
    return { circuit: prepared.circuit as CircuitName, input: prepared.input as Input, classes: prepared.classes }
  }

  async function satisfies(circuit: CircuitName, input: Input): Promise<boolean> {
    try {
      await snarkjs.wtns.calculate(input, artifactPaths(circuit).wasm, { type: 'mem' })
      return true
    } catch {
      return false
    }
  }

  const mutate = (input: Input, change: (copy: Input) => void): Input => {
    const copy = structuredClone(input)
    change(copy)
    return copy
  }
  const at = (input: Input, key: string) => input[key] as bigint[]
  const selectors = (input: Input) => input.selectors as bigint[][]

  it('accepts the honest witness in both modes', async () => {
    const paillier = honest('paillier')
    assert.equal(paillier.circuit, 'enroll8')
    assert.equal(await satisfies('enroll8', paillier.input), true)
    const verified = honest('verified')
    assert.equal(verified.circuit, 'verified8')
    assert.deepEqual(verified.classes, [1, 0, 0, 0])
    assert.equal(await satisfies('verified8', verified.input), true)
  })

  it('refuses a value outside the plausible bounds, also through field wrap-around', async () => {
    const { input } = honest('paillier')
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (at(c, 'upper')[0] = 130n))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (at(c, 'lower')[0] = 136n))), false)
    // "Negative" bounds wrap to huge field elements: the range checks catch them.
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (at(c, 'lower')[0] = SNARK_FIELD - 5n))), false)
  })

  it('refuses a stale measurement and a wrong time', async () => {
    const { input } = honest('paillier')
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.notBefore = BigInt(NOW)))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.measuredAt = BigInt(NOW)))), false)
  })

  it('refuses values that are not the attested ones', async () => {
    const { input } = honest('paillier')
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (at(c, 'values')[0] = 120n))), false)
    // Picking another slot, no slot, or two slots at once.
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (selectors(c)[0] = selectors(c)[1]!.slice()))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (selectors(c)[0] = new Array(32).fill(0n)))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (selectors(c)[0]![31] = 1n))), false)
    // A non-boolean selector that still sums to one.
    assert.equal(
      await satisfies('enroll8', mutate(input, (c) => {
        const row = selectors(c)[0]!
        const slot = row.indexOf(1n)
        row[slot] = 2n
        row[(slot + 1) % 32] = SNARK_FIELD - 1n
      })),
      false,
    )
  })

  it('refuses dropping a required indicator, another study, another holder and a forged commitment', async () => {
    const { input } = honest('paillier')
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (at(c, 'codes')[2] = 0n))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.studyId = 100n))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.secret = (c.secret as bigint) + 1n))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.salt = 8n))), false)
    assert.equal(await satisfies('enroll8', mutate(input, (c) => (c.nullifier = 1n))), false)
  })

  it('verified mode: the ranges must open the study commitment', async () => {
    const { input } = honest('verified')
    assert.equal(await satisfies('verified8', mutate(input, (c) => (at(c, 'rangeHigh')[0] = 140n))), false)
    assert.equal(await satisfies('verified8', mutate(input, (c) => (c.rangeSalt = 1n))), false)
  })
})
