// Results at the institution (research-protocol.md section 4 and 5): a sealed result is checked
// against the hash its holder recorded on chain, opened, read to a -1/0/1 vector, stored, and
// acknowledged on chain; the per-indicator distribution of the stored vectors is the output.
import { createHash } from 'node:crypto'
import { accessActions } from '@medchain/contracts'
import type { IndicatorDistribution } from '@medchain/research'
import { acknowledgeStudyResult, getEnrollment } from '@medchain/sdk'
import type { Hex } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { researchModules } from './researchModules.ts'
import { chainStep, logResearch, refuseResearch } from './researchSteps.ts'
import { ownStudy, studyDocument } from './studies.ts'

const sha256 = (bytes: Uint8Array) => `0x${createHash('sha256').update(bytes).digest('hex')}` as Hex

/** What a delivery of a result answers; never the classes (the deliverer is not the institution). */
export type ReceivedResult = { studyId: string; nullifier: string; resultHash: Hex; acknowledged: true; duplicate: boolean }

/**
 * Takes a sealed result for one enrollment of an own study. Idempotent: a vector is read once, a
 * second delivery of the same bytes only makes sure the acknowledgement is on chain.
 * @throws GatewayError `GATEWAY_NOT_FOUND` (no such study or enrollment), `GATEWAY_RESEARCH_INVALID_RESULT`,
 *   `GATEWAY_RESEARCH_REFUSED`
 */
export async function receiveResult(ctx: GatewayContext, caller: Caller, studyId: bigint, { nullifier, sealed }: { nullifier: bigint; sealed: Uint8Array }): Promise<ReceivedResult> {
  const study = await ownStudy(ctx, studyId)
  if ((await ctx.index.getResearchStudy({ studyId })) === undefined) throw new GatewayError(`Study ${studyId} was not published through this gateway`, { code: 'GATEWAY_NOT_FOUND' })
  const invalid = async (message: string, cause?: unknown) =>
    refuseResearch(ctx, caller, 'receive-result', { code: 'GATEWAY_RESEARCH_INVALID_RESULT', message, decision: AuditDecisions.RESEARCH_REFUSED, cause })
  return ctx.locks.run(`research-result:${studyId}:${nullifier}`, async () => {
    const enrollment = await getEnrollment(ctx.client, { studyId, nullifier })
    if (enrollment === undefined) throw new GatewayError('No such enrollment in the study', { code: 'GATEWAY_NOT_FOUND' })
    const resultHash = sha256(sealed)
    if (enrollment.resultHash === undefined) throw await invalid('No result hash is recorded on chain for this enrollment yet')
    if (enrollment.resultHash.toLowerCase() !== resultHash) throw await invalid('The result does not match the hash recorded on chain')
    const stored = await ctx.index.getResearchResult({ studyId, nullifier })
    if (stored === undefined) {
      const { research, poseidon } = await researchModules()
      let classes: ReturnType<typeof research.readResult>
      try {
        const plaintext = ctx.receiver.decrypt(sealed, research.studyResultAad(studyId, nullifier))
        const document = await studyDocument(ctx, study)
        const keyPair = document.mode === 'paillier' ? await ctx.research.paillierKey() : undefined
        // The chain binds the sealed bytes, and the seal (AES-GCM) binds the plaintext to them.
        classes = research.readResult(poseidon, { document, bytes: plaintext, resultHash: sha256(plaintext), classCommitment: enrollment.classCommitment, nullifier, keyPair })
      } catch (error) {
        if (error instanceof GatewayError) throw error
        const code = (error as { code?: unknown }).code
        if (typeof code !== 'string' || !/^(CRYPTO|RESEARCH|PAILLIER)_/.test(code)) throw error
        throw await invalid(`The result was refused: ${code}`, error)
      }
      await ctx.index.saveResearchResult({ studyId, nullifier, resultHash, classes })
      await logResearch(ctx, caller, { step: 'receive-result', action: accessActions.WRITE })
    }
    if (!enrollment.acknowledged) await chainStep(ctx, caller, 'receive-result', undefined, () => acknowledgeStudyResult(ctx.client, { studyId, nullifier }))
    return { studyId: studyId.toString(), nullifier: nullifier.toString(), resultHash, acknowledged: true, duplicate: stored !== undefined }
  })
}

/** The research output of a study: how many holders fell below, inside, above each range. */
export type StudyDistribution = { studyId: string; mode: string; capacity: number; enrolled: number; received: number; indicators: IndicatorDistribution[] }

/** Tallies the stored class vectors of an own study. @throws GatewayError `GATEWAY_NOT_FOUND` */
export async function studyDistribution(ctx: GatewayContext, studyId: bigint): Promise<StudyDistribution> {
  const study = await ownStudy(ctx, studyId)
  const row = await ctx.index.getResearchStudy({ studyId })
  if (row === undefined) throw new GatewayError(`Study ${studyId} was not published through this gateway`, { code: 'GATEWAY_NOT_FOUND' })
  const results = await ctx.index.listResearchResults({ studyId })
  const { research } = await researchModules()
  return {
    studyId: studyId.toString(),
    mode: row.mode,
    capacity: study.capacity,
    enrolled: study.enrolled,
    received: results.length,
    indicators: research.distributionOf(row.codes, results.map((result) => result.classes)),
  }
}
