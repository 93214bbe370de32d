import { accessActions } from '@medchain/contracts'
import type { FastifyInstance } from 'fastify'
import type { Bundle } from 'fhir/r4.js'
import { isAddress, type Address } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { FHIR_JSON } from '../http/fhirBody.ts'
import { requestPurpose } from '../http/requestContext.ts'
import { openStored } from '../records/openStored.ts'
import { decideRecordAccess, refuse } from '../records/readService.ts'

/**
 * `GET /Patient/<pseudonym>/$export`: every record of the patient this gateway holds, verified
 * against the chain, as one `collection` Bundle (the patient's right of access and portability).
 * The patient exports their own; a member needs the same basis as for reading each record.
 */
export function registerExportRoute(app: FastifyInstance, ctx: GatewayContext): void {
  app.get<{ Params: { id: string } }>('/Patient/:id/$export', async (request, reply) => {
    const patient = request.params.id.toLowerCase()
    if (!isAddress(patient, { strict: false })) throw new GatewayError('Patient ids are pseudonym addresses', { code: 'GATEWAY_NOT_FOUND' })
    const purpose = requestPurpose(request)
    const rows = await ctx.index.listPatientRecords({ patient })
    const entries: NonNullable<Bundle['entry']> = []
    const logged = []
    for (const row of rows) {
      const answer = await decideRecordAccess(ctx, request.caller, row, purpose)
      if (!answer.allowed) return refuse(ctx, request.caller, { patient: patient as Address, key: row.recordKey as `${string}/${string}`, action: accessActions.EXPORT }, purpose, answer)
      entries.push({ fullUrl: `${ctx.baseUrl}/${row.recordKey}`, resource: await openStored(ctx, row) })
      logged.push({ accessor: request.caller.address, patient: row.patient, recordId: row.recordId, recordKey: row.recordKey, action: accessActions.EXPORT, purpose, authorization: answer.authorization, decision: AuditDecisions.ALLOWED })
    }
    if (logged.length > 0) await ctx.audit.record(logged)
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', timestamp: new Date().toISOString(), entry: entries }
    return reply.type(FHIR_JSON).send(bundle)
  })
}
