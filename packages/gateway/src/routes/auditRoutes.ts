import { roles as ROLES } from '@medchain/contracts'
import { auditEventResource, parseSearchQuery, searchsetBundle, type AccessDecision } from '@medchain/fhir'
import type { AuditEntry } from '@medchain/index'
import type { FastifyInstance } from 'fastify'
import { isAddress, zeroHash, type Address } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { FHIR_JSON } from '../http/fhirBody.ts'

const REFUSAL_NAMES: Record<number, AccessDecision> = {
  [AuditDecisions.NOT_MEMBER]: 'not-member',
  [AuditDecisions.BAD_SIGNATURE]: 'bad-signature',
  [AuditDecisions.REPLAYED_REQUEST]: 'replayed',
  [AuditDecisions.STALE_REQUEST]: 'stale-timestamp',
  [AuditDecisions.ERASED]: 'erased',
  [AuditDecisions.INTEGRITY_FAILED]: 'tampered',
  [AuditDecisions.WRONG_ROLE]: 'not-member',
  [AuditDecisions.BREAK_GLASS_EXPIRED]: AuditDecisions.EXPIRED,
  [AuditDecisions.SUPPLY_REFUSED]: 'supply-refused',
}

function toAuditEvent(entry: AuditEntry) {
  return auditEventResource(
    {
      entryId: entry.entryId,
      accessor: entry.accessor,
      member: entry.member,
      patient: entry.patient,
      recordId: entry.recordId ?? undefined,
      action: entry.action,
      purpose: entry.purpose,
      authorization: entry.authorization === zeroHash ? undefined : entry.authorization,
      decision: REFUSAL_NAMES[entry.decision] ?? entry.decision,
      at: BigInt(Math.floor(Date.parse(entry.at) / 1000)),
      batchRoot: entry.batchRoot ?? undefined,
      proof: entry.proof ?? undefined,
    },
    { recordReference: entry.recordKey ?? undefined, patientReference: `Patient/${entry.patient}` },
  )
}

/**
 * The access trail this gateway logged, as FHIR AuditEvents with their on-chain batch root and
 * inclusion proof: a patient sees every entry about them, a regulator every entry, the member
 * its own.
 */
export function registerAuditRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/AuditEvent', async (request, reply) => {
    const params = request.query as Record<string, string>
    const query = parseSearchQuery('AuditEvent', params, { handling: 'lenient' })
    const caller = request.caller
    const raw = params.patient?.replace(/^Patient\//, '') ?? (caller.kind === 'patient' ? caller.address : undefined)
    if (raw !== undefined && !isAddress(raw, { strict: false })) throw new GatewayError('"patient" expected Patient/<pseudonym>', { code: 'GATEWAY_INVALID_REQUEST', expression: 'patient' })
    const patient = raw as Address | undefined
    const self = caller.kind === 'patient' && patient !== undefined && caller.address.toLowerCase() === patient.toLowerCase()
    const regulator = (caller.kind === 'member' || caller.kind === 'individual') && (caller.roles & ROLES.REGULATOR) !== 0
    const own = (caller.kind === 'member' || caller.kind === 'individual') && caller.member.toLowerCase() === ctx.member.address.toLowerCase()
    if (!self && !regulator && !own) throw new GatewayError('Only the patient, a regulator or this member read this access trail', { code: 'GATEWAY_ACCESS_DENIED' })
    const page = await ctx.index.listAuditEntries({ patient, count: query.count, offset: query.offset })
    return reply.type(FHIR_JSON).send(searchsetBundle({ baseUrl: ctx.baseUrl, query, resources: page.rows.map(toAuditEvent), total: page.total }))
  })
}
