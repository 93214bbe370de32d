// The three parties of a screening study, driven through the SDK against a real chain: the
// hospital attests, the holder proves and enrolls (through the hospital's account, which
// relays), the institution reads the result. Shared by the paillier and verified tests.
import { generateKeyPair, type PaillierKeyPair } from '@medchain/paillier'
import {
  acknowledgeStudyResult,
  attestIndicators,
  enrollInStudy,
  getEnrollment,
  publishStudy,
  submitStudyResult,
  type MedchainClient,
} from '@medchain/sdk'
import { loadPoseidon, prove, toSolidityProof, type PoseidonHash } from '@medchain/zk'
import { privateKeyToAddress } from '@medchain/crypto'
import {
  buildPaillierResult,
  buildVerifiedResult,
  createAttestation,
  createStudy,
  deriveHolderSecret,
  encodeStudyResult,
  identityCommitmentOf,
  latestReadings,
  prepareEnrollment,
  readResult,
  type AttestationOpening,
  type CreatedStudy,
  type IndicatorClass,
  type StudyIndicatorDefinition,
  type StudyMode,
} from '../src/index.ts'
import type { Observation } from 'fhir/r4.js'

/** The acceptance study: systolic and diastolic pressure, heart rate, body temperature. */
export const VITALS: StudyIndicatorDefinition[] = [
  { code: '8480-6', plausible: { low: 50, high: 300 }, range: { low: 90, high: 129 } },
  { code: '8462-4', plausible: { low: 30, high: 200 }, range: { low: 60, high: 84 } },
  { code: '8867-4', plausible: { low: 25, high: 250 }, range: { low: 60, high: 100 } },
  { code: '8310-5', plausible: { low: 30, high: 45 }, range: { low: 36.1, high: 37.5 } },
]
export const VITAL_CODES = VITALS.map((vital) => vital.code)

export type Holder = { privateKey: `0x${string}`; address: `0x${string}`; secret: bigint; opening: AttestationOpening }

export type Parties = { hospital: MedchainClient; institution: MedchainClient; poseidon: PoseidonHash }

export async function parties(hospital: MedchainClient, institution: MedchainClient): Promise<Parties> {
  return { hospital, institution, poseidon: await loadPoseidon() }
}

/** Hospital side: builds and anchors the commitment to a patient's latest vital signs. */
export async function attestPatient(p: Parties, privateKey: `0x${string}`, observations: readonly Observation[]): Promise<Holder | undefined> {
  const snapshot = latestReadings(observations, { codes: VITAL_CODES })
  if (!snapshot) return undefined
  const secret = deriveHolderSecret(privateKey)
  const { commitment, opening } = createAttestation(p.poseidon, { snapshot, identityCommitment: identityCommitmentOf(p.poseidon, secret) })
  const address = privateKeyToAddress(privateKey)
  await attestIndicators(p.hospital, { commitment, patient: address })
  return { privateKey, address, secret, opening }
}

export type PublishedStudy = CreatedStudy & { keyPair?: PaillierKeyPair | undefined }

/** Institution side: creates and publishes a study. */
export async function publish(
  p: Parties,
  mode: StudyMode,
  options: { notBefore: number; deadline: number; capacity: number; indicators?: StudyIndicatorDefinition[]; keyPair?: PaillierKeyPair },
): Promise<PublishedStudy> {
  const keyPair = mode === 'paillier' ? (options.keyPair ?? (await generateKeyPair({ bits: 2048 }))) : undefined
  const study = createStudy(p.poseidon, {
    title: 'Blood pressure, heart rate and temperature screening',
    purpose: 'research',
    mode,
    indicators: options.indicators ?? VITALS,
    notBefore: options.notBefore,
    capacity: options.capacity,
    deadline: options.deadline,
    paillierPublicKey: keyPair?.publicKey,
  })
  await publishStudy(p.institution, {
    studyId: BigInt(study.document.studyId),
    circuit: study.document.circuit,
    studyHash: study.studyHash,
    documentHash: study.documentHash,
    capacity: options.capacity,
    deadline: BigInt(options.deadline),
  })
  return { ...study, keyPair }
}

/** Holder side, relayed by the hospital: proves, enrolls, sends the result and records its hash. */
export async function enrollAndSubmit(p: Parties, study: PublishedStudy, holder: Holder): Promise<{ nullifier: bigint; resultBytes: Uint8Array }> {
  const submitter = p.hospital.account!.address
  const prepared = prepareEnrollment(p.poseidon, { opening: holder.opening, secret: holder.secret, document: study.document, submitter, rangeOpening: study.rangeOpening })
  const proof = await prove(prepared.circuit as 'enroll8', prepared.input)
  const studyId = BigInt(study.document.studyId)
  await enrollInStudy(p.hospital, { studyId, commitment: prepared.commitment, nullifier: prepared.nullifier, classCommitment: prepared.classCommitment, proof: toSolidityProof(proof) })
  const result =
    study.document.mode === 'paillier'
      ? await buildPaillierResult(study.document, prepared.nullifier, prepared.values)
      : buildVerifiedResult(study.document, prepared.nullifier, prepared.classes!, prepared.classSalt!)
  const { bytes, hash } = encodeStudyResult(result)
  await submitStudyResult(p.hospital, { studyId, nullifier: prepared.nullifier, resultHash: hash })
  return { nullifier: prepared.nullifier, resultBytes: bytes }
}

/** Institution side: checks the result against the chain, learns the classes, acknowledges. */
export async function receive(p: Parties, study: PublishedStudy, nullifier: bigint, bytes: Uint8Array): Promise<IndicatorClass[]> {
  const studyId = BigInt(study.document.studyId)
  const enrollment = await getEnrollment(p.institution, { studyId, nullifier })
  if (!enrollment?.resultHash) throw new Error('no result on chain')
  const classes = readResult(p.poseidon, {
    document: study.document,
    bytes,
    resultHash: enrollment.resultHash,
    classCommitment: enrollment.classCommitment,
    nullifier,
    keyPair: study.keyPair,
  })
  await acknowledgeStudyResult(p.institution, { studyId, nullifier })
  return classes
}
