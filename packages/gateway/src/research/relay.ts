// The hospital relays a holder's enrollment and result (patients need no gas): its account is the
// submitter the holder's proof binds, and it remembers which patient asked for each nullifier so
// that only that patient can record the result. The result itself is sealed for the institution.
import { createHash } from 'node:crypto'
import { accessActions, studyRegistryAbi } from '@medchain/contracts'
import { enrollInStudy, getEnrollment, getStudy, submitStudyResult, type StudyProof } from '@medchain/sdk'
import type { Address, Hex } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { chainStep, logResearch, refuseResearch } from './researchSteps.ts'

/** What a holder sends to enroll: the public values of its proof, and the proof. */
export type EnrollmentRequest = { studyId: bigint; commitment: bigint; nullifier: bigint; classCommitment: bigint; proof: StudyProof }

async function attestationOf(ctx: GatewayContext, commitment: bigint): Promise<{ attester: Address; patient: Address; attestedAt: bigint }> {
  try {
    return await ctx.client.publicClient.readContract({ address: ctx.deployment.studyRegistry, abi: studyRegistryAbi, functionName: 'attestation', args: [commitment] })
  } catch (error) {
    throw new GatewayError('The chain node did not answer (StudyRegistry.attestation)', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
  }
}

/**
 * Relays `enroll` for the patient, whose proof names this gateway's account as submitter. Only the
 * patient's own attestations made by this hospital (or its clinicians) are relayed; the contract
 * checks the rest (proof, nullifier, deadline, capacity).
 * @throws GatewayError `GATEWAY_ACCESS_DENIED`, `GATEWAY_RESEARCH_REFUSED`
 */
export async function relayEnrollment(ctx: GatewayContext, caller: Caller, patient: Address, request: EnrollmentRequest): Promise<{ transaction: Hex }> {
  const attestation = await attestationOf(ctx, request.commitment)
  if (attestation.attestedAt !== 0n) {
    const attester = await ctx.callers.resolve(attestation.attester)
    const ours = attester.kind !== 'patient' && attester.kind !== 'unknown' && attester.member.toLowerCase() === ctx.member.address.toLowerCase()
    if (attestation.patient.toLowerCase() !== patient.toLowerCase() || !ours) {
      throw await refuseResearch(ctx, caller, 'enroll', { code: 'GATEWAY_ACCESS_DENIED', message: 'This gateway relays only its own attestations of the calling patient', decision: AuditDecisions.RESEARCH_REFUSED, patient })
    }
  }
  const { receipt } = await chainStep(ctx, caller, 'enroll', patient, () => enrollInStudy(ctx.client, request))
  await ctx.index.saveResearchRelay({ studyId: request.studyId, nullifier: request.nullifier, patient })
  await logResearch(ctx, caller, { step: 'enroll', patient, action: accessActions.WRITE })
  return { transaction: receipt.transactionHash }
}

/** What became of a relayed result. */
export type RelayedResult = { resultHash: Hex; forwarded: boolean }

/**
 * Records the SHA-256 of the holder's sealed result on chain (once; a retry with the same bytes
 * skips it) and forwards the sealed bytes to the gateway of the study's institution.
 * @throws GatewayError `GATEWAY_NOT_FOUND` (no enrollment relayed here), `GATEWAY_ACCESS_DENIED` (another
 *   patient's enrollment), `GATEWAY_RESEARCH_REFUSED` (a different result is on chain), `GATEWAY_PEER_FAILED`
 */
export async function relayResult(ctx: GatewayContext, caller: Caller, patient: Address, { studyId, nullifier, sealed }: { studyId: bigint; nullifier: bigint; sealed: Uint8Array }): Promise<RelayedResult> {
  const relay = await ctx.index.getResearchRelay({ studyId, nullifier })
  if (relay === undefined) throw new GatewayError('This gateway relayed no such enrollment', { code: 'GATEWAY_NOT_FOUND' })
  if (relay.patient.toLowerCase() !== patient.toLowerCase()) {
    throw await refuseResearch(ctx, caller, 'submit-result', { code: 'GATEWAY_ACCESS_DENIED', message: 'The enrollment was relayed for another patient', decision: AuditDecisions.RESEARCH_REFUSED, patient })
  }
  const resultHash = `0x${createHash('sha256').update(sealed).digest('hex')}` as Hex
  return ctx.locks.run(`research-result:${studyId}:${nullifier}`, async () => {
    const enrollment = await getEnrollment(ctx.client, { studyId, nullifier })
    if (enrollment?.resultHash === undefined) {
      await chainStep(ctx, caller, 'submit-result', patient, () => submitStudyResult(ctx.client, { studyId, nullifier, resultHash }))
    } else if (enrollment.resultHash.toLowerCase() !== resultHash) {
      throw await refuseResearch(ctx, caller, 'submit-result', { code: 'GATEWAY_RESEARCH_REFUSED', message: 'Another result is already recorded for this enrollment', decision: AuditDecisions.RESEARCH_REFUSED, patient })
    }
    await ctx.index.markResearchRelay({ studyId, nullifier, resultHash, forwarded: false })
    await logResearch(ctx, caller, { step: 'submit-result', patient, action: accessActions.WRITE })
    await forwardResult(ctx, studyId, { nullifier, sealed })
    await ctx.index.markResearchRelay({ studyId, nullifier, resultHash, forwarded: true })
    return { resultHash, forwarded: true }
  })
}

/** Hands the sealed result to the institution's gateway (signed by this member). */
async function forwardResult(ctx: GatewayContext, studyId: bigint, { nullifier, sealed }: { nullifier: bigint; sealed: Uint8Array }): Promise<void> {
  const study = await getStudy(ctx.client, { studyId })
  if (study === undefined) throw new GatewayError(`Study ${studyId} is not on chain`, { code: 'GATEWAY_NOT_FOUND' })
  const institution = await ctx.callers.resolve(study.institution)
  if (institution.kind !== 'member' && institution.kind !== 'individual') throw new GatewayError('The study institution is no longer a member', { code: 'GATEWAY_PEER_FAILED' })
  const member = await ctx.callers.member(institution.member)
  const gatewayUrl = member.gatewayUrl.replace(/\/+$/, '')
  if (!/^https?:\/\//.test(gatewayUrl)) throw new GatewayError('The study institution lists no gateway URL on chain; the result is recorded, retry later', { code: 'GATEWAY_PEER_FAILED' })
  const peer = { address: institution.member, name: member.name, gatewayUrl }
  const answer = await ctx.peers.post(peer, `/research/studies/${studyId}/results`, { nullifier: nullifier.toString(), sealed: Buffer.from(sealed).toString('base64') })
  if (answer.status !== 200) {
    const code = (answer.body as { issue?: { details?: { coding?: { code?: string }[] } }[] } | undefined)?.issue?.[0]?.details?.coding?.[0]?.code
    throw new GatewayError(`The institution's gateway refused the result (HTTP ${answer.status}${code ? ` ${code}` : ''}); it is recorded on chain, retry to forward it again`, { code: 'GATEWAY_PEER_FAILED' })
  }
}
