// Acceptance: ineligible or dishonest holders are refused, each with its own error, and nothing
// they sent changes the study (missing code, stale record, implausible value, reused nullifier,
// forged commitment, tampered or replayed proof, tampered result, lying about a class).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generatePrivateKey, privateKeyToAddress } from '@medchain/crypto'
import { acknowledgeStudyResult, enrollInStudy, getEnrollment, getStudy, submitStudyResult } from '@medchain/sdk'
import { ZkError, prove, releaseProver, toSolidityProof } from '@medchain/zk'
import { expectRevert } from '../../sdk/test/expectMedchainError.ts'
import { startLocalChain, type LocalChain } from '../../sdk/test/localChain.ts'
import {
  ResearchError,
  buildVerifiedResult,
  createAttestation,
  deriveHolderSecret,
  encodeStudyResult,
  identityCommitmentOf,
  prepareEnrollment,
  readResult,
  type IndicatorReading,
} from '../src/index.ts'
import { attestPatient, enrollAndSubmit, parties, publish, receive, type Holder, type Parties, type PublishedStudy } from './screeningFlow.ts'

const DAY = 86_400
const visit = (measuredAt: string, systolic: number): { effective: string; readings: IndicatorReading[] } => ({
  effective: measuredAt,
  readings: [
    { code: '8480-6', value: systolic },
    { code: '8462-4', value: 78 },
    { code: '8867-4', value: 72 },
    { code: '8310-5', value: 36.8 },
  ],
})

describe('research screening refusals', () => {
  let chain: LocalChain
  let p: Parties
  let paillierStudy: PublishedStudy
  const now = Math.floor(Date.now() / 1000)

  // A hospital-attested holder whose readings were taken at `effective`.
  async function holderWith(effective: string, readings: IndicatorReading[]): Promise<Holder> {
    const observations = readings.map((reading) => ({
      resourceType: 'Observation' as const,
      status: 'final' as const,
      code: { coding: [{ system: 'http://loinc.org', code: reading.code }] },
      effectiveDateTime: effective,
      valueQuantity: { value: reading.value },
    }))
    const holder = await attestPatient(p, generatePrivateKey(), observations)
    assert.ok(holder)
    return holder
  }

  function prepare(study: PublishedStudy, holder: Holder, options: { skipChecks?: boolean; submitter?: `0x${string}` } = {}) {
    return prepareEnrollment(p.poseidon, {
      opening: holder.opening,
      secret: holder.secret,
      document: study.document,
      submitter: options.submitter ?? p.hospital.account!.address,
      rangeOpening: study.rangeOpening,
      skipChecks: options.skipChecks,
    })
  }

  async function expectWitnessFailure(study: PublishedStudy, holder: Holder) {
    const prepared = prepare(study, holder, { skipChecks: true })
    await assert.rejects(prove(prepared.circuit as 'enroll8', prepared.input), (error: unknown) => error instanceof ZkError && error.code === 'ZK_WITNESS_FAILED')
  }

  before(async () => {
    chain = await startLocalChain()
    p = await parties(await chain.client(chain.keys[1]), await chain.client(chain.keys[2]))
    paillierStudy = await publish(p, 'paillier', { notBefore: now - 30 * DAY, deadline: now + DAY, capacity: 10 })
  })
  after(async () => {
    await releaseProver()
    await chain?.close()
  })

  it('a missing code is refused before proving, and the circuit refuses it too', async () => {
    const recent = new Date((now - DAY) * 1000).toISOString()
    const holder = await holderWith(recent, visit(recent, 120).readings.filter((reading) => reading.code !== '8867-4'))
    assert.throws(() => prepare(paillierStudy, holder), (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_MISSING_INDICATOR' && /8867-4/.test(e.message))
    await expectWitnessFailure(paillierStudy, holder)
  })

  it('a stale record is refused, and the circuit refuses it too', async () => {
    const old = new Date((now - 90 * DAY) * 1000).toISOString()
    const holder = await holderWith(old, visit(old, 120).readings)
    assert.throws(() => prepare(paillierStudy, holder), (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_STALE_MEASUREMENT')
    await expectWitnessFailure(paillierStudy, holder)
  })

  it('an implausible value is refused, and the circuit refuses it too', async () => {
    const recent = new Date((now - DAY) * 1000).toISOString()
    const holder = await holderWith(recent, visit(recent, 400).readings)
    assert.throws(() => prepare(paillierStudy, holder), (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_IMPLAUSIBLE_VALUE')
    await expectWitnessFailure(paillierStudy, holder)
  })

  it('a reused nullifier, a forged commitment and a tampered or replayed proof are refused on chain', async () => {
    const recent = new Date((now - DAY) * 1000).toISOString()
    const studyId = BigInt(paillierStudy.document.studyId)
    const holder = await holderWith(recent, visit(recent, 118).readings)
    const { nullifier, resultBytes } = await enrollAndSubmit(p, paillierStudy, holder)
    assert.deepEqual(await receive(p, paillierStudy, nullifier, resultBytes), [0, 0, 0, 0])

    // The same holder again, with a fresh, valid proof: the nullifier is spent.
    const again = prepare(paillierStudy, holder)
    const againProof = toSolidityProof(await prove(again.circuit as 'enroll8', again.input))
    const enrollArgs = { studyId, commitment: again.commitment, nullifier: again.nullifier, classCommitment: 0n, proof: againProof }
    await expectRevert(enrollInStudy(p.hospital, enrollArgs), 'StudyNullifierUsed', [nullifier])

    // A holder who commits to values no hospital attested.
    const forger = generatePrivateKey()
    const secret = deriveHolderSecret(forger)
    const forged = createAttestation(p.poseidon, { snapshot: { measuredAt: now - DAY, readings: visit(recent, 110).readings }, identityCommitment: identityCommitmentOf(p.poseidon, secret) })
    const forgedHolder: Holder = { privateKey: forger, address: privateKeyToAddress(forger), secret, opening: forged.opening }
    const forgedEnrollment = prepare(paillierStudy, forgedHolder)
    const forgedProof = toSolidityProof(await prove(forgedEnrollment.circuit as 'enroll8', forgedEnrollment.input))
    await expectRevert(
      enrollInStudy(p.hospital, { studyId, commitment: forged.commitment, nullifier: forgedEnrollment.nullifier, classCommitment: 0n, proof: forgedProof }),
      'StudyUnknownCommitment',
      [forged.commitment],
    )

    // An honest holder's proof, tampered with, then replayed by another account.
    const honest = await holderWith(recent, visit(recent, 121).readings)
    const prepared = prepare(paillierStudy, honest)
    const proof = toSolidityProof(await prove(prepared.circuit as 'enroll8', prepared.input))
    const args = { studyId, commitment: prepared.commitment, nullifier: prepared.nullifier, classCommitment: 0n }
    const tampered = { ...proof, a: [proof.a[0], proof.a[1] + 1n] as const }
    await expectRevert(enrollInStudy(p.hospital, { ...args, proof: tampered }), 'StudyInvalidProof')
    const otherAccount = await chain.client(chain.keys[4])
    await expectRevert(enrollInStudy(otherAccount, { ...args, proof }), 'StudyInvalidProof')
    await expectRevert(enrollInStudy(p.hospital, { ...args, classCommitment: 1n, proof }), 'StudyInvalidProof')

    // None of it changed the study: one enrollment, the refused ones absent.
    assert.equal((await getStudy(p.hospital, { studyId }))?.enrolled, 1)
    assert.equal(await getEnrollment(p.hospital, { studyId, nullifier: prepared.nullifier }), undefined)
    // The genuine proof still works for its own submitter.
    await enrollInStudy(p.hospital, { ...args, proof })
    assert.equal((await getStudy(p.hospital, { studyId }))?.enrolled, 2)

    // Only the bound submitter records the result, once; only the institution acknowledges, once.
    const share = { studyId, nullifier: prepared.nullifier }
    const resultHash = `0x${'ab'.repeat(32)}` as const
    await expectRevert(acknowledgeStudyResult(p.institution, share), 'StudyNoResult', [studyId, prepared.nullifier])
    await expectRevert(submitStudyResult(otherAccount, { ...share, resultHash }), 'StudyNotSubmitter')
    await submitStudyResult(p.hospital, { ...share, resultHash })
    await expectRevert(submitStudyResult(p.hospital, { ...share, resultHash }), 'StudyResultAlreadySubmitted', [studyId, prepared.nullifier])
    await expectRevert(acknowledgeStudyResult(p.hospital, share), 'StudyNotInstitution')
    await acknowledgeStudyResult(p.institution, share)
    await expectRevert(acknowledgeStudyResult(p.institution, share), 'StudyAlreadyAcknowledged', [studyId, prepared.nullifier])
    assert.deepEqual((await getEnrollment(p.hospital, share))?.resultHash, resultHash)
  })

  it('a result that does not match its on-chain hash is refused', async () => {
    const recent = new Date((now - DAY) * 1000).toISOString()
    const holder = await holderWith(recent, visit(recent, 125).readings)
    const { nullifier, resultBytes } = await enrollAndSubmit(p, paillierStudy, holder)
    const enrollment = await getEnrollment(p.institution, { studyId: BigInt(paillierStudy.document.studyId), nullifier })
    const tampered = Uint8Array.from(resultBytes)
    tampered[tampered.length - 5] = tampered.at(-5)! ^ 1
    assert.throws(
      () => readResult(p.poseidon, { document: paillierStudy.document, bytes: tampered, resultHash: enrollment!.resultHash!, classCommitment: 0n, nullifier, keyPair: paillierStudy.keyPair }),
      (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_INVALID_RESULT',
    )
  })

  it('verified mode: a holder who lies about a class is rejected', async () => {
    const study = await publish(p, 'verified', { notBefore: now - 30 * DAY, deadline: now + DAY, capacity: 10 })
    const studyId = BigInt(study.document.studyId)
    const recent = new Date((now - DAY) * 1000).toISOString()
    const holder = await holderWith(recent, visit(recent, 150).readings)
    const prepared = prepare(study, holder)
    assert.deepEqual(prepared.classes, [1, 0, 0, 0])
    const proof = toSolidityProof(await prove(prepared.circuit as 'verified8', prepared.input))
    await enrollInStudy(p.hospital, { studyId, commitment: prepared.commitment, nullifier: prepared.nullifier, classCommitment: prepared.classCommitment, proof })
    // Claims a normal systolic pressure instead of the high one the proof committed to.
    const lie = encodeStudyResult(buildVerifiedResult(study.document, prepared.nullifier, [0, 0, 0, 0], prepared.classSalt!))
    await submitStudyResult(p.hospital, { studyId, nullifier: prepared.nullifier, resultHash: lie.hash })
    const enrollment = await getEnrollment(p.institution, { studyId, nullifier: prepared.nullifier })
    assert.throws(
      () => readResult(p.poseidon, { document: study.document, bytes: lie.bytes, resultHash: enrollment!.resultHash!, classCommitment: enrollment!.classCommitment, nullifier: prepared.nullifier }),
      (e: unknown) => e instanceof ResearchError && e.code === 'RESEARCH_CLASS_MISMATCH',
    )
  })

  it('a full or closed study refuses enrollment before checking the proof', async () => {
    const recent = new Date((now - DAY) * 1000).toISOString()
    const small = await publish(p, 'paillier', { notBefore: now - 30 * DAY, deadline: now + DAY, capacity: 1, keyPair: paillierStudy.keyPair })
    const studyId = BigInt(small.document.studyId)
    await enrollAndSubmit(p, small, await holderWith(recent, visit(recent, 119).readings))
    const second = prepare(small, await holderWith(recent, visit(recent, 117).readings))
    const proof = toSolidityProof(await prove(second.circuit as 'enroll8', second.input))
    const args = { studyId, commitment: second.commitment, nullifier: second.nullifier, classCommitment: 0n, proof }
    await expectRevert(enrollInStudy(p.hospital, args), 'StudyFull', [studyId, 1])

    const closing = await publish(p, 'paillier', { notBefore: now - 30 * DAY, deadline: now + 3600, capacity: 5, keyPair: paillierStudy.keyPair })
    await chain.node.provider.request({ method: 'evm_increaseTime', params: [7200] })
    await chain.node.provider.request({ method: 'evm_mine', params: [] })
    const late = prepare(closing, await holderWith(recent, visit(recent, 117).readings))
    const lateProof = toSolidityProof(await prove(late.circuit as 'enroll8', late.input))
    await expectRevert(
      enrollInStudy(p.hospital, { studyId: BigInt(closing.document.studyId), commitment: late.commitment, nullifier: late.nullifier, classCommitment: 0n, proof: lateProof }),
      'StudyClosed',
    )
  })
})
