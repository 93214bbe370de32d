import { privateKeyToAddress } from '@medchain/crypto'
import { getPatient, type MedchainClient } from '@medchain/sdk'
import { loadPoseidon, prove, toSolidityProof, type CircuitName } from '@medchain/zk'
import { ResearchError } from '../errors.ts'
import { buildPaillierResult, buildVerifiedResult, encodeStudyResult } from '../holder/buildResult.ts'
import { deriveHolderSecret } from '../holder/holderSecret.ts'
import { prepareEnrollment, type PreparedEnrollment } from '../holder/prepareEnrollment.ts'
import { sealStudyResult } from '../holder/sealResult.ts'
import { fetchAttestations } from './fetchAttestations.ts'
import { fetchStudy } from './fetchStudy.ts'
import { gatewayJson, type GatewayEndpoint } from './gatewayRequest.ts'
import { memberGateway } from './memberGateway.ts'

/** The steps of an enrollment, for progress reports. */
export type EnrollmentStep = 'study' | 'attestation' | 'proving' | 'enrolling' | 'result'

export type EnrollThroughGatewayParameters = {
  studyId: bigint
  /** The holder's patient key: signs their requests and derives their research secret. */
  privateKey: `0x${string}`
  /** The hospital holding their attestation; default the one that registered them. */
  hospital?: GatewayEndpoint | undefined
  onStep?: ((step: EnrollmentStep) => void) | undefined
  /** Called with the sealed result before it is sent, so a caller can keep it for a retry. */
  onSealed?: ((sealed: SealedResult) => void | Promise<void>) | undefined
}

/** A sealed result ready for {@link submitResultThroughGateway}. */
export type SealedResult = { studyId: string; nullifier: string; sealed: string; hospital: GatewayEndpoint }

export type EnrollThroughGatewayReturnType = { studyId: bigint; nullifier: bigint; enrollTransaction: string; resultHash: string; forwarded: boolean }

/**
 * The holder's side of a study, through their hospital's gateway (research-protocol.md sections
 * 3-5): fetch the study and check its document against the chain, fetch the attestation openings,
 * bind the hospital's relaying account as submitter, prove locally (the secret and the values
 * never leave this process), enroll through the relay, build the result, seal it for the
 * institution and send it through the relay, which records its hash and forwards it.
 * @throws ResearchError `RESEARCH_MISSING_INDICATOR`, `RESEARCH_STALE_MEASUREMENT`,
 *   `RESEARCH_IMPLAUSIBLE_VALUE` (no opening fits the study), `RESEARCH_GATEWAY_FAILED`, ...
 */
export async function enrollThroughGateway(client: MedchainClient, parameters: EnrollThroughGatewayParameters): Promise<EnrollThroughGatewayReturnType> {
  const { studyId, privateKey, onStep = () => {} } = parameters
  onStep('study')
  const { document, institution, rangeOpening } = await fetchStudy(client, { studyId, privateKey })
  const hospital = parameters.hospital ?? (await registrarGateway(client, privateKey))
  onStep('attestation')
  const attestations = await fetchAttestations({ hospital, privateKey })
  const { relayer } = await gatewayJson<{ relayer: `0x${string}` }>({ gateway: hospital, method: 'GET', path: '/research/relayer', privateKey })
  const poseidon = await loadPoseidon()
  const secret = deriveHolderSecret(privateKey)
  // The newest opening that fits the study; if none does, the newest one's reason.
  let prepared: PreparedEnrollment | undefined
  let reason: unknown = new ResearchError('The hospital holds no attestation for this patient', { code: 'RESEARCH_MISSING_INDICATOR' })
  for (const [i, attestation] of attestations.entries()) {
    try {
      prepared = prepareEnrollment(poseidon, { opening: attestation.opening, secret, document, submitter: relayer, rangeOpening })
      break
    } catch (error) {
      if (!(error instanceof ResearchError)) throw error
      if (i === 0) reason = error
    }
  }
  if (prepared === undefined) throw reason
  onStep('proving')
  const proof = toSolidityProof(await prove(prepared.circuit as CircuitName, prepared.input))
  onStep('enrolling')
  const decimal = (pair: readonly [bigint, bigint]) => pair.map(String)
  const enrolled = await gatewayJson<{ transaction: string }>({
    gateway: hospital,
    method: 'POST',
    path: '/research/enrollments',
    privateKey,
    body: {
      studyId: studyId.toString(),
      commitment: prepared.commitment.toString(),
      nullifier: prepared.nullifier.toString(),
      classCommitment: prepared.classCommitment.toString(),
      proof: { a: decimal(proof.a), b: proof.b.map(decimal), c: decimal(proof.c) },
    },
  })
  onStep('result')
  const result =
    document.mode === 'paillier'
      ? await buildPaillierResult(document, prepared.nullifier, prepared.values)
      : buildVerifiedResult(document, prepared.nullifier, prepared.classes!, prepared.classSalt!)
  const sealed = sealStudyResult({ institutionPublicKey: institution.encryptionPublicKey, studyId, nullifier: prepared.nullifier, bytes: encodeStudyResult(result).bytes })
  const pending: SealedResult = { studyId: studyId.toString(), nullifier: prepared.nullifier.toString(), sealed: Buffer.from(sealed).toString('base64'), hospital }
  await parameters.onSealed?.(pending)
  const submitted = await submitResultThroughGateway({ privateKey, result: pending })
  return { studyId, nullifier: prepared.nullifier, enrollTransaction: enrolled.transaction, ...submitted }
}

/**
 * Sends a sealed result through the hospital relay (again, after a failure: the relay records the
 * hash once and forwards again).
 * @throws ResearchError `RESEARCH_GATEWAY_FAILED`
 */
export async function submitResultThroughGateway({ privateKey, result }: { privateKey: `0x${string}`; result: SealedResult }): Promise<{ resultHash: string; forwarded: boolean }> {
  const answer = await gatewayJson<{ resultHash: string; forwarded: boolean }>({
    gateway: result.hospital,
    method: 'POST',
    path: '/research/results',
    privateKey,
    body: { studyId: result.studyId, nullifier: result.nullifier, sealed: result.sealed },
  })
  return { resultHash: answer.resultHash, forwarded: answer.forwarded }
}

/** The gateway of the hospital that registered the holder's pseudonym. */
async function registrarGateway(client: MedchainClient, privateKey: `0x${string}`): Promise<GatewayEndpoint> {
  const patient = await getPatient(client, { pseudonym: privateKeyToAddress(privateKey) })
  if (patient === undefined) throw new ResearchError('The key is not a registered patient pseudonym', { code: 'RESEARCH_INVALID_ARGUMENT' })
  return memberGateway(client, patient.registrar)
}
