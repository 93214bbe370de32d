import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FhirResource } from 'fhir/r4.js'
import { parseResource } from '@medchain/fhir'
import { GatewayError } from '../errors.ts'

export const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** The request body parsed as a FHIR resource (optionally of one type). */
export function resourceBody(request: FastifyRequest, resourceType?: string): FhirResource {
  const body = request.body
  if (!(body instanceof Uint8Array)) throw new GatewayError('The request needs a FHIR JSON body', { code: 'GATEWAY_INVALID_REQUEST' })
  return parseResource(body, resourceType === undefined ? {} : { resourceType })
}

/** Sends a resource with its version headers. */
export function sendResource(reply: FastifyReply, resource: FhirResource, { versionId, lastUpdated, status = 200, location }: { versionId?: string; lastUpdated?: string; status?: number; location?: string }) {
  if (versionId !== undefined) reply.header('etag', `W/"${versionId}"`)
  if (lastUpdated !== undefined) reply.header('last-modified', new Date(lastUpdated).toUTCString())
  if (location !== undefined) reply.header('location', location)
  return reply.code(status).type(FHIR_JSON).send(resource)
}
