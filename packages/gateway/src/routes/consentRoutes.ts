import { consentResource, parseSearchQuery, searchsetBundle } from '@medchain/fhir'
import { getConsent, listConsents, purposesToMask, relayConsentGrant, relayConsentRevocation, type Consent as ChainConsent } from '@medchain/sdk'
import type { FastifyInstance } from 'fastify'
import { isAddress, type Address, type Hex } from 'viem'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { FHIR_JSON } from '../http/fhirBody.ts'
import { fromRelayJson } from '../http/relayJson.ts'

function relayBody(body: unknown): unknown {
  if (!(body instanceof Uint8Array)) throw new GatewayError('The request needs a JSON body', { code: 'GATEWAY_INVALID_REQUEST' })
  try {
    return fromRelayJson(Buffer.from(body).toString('utf8'))
  } catch (error) {
    throw new GatewayError('The body is not valid JSON', { code: 'GATEWAY_INVALID_REQUEST', cause: error })
  }
}

function toFhir(consent: ChainConsent) {
  return consentResource(
    {
      consentId: consent.consentId,
      patient: consent.patient,
      grantee: consent.grantee,
      purposes: purposesToMask(consent.purposes),
      resourceTypes: consent.resourceTypeMask,
      recordIds: consent.recordIds,
      start: consent.start,
      expiry: consent.expiry,
      revokedAt: consent.revokedAt ?? 0n,
      grantedAt: consent.grantedAt,
    },
    { now: BigInt(Math.floor(Date.now() / 1000)) },
  )
}

/** Who may list a patient's consents: the patient, or the members and individuals they name. */
function mayList(caller: Caller, patient: Address, consents: readonly ChainConsent[]): ChainConsent[] {
  if (caller.kind === 'patient') return caller.address.toLowerCase() === patient.toLowerCase() ? [...consents] : []
  if (caller.kind === 'unknown') return []
  return consents.filter((c) => c.grantee.toLowerCase() === caller.address.toLowerCase() || c.grantee.toLowerCase() === caller.member.toLowerCase())
}

/**
 * Consents, read from the ConsentRegistry (the chain is their only home) and shown as FHIR
 * Consent resources; and the relay of patient-signed grants and revocations, so that patients
 * need no gas and no node of their own.
 */
export function registerConsentRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/Consent', async (request, reply) => {
    const query = parseSearchQuery('Consent', request.query as Record<string, string>, { handling: 'lenient' })
    const raw = (request.query as Record<string, string>).patient ?? (request.caller.kind === 'patient' ? request.caller.address : undefined)
    const patient = raw?.replace(/^Patient\//, '')
    if (patient === undefined || !isAddress(patient, { strict: false })) throw new GatewayError('"patient" expected Patient/<pseudonym>', { code: 'GATEWAY_INVALID_REQUEST', expression: 'patient' })
    const visible = mayList(request.caller, patient as Address, await listConsents(ctx.client, { patient: patient as Address }))
    const resources = visible.reverse().map(toFhir)
    return reply.type(FHIR_JSON).send(searchsetBundle({ baseUrl: ctx.baseUrl, query, resources: resources.slice(query.offset, query.offset + query.count), total: resources.length }))
  })

  app.get<{ Params: { id: string } }>('/Consent/:id', async (request, reply) => {
    if (!/^[0-9a-f]{64}$/.test(request.params.id)) throw new GatewayError('Consent ids are 64 lowercase hex digits', { code: 'GATEWAY_NOT_FOUND' })
    const consent = await getConsent(ctx.client, { consentId: `0x${request.params.id}` as Hex })
    if (consent === undefined || mayList(request.caller, consent.patient, [consent]).length === 0) {
      throw new GatewayError(`Consent/${request.params.id} is unknown or not visible to the caller`, { code: 'GATEWAY_NOT_FOUND' })
    }
    return reply.type(FHIR_JSON).send(toFhir(consent))
  })

  app.post('/Consent/$relay-grant', async (request, reply) => {
    const signed = relayBody(request.body) as Parameters<typeof relayConsentGrant>[1]
    const { consentId } = await relayConsentGrant(ctx.client, signed)
    const consent = await getConsent(ctx.client, { consentId })
    return reply.code(201).type(FHIR_JSON).send(toFhir(consent as ChainConsent))
  })

  app.post('/Consent/$relay-revocation', async (request, reply) => {
    const signed = relayBody(request.body) as Parameters<typeof relayConsentRevocation>[1]
    await relayConsentRevocation(ctx.client, signed)
    const consent = await getConsent(ctx.client, { consentId: signed.consentId })
    return reply.type(FHIR_JSON).send(toFhir(consent as ChainConsent))
  })
}
