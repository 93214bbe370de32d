import { accessActions, roles as ROLES } from '@medchain/contracts'
import { parseSearchQuery } from '@medchain/fhir'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Address } from 'viem'
import { isAddress } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { requestPurpose } from '../http/requestContext.ts'
import { recordKey } from '../internal/recordIds.ts'
import { ON_BEHALF_OF_HEADER } from '../peers/peerClient.ts'
import { packTransfer } from '../peers/recordTransfer.ts'
import { decideRecordAccess, refuse } from '../records/readService.ts'
import { toIndexSearch } from '../records/toIndexSearch.ts'

/**
 * The requesting member and the individual it acts for. Only a hospital member's own request is
 * honoured, for itself or for one of its own individuals: a gateway cannot speak for patients or
 * for another member's staff.
 */
async function peerCaller(ctx: GatewayContext, request: FastifyRequest): Promise<{ member: Extract<Caller, { kind: 'member' }>; actor: Caller }> {
  const member = request.caller
  if (member.kind !== 'member' || (member.roles & ROLES.HOSPITAL) === 0) {
    throw new GatewayError('Peer routes answer hospital members only', { code: 'GATEWAY_FORBIDDEN_ROLE' })
  }
  const header = request.headers[ON_BEHALF_OF_HEADER]
  if (typeof header !== 'string' || !isAddress(header)) throw new GatewayError(`"${ON_BEHALF_OF_HEADER}" expected an address`, { code: 'GATEWAY_INVALID_REQUEST' })
  const actor = await ctx.callers.resolve(header as Address)
  const own = (actor.kind === 'member' || actor.kind === 'individual') && actor.member.toLowerCase() === member.address.toLowerCase()
  if (!own) throw new GatewayError(`"${ON_BEHALF_OF_HEADER}" must be the requesting member or one of its individuals`, { code: 'GATEWAY_FORBIDDEN_ROLE' })
  return { member, actor }
}

/** Routes other member gateways call: records and searches, sealed for the requesting member. */
export function registerPeerRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get<{ Params: { type: string; id: string }; Querystring: { version?: string } }>('/peer/records/:type/:id', async (request) => {
    const { member, actor } = await peerCaller(ctx, request)
    const purpose = requestPurpose(request)
    const key = recordKey(request.params.type, request.params.id)
    const version = request.query.version === undefined ? undefined : Number(request.query.version)
    if (version !== undefined && (!Number.isSafeInteger(version) || version < 1)) throw new GatewayError('"version" expected a positive integer', { code: 'GATEWAY_INVALID_REQUEST' })
    const row = version === undefined ? await ctx.index.getCurrentRecord({ recordKey: key }) : await ctx.index.getRecordVersion({ recordKey: key, version })
    if (row === undefined) throw new GatewayError(`${key} is not held here`, { code: 'GATEWAY_NOT_FOUND' })
    const answer = await decideRecordAccess(ctx, actor, row, purpose)
    if (!answer.allowed) return refuse(ctx, actor, { patient: row.patient, key, action: accessActions.EXPORT }, purpose, answer)
    const transfer = await packTransfer(ctx, row, member.encryptionPublicKey)
    await ctx.audit.record([
      { accessor: actor.address, patient: row.patient, recordId: row.recordId, recordKey: key, action: accessActions.EXPORT, purpose, authorization: answer.authorization, decision: AuditDecisions.ALLOWED, detail: { to: member.address } },
    ])
    return { transfer }
  })

  app.get<{ Params: { type: string } }>('/peer/search/:type', async (request) => {
    const { member, actor } = await peerCaller(ctx, request)
    const purpose = requestPurpose(request)
    const query = parseSearchQuery(request.params.type, request.query as Record<string, string>, { handling: 'strict' })
    const { patient, options } = toIndexSearch(query)
    if (patient === undefined) throw new GatewayError('A peer search names its patient', { code: 'GATEWAY_INVALID_REQUEST', expression: 'patient' })
    const found = await ctx.index.searchRecords(options)
    const transfers = []
    const entries = []
    for (const row of found.rows) {
      const answer = await decideRecordAccess(ctx, actor, row, purpose)
      if (!answer.allowed) return refuse(ctx, actor, { patient, key: row.recordKey as `${string}/${string}`, action: accessActions.EXPORT }, purpose, answer)
      transfers.push(await packTransfer(ctx, row, member.encryptionPublicKey))
      entries.push({ accessor: actor.address, patient: row.patient, recordId: row.recordId, recordKey: row.recordKey, action: accessActions.EXPORT, purpose, authorization: answer.authorization, decision: AuditDecisions.ALLOWED, detail: { to: member.address } })
    }
    if (entries.length > 0) await ctx.audit.record(entries)
    return { total: found.total, transfers }
  })
}
