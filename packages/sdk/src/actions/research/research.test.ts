// The StudyRegistry's rules that need no proof: who may attest, publish and install verifiers,
// and what each refuses. Enrollment with real proofs: packages/research/test.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { studyRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { attestIndicators } from './attestIndicators.ts'
import { enrollInStudy } from './enrollInStudy.ts'
import { getStudy } from './getStudy.ts'
import { installStudyVerifier } from './installStudyVerifier.ts'
import { publishStudy } from './publishStudy.ts'

const FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n
const documentHash = `0x${'11'.repeat(32)}` as const
const zeroProof = { a: [0n, 0n], b: [[0n, 0n], [0n, 0n]], c: [0n, 0n] } as const

describe('study registry', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let institution: MedchainClient
  let regulator: MedchainClient
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    institution = await chain.client(chain.keys[2])
    regulator = await chain.client(chain.keys[3])
  })
  after(() => chain?.close())

  const study = (overrides: Partial<Parameters<typeof publishStudy>[1]> = {}) => ({
    studyId: 42n,
    circuit: 'enroll8',
    studyHash: 7n,
    documentHash,
    capacity: 2,
    deadline: BigInt(Math.floor(Date.now() / 1000) + 3600),
    ...overrides,
  })

  it('only hospitals attest, each commitment once, inside the field', async () => {
    const patient = freshKey().address
    await expectRevert(attestIndicators(institution, { commitment: 5n, patient }), 'ConsortiumMissingRole')
    await expectRevert(attestIndicators(hospital, { commitment: FIELD, patient }), 'StudyInvalidCommitment')
    await expectMedchainError(attestIndicators(hospital, { commitment: 0n, patient }), 'SDK_INVALID_ARGUMENT')
    await attestIndicators(hospital, { commitment: 5n, patient })
    await expectRevert(attestIndicators(hospital, { commitment: 5n, patient }), 'StudyAlreadyAttested', [5n])
    const attestation = await hospital.publicClient.readContract({ address: chain.deployment.studyRegistry, abi: studyRegistryAbi, functionName: 'attestation', args: [5n] })
    assert.deepEqual([attestation.attester, attestation.patient], [hospital.account!.address, patient])
  })

  it('only research members publish, with sound parameters, each id once', async () => {
    await expectRevert(publishStudy(hospital, study()), 'ConsortiumMissingRole')
    await expectRevert(publishStudy(institution, study({ deadline: 1n })), 'StudyInvalidParameters')
    await expectRevert(publishStudy(institution, study({ studyHash: FIELD })), 'StudyInvalidParameters')
    await expectMedchainError(publishStudy(institution, study({ circuit: 'enroll64' })), 'SDK_INVALID_ARGUMENT')
    await publishStudy(institution, study())
    await expectRevert(publishStudy(institution, study()), 'StudyAlreadyExists', [42n])
    const published = await getStudy(hospital, { studyId: 42n })
    assert.deepEqual([published?.institution, published?.circuit, published?.capacity, published?.enrolled], [institution.account!.address, 'enroll8', 2, 0])
    assert.equal(await getStudy(hospital, { studyId: 43n }), undefined)
    await expectRevert(enrollInStudy(hospital, { studyId: 43n, commitment: 5n, nullifier: 1n, classCommitment: 0n, proof: zeroProof }), 'StudyUnknown', [43n])
    await expectRevert(enrollInStudy(hospital, { studyId: 42n, commitment: 6n, nullifier: 1n, classCommitment: 0n, proof: zeroProof }), 'StudyUnknownCommitment', [6n])
    await expectRevert(enrollInStudy(hospital, { studyId: 42n, commitment: 5n, nullifier: 1n, classCommitment: 0n, proof: zeroProof }), 'StudyInvalidProof')
  })

  it('only regulators install verifiers, which must carry a transcript; running studies keep theirs', async () => {
    const registry = { address: chain.deployment.studyRegistry, abi: studyRegistryAbi } as const
    const [enroll8, transcript8] = await hospital.publicClient.readContract({ ...registry, functionName: 'verifierOf', args: [0] })
    const [enroll32, transcript32] = await hospital.publicClient.readContract({ ...registry, functionName: 'verifierOf', args: [1] })
    assert.notEqual(transcript8, transcript32)
    await expectRevert(installStudyVerifier(hospital, { circuit: 'enroll8', verifier: enroll32 }), 'ConsortiumMissingRole')
    await expectRevert(installStudyVerifier(regulator, { circuit: 'enroll8', verifier: freshKey().address }), 'StudyInvalidParameters')
    await installStudyVerifier(regulator, { circuit: 'enroll8', verifier: enroll32 })
    assert.deepEqual(await hospital.publicClient.readContract({ ...registry, functionName: 'verifierOf', args: [0] }), [enroll32, transcript32])
    assert.equal((await getStudy(hospital, { studyId: 42n }))?.verifier, enroll8)
    await installStudyVerifier(regulator, { circuit: 'enroll8', verifier: enroll8 })
  })
})
