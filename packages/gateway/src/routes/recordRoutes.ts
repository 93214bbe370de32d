import { batchResponseBundle, historyBundle, parseSearchQuery, parseTransactionBundle, resolveTransactionReferences, searchsetBundle, transactionResponseBundle } from '@medchain/fhir'
import type { FastifyInstance } from 'fastify'
import type { Bundle } from 'fhir/r4.js'
import { randomUUID } from 'node:crypto'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { FHIR_JSON, resourceBody, sendResource } from '../http/fhirBody.ts'
import { requestPurpose } from '../http/requestContext.ts'
import { recordKey } from '../internal/recordIds.ts'
import { readRecord, searchRecords } from '../records/readService.ts'
import { writeResources } from '../records/writeService.ts'
import { eraseRecord } from '../records/eraseRecord.ts'
import { entryOutcome } from '../http/sendError.ts'

const TRANSACTION_BODY_LIMIT = 64 * 1024 * 1024

/** The FHIR R4 REST interactions on records: read, vread, history, search, create, update, erase, transaction/batch. */
export function registerRecordRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const location = (type: string, id: string, versionId: string) => `${ctx.baseUrl}/${type}/${id}/_history/${versionId}`

  app.get<{ Params: { type: string; id: string } }>('/:type/:id', async (request, reply) => {
    const served = await readRecord(ctx, request.caller, { type: request.params.type, id: request.params.id, purpose: requestPurpose(request) })
    return sendResource(reply, served.resource, served)
  })

  app.get<{ Params: { type: string; id: string; vid: string } }>('/:type/:id/_history/:vid', async (request, reply) => {
    const version = Number(request.params.vid)
    if (!Number.isSafeInteger(version) || version < 1) throw new GatewayError('Version id must be a positive integer', { code: 'GATEWAY_NOT_FOUND' })
    const served = await readRecord(ctx, request.caller, { type: request.params.type, id: request.params.id, version, purpose: requestPurpose(request) })
    return sendResource(reply, served.resource, served)
  })

  app.get<{ Params: { type: string; id: string } }>('/:type/:id/_history', async (request, reply) => {
    const key = recordKey(request.params.type, request.params.id)
    const versions = await ctx.index.listHistory({ recordKey: key })
    if (versions.length === 0) throw new GatewayError(`${key} is not held by this gateway`, { code: 'GATEWAY_NOT_FOUND' })
    const purpose = requestPurpose(request)
    const entries = []
    for (const row of versions) {
      const served = await readRecord(ctx, request.caller, { type: request.params.type, id: request.params.id, version: row.version, purpose })
      entries.push({ versionId: served.versionId, lastUpdated: served.lastUpdated, method: row.version === 1 ? ('POST' as const) : ('PUT' as const), resource: served.resource })
    }
    return reply.type(FHIR_JSON).send(historyBundle({ baseUrl: ctx.baseUrl, resourceType: request.params.type, id: request.params.id, versions: entries }))
  })

  app.get<{ Params: { type: string } }>('/:type', async (request, reply) => {
    const lenient = /handling=lenient/.test(String(request.headers.prefer ?? ''))
    const query = parseSearchQuery(request.params.type, request.query as Record<string, string>, { handling: lenient ? 'lenient' : 'strict' })
    const result = await searchRecords(ctx, request.caller, query, requestPurpose(request))
    return reply.type(FHIR_JSON).send(searchsetBundle({ baseUrl: ctx.baseUrl, query, resources: result.records.map((r) => r.resource), total: result.total }))
  })

  app.post<{ Params: { type: string } }>('/:type', async (request, reply) => {
    const resource = resourceBody(request, request.params.type)
    const [written] = await writeResources(ctx, request.caller, [{ resource: { ...resource, id: undefined } as typeof resource, method: 'create' }])
    if (written === undefined) throw new GatewayError('Nothing was written', { code: 'GATEWAY_INTERNAL' })
    return sendResource(reply, written.resource, { ...written, status: 201, location: location(request.params.type, written.resource.id as string, written.versionId) })
  })

  app.put<{ Params: { type: string; id: string } }>('/:type/:id', async (request, reply) => {
    const resource = resourceBody(request, request.params.type)
    if (resource.id !== request.params.id) throw new GatewayError('The resource id must equal the id in the URL', { code: 'GATEWAY_INVALID_REQUEST', expression: `${request.params.type}.id` })
    const ifMatch = typeof request.headers['if-match'] === 'string' ? request.headers['if-match'] : undefined
    const [written] = await writeResources(ctx, request.caller, [{ resource, method: 'update', ifMatch }])
    if (written === undefined) throw new GatewayError('Nothing was written', { code: 'GATEWAY_INTERNAL' })
    return sendResource(reply, written.resource, { ...written, status: written.created ? 201 : 200, location: location(request.params.type, request.params.id, written.versionId) })
  })

  app.delete<{ Params: { type: string; id: string }; Querystring: { reason?: string } }>('/:type/:id', async (request, reply) => {
    await eraseRecord(ctx, request.caller, { type: request.params.type, id: request.params.id, reason: request.query.reason ?? 'erasure requested' })
    return reply.code(204).send()
  })

  app.post('/', { bodyLimit: TRANSACTION_BODY_LIMIT }, async (request, reply) => {
    const bundle = resourceBody(request, 'Bundle') as Bundle
    const parsed = parseTransactionBundle(bundle, { maxEntries: 10_000 })
    if (parsed.entries.some((entry) => entry.method !== 'POST' && entry.method !== 'PUT')) {
      throw new GatewayError('Transaction and batch Bundles here hold POST and PUT entries only', { code: 'GATEWAY_INVALID_REQUEST', expression: 'Bundle.entry.request.method' })
    }
    const assigned = new Map(parsed.entries.filter((e) => e.method === 'POST' && e.fullUrl !== undefined).map((e) => [e.fullUrl as string, randomUUID()]))
    const entries = parsed.type === 'transaction' ? resolveTransactionReferences(parsed.entries, assigned) : parsed.entries
    const requests = entries.map((entry) => ({
      resource: { ...entry.resource, id: entry.method === 'PUT' ? entry.id : (entry.resource?.id ?? (entry.fullUrl ? assigned.get(entry.fullUrl) : undefined)) } as NonNullable<typeof entry.resource>,
      method: entry.method === 'PUT' ? ('update' as const) : ('create' as const),
      ifMatch: entry.ifMatch,
    }))
    const returnPreference = /return=minimal/.test(String(request.headers.prefer ?? '')) ? ('minimal' as const) : ('representation' as const)
    if (parsed.type === 'batch') {
      // A batch's entries stand alone (FHIR): each is written or refused on its own, and a
      // refusal is that entry's OperationOutcome in the response.
      const results = []
      for (const one of requests) {
        try {
          const [written] = await writeResources(ctx, request.caller, [one])
          results.push({ status: written?.created ? 201 : 200, resource: written?.resource })
        } catch (error) {
          const { status, outcome } = entryOutcome(error)
          results.push({ status, outcome })
        }
      }
      return reply.type(FHIR_JSON).send(batchResponseBundle(results, { returnPreference }))
    }
    const written = await writeResources(ctx, request.caller, requests)
    const results = written.map((w) => ({ status: w.created ? 201 : 200, resource: w.resource }))
    return reply.type(FHIR_JSON).send(transactionResponseBundle(results, { returnPreference }))
  })
}
