import fastifySwagger from '@fastify/swagger'
import { accessActions } from '@medchain/contracts'
import Fastify, { type FastifyInstance } from 'fastify'
import { isAddress, zeroHash, type Address } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError, type GatewayErrorCode } from '../errors.ts'
import { registerAuditRoutes } from '../routes/auditRoutes.ts'
import { registerConsentRoutes } from '../routes/consentRoutes.ts'
import { registerExportRoute } from '../routes/exportRoute.ts'
import { registerPeerRoutes } from '../routes/peerRoutes.ts'
import { registerPublicRoutes } from '../routes/publicRoutes.ts'
import { registerRecordRoutes } from '../routes/recordRoutes.ts'
import { registerResearchRoutes } from '../routes/researchRoutes.ts'
import { registerSupplyRoutes } from '../routes/supplyRoutes.ts'
import { requestPurpose } from './requestContext.ts'
import { sendError } from './sendError.ts'

/** Body limit of every route but transaction Bundles. */
export const BODY_LIMIT = 5 * 1024 * 1024

const AUTH_DECISIONS: Partial<Record<GatewayErrorCode, number>> = {
  GATEWAY_BAD_SIGNATURE: AuditDecisions.BAD_SIGNATURE,
  GATEWAY_REPLAYED_REQUEST: AuditDecisions.REPLAYED_REQUEST,
  GATEWAY_STALE_REQUEST: AuditDecisions.STALE_REQUEST,
  GATEWAY_TOKEN_EXPIRED: AuditDecisions.STALE_REQUEST,
  GATEWAY_NOT_MEMBER: AuditDecisions.NOT_MEMBER,
}

/**
 * The gateway's HTTP server: raw JSON bodies (request signatures cover the exact bytes, and the
 * FHIR parser refuses duplicate keys that JSON.parse would hide), authentication of every
 * non-public route with refusals logged like any other, errors as OperationOutcomes, and an
 * OpenAPI document generated from the routes.
 */
export async function buildServer(ctx: GatewayContext, { version, logger = false }: { version: string; logger?: boolean }): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger, return503OnClosing: true })
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'medchain gateway', version, description: 'FHIR R4 REST API of one consortium member, with consent enforcement and an on-chain access log.' } },
  })
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body))

  app.decorateRequest('caller', undefined as never)
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config.public === true || request.routeOptions.url === undefined) return
    let address: Address | undefined
    try {
      address = ctx.auth.authenticate({ method: request.method, url: request.raw.url ?? request.url, headers: request.headers, body: request.body instanceof Uint8Array ? request.body : undefined }).address
      request.caller = await ctx.callers.resolve(address)
      if (request.caller.kind === 'unknown') throw new GatewayError('The signer is neither a consortium member, an individual of one, nor a registered patient', { code: 'GATEWAY_NOT_MEMBER' })
    } catch (error) {
      const decision = error instanceof GatewayError ? AUTH_DECISIONS[error.code] : undefined
      if (decision !== undefined) {
        const claimed = address ?? request.headers['x-medchain-signer']
        const patient = (request.query as Record<string, string> | undefined)?.patient?.replace(/^Patient\//, '')
        let purpose = 1
        try {
          purpose = requestPurpose(request)
        } catch {}
        await ctx.audit.record([
          {
            accessor: typeof claimed === 'string' && isAddress(claimed, { strict: false }) ? (claimed as Address) : (`0x${'0'.repeat(40)}` as Address),
            patient: patient !== undefined && isAddress(patient, { strict: false }) ? (patient as Address) : undefined,
            action: accessActions.REFUSE,
            purpose,
            authorization: zeroHash,
            decision,
            detail: { reason: (error as GatewayError).shortMessage, route: request.routeOptions.url },
          },
        ])
      }
      throw error
    }
  })

  app.setErrorHandler((error, _request, reply) => sendError(reply, error))
  app.setNotFoundHandler((request, reply) => sendError(reply, new GatewayError(`No route ${request.method} ${request.url.split('?')[0]}`, { code: 'GATEWAY_NOT_FOUND' })))

  registerPublicRoutes(app, ctx, { startedAt: new Date().toISOString(), version })
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger())
  registerConsentRoutes(app, ctx)
  registerAuditRoutes(app, ctx)
  registerPeerRoutes(app, ctx)
  registerExportRoute(app, ctx)
  registerSupplyRoutes(app, ctx)
  registerResearchRoutes(app, ctx)
  registerRecordRoutes(app, ctx)
  return app
}
