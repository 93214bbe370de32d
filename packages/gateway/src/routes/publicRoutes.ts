import { capabilityStatement } from '@medchain/fhir'
import type { FastifyInstance } from 'fastify'
import { isAddress, isHex, type Address } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { FHIR_JSON, jsonBody } from '../http/fhirBody.ts'

const SERVED_TYPES = ['Patient', 'Observation', 'Condition', 'Encounter', 'Procedure', 'MedicationRequest', 'Immunization', 'DiagnosticReport', 'AllergyIntolerance', 'CarePlan', 'Claim', 'ExplanationOfBenefit', 'Goal', 'ImagingStudy', 'Organization', 'Practitioner', 'Consent', 'AuditEvent']

/** Routes open without authentication: the CapabilityStatement, health, and sign-in (challenge, token). */
export function registerPublicRoutes(app: FastifyInstance, ctx: GatewayContext, { startedAt, version }: { startedAt: string; version: string }): void {
  const open = { config: { public: true } }
  app.get('/metadata', open, async (_request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement({ baseUrl: ctx.baseUrl, softwareVersion: version, resourceTypes: SERVED_TYPES, date: startedAt })),
  )
  // `member` is the audience signed requests name (x-medchain-audience).
  app.get('/health', open, async () => ({ status: 'ok', member: ctx.member.address }))

  app.post('/auth/challenge', open, async () => ctx.challenges.issue())

  app.post('/auth/token', open, async (request) => {
    const { address, challenge, signature } = jsonBody(request)
    if (typeof address !== 'string' || !isAddress(address) || typeof signature !== 'string' || !isHex(signature) || typeof challenge !== 'string' || challenge.length > 200) {
      throw new GatewayError('Expected { address, challenge, signature } with 0x hex address and signature', { code: 'GATEWAY_INVALID_REQUEST' })
    }
    const subject = ctx.challenges.redeem({ challenge, signature, address: address as Address })
    const { token, expiresAt } = ctx.tokens.issue(subject)
    return { access_token: token, token_type: 'Bearer', expires_in: expiresAt - Math.floor(Date.now() / 1000) }
  })
}
