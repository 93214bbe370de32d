import { accessActions } from '@medchain/contracts'
import type { FastifyInstance } from 'fastify'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { jsonBody } from '../http/fhirBody.ts'
import { requestPurpose } from '../http/requestContext.ts'
import { attestPatient, listAttestations } from '../research/attestations.ts'
import { relayEnrollment, relayResult } from '../research/relay.ts'
import { receiveResult, studyDistribution } from '../research/results.ts'
import { logResearch, requireOwnStaff, requirePatient } from '../research/researchSteps.ts'
import { base64Value, proofValue, studyIdParam, uintValue } from '../research/researchValues.ts'
import { ownStudy, parseStudyDefinition, publishInstitutionStudy, studyDocumentBytes } from '../research/studies.ts'

/** Largest sealed result accepted: 32 indicators of two 4096-bit ciphertexts fit in a fraction of it. */
const MAX_RESULT_BYTES = 1024 * 1024

/**
 * Private research screening (research-protocol.md). At a hospital's gateway: attestations for its
 * patients and the relay of their enrollments and results. At a research institution's gateway:
 * studies (document public, ranges to authenticated callers in verified mode), delivery of
 * results, and the distribution, for the institution only.
 */
export function registerResearchRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.post('/research/attestations', async (request, reply) => {
    const identityCommitment = uintValue(jsonBody(request).identityCommitment, 'identityCommitment', { min: 1n })
    const patient = await requirePatient(ctx, request.caller, 'attest')
    return reply.code(201).send(await attestPatient(ctx, request.caller, patient, identityCommitment))
  })

  app.get('/research/attestations', async (request) => {
    const patient = await requirePatient(ctx, request.caller, 'list-attestations')
    return { attestations: await listAttestations(ctx, request.caller, patient, requestPurpose(request)) }
  })

  app.get('/research/relayer', async () => ({ relayer: ctx.member.address }))

  app.post('/research/enrollments', async (request, reply) => {
    const body = jsonBody(request)
    const enrollment = {
      studyId: uintValue(body.studyId, 'studyId', { min: 1n }),
      commitment: uintValue(body.commitment, 'commitment'),
      nullifier: uintValue(body.nullifier, 'nullifier'),
      classCommitment: uintValue(body.classCommitment, 'classCommitment'),
      proof: proofValue(body.proof),
    }
    const patient = await requirePatient(ctx, request.caller, 'enroll')
    const { transaction } = await relayEnrollment(ctx, request.caller, patient, enrollment)
    return reply.code(201).send({ studyId: enrollment.studyId.toString(), nullifier: enrollment.nullifier.toString(), relayer: ctx.member.address, transaction })
  })

  app.post('/research/results', async (request) => {
    const body = jsonBody(request)
    const studyId = uintValue(body.studyId, 'studyId', { min: 1n })
    const nullifier = uintValue(body.nullifier, 'nullifier')
    const sealed = base64Value(body.sealed, 'sealed', MAX_RESULT_BYTES)
    const patient = await requirePatient(ctx, request.caller, 'submit-result')
    const relayed = await relayResult(ctx, request.caller, patient, { studyId, nullifier, sealed })
    return { studyId: studyId.toString(), nullifier: nullifier.toString(), ...relayed }
  })

  app.post('/research/studies', async (request, reply) => {
    const definition = parseStudyDefinition(jsonBody(request))
    await requireOwnStaff(ctx, request.caller, 'publish', { role: 'RESEARCH', kind: 'RESEARCHER' })
    return reply.code(201).send(await publishInstitutionStudy(ctx, request.caller, definition))
  })

  app.get<{ Params: { id: string } }>('/research/studies/:id', { config: { public: true } }, async (request, reply) => {
    const study = await ownStudy(ctx, studyIdParam(request.params.id))
    return reply.type('application/json').header('x-medchain-document-hash', study.documentHash).send(Buffer.from(await studyDocumentBytes(ctx, study)))
  })

  app.get<{ Params: { id: string } }>('/research/studies/:id/ranges', async (request) => {
    const studyId = studyIdParam(request.params.id)
    await ownStudy(ctx, studyId)
    const row = await ctx.index.getResearchStudy({ studyId })
    if (row?.rangeOpening == null) throw new GatewayError(`Study ${studyId} opens no ranges (paillier mode keeps them secret)`, { code: 'GATEWAY_NOT_FOUND' })
    await logResearch(ctx, request.caller, { step: 'read-ranges', action: accessActions.READ })
    return row.rangeOpening
  })

  app.post<{ Params: { id: string } }>('/research/studies/:id/results', async (request) => {
    const studyId = studyIdParam(request.params.id)
    const body = jsonBody(request)
    const nullifier = uintValue(body.nullifier, 'nullifier')
    const sealed = base64Value(body.sealed, 'sealed', MAX_RESULT_BYTES)
    return receiveResult(ctx, request.caller, studyId, { nullifier, sealed })
  })

  app.get<{ Params: { id: string } }>('/research/studies/:id/distribution', async (request) => {
    const studyId = studyIdParam(request.params.id)
    await requireOwnStaff(ctx, request.caller, 'distribution', { role: 'RESEARCH', kind: 'RESEARCHER' })
    const distribution = await studyDistribution(ctx, studyId)
    await logResearch(ctx, request.caller, { step: 'distribution', action: accessActions.READ })
    return distribution
  })
}
