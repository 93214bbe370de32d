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

/** A plain JSON object body (sign-in, relays), parsed from the raw bytes. */
export function jsonBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body
  if (!(body instanceof Uint8Array)) throw new GatewayError('The request needs a JSON body', { code: 'GATEWAY_INVALID_REQUEST' })
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'))
  } catch (error) {
    throw new GatewayError('The body is not valid JSON', { code: 'GATEWAY_INVALID_REQUEST', cause: error })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GatewayError('The body must be a JSON object', { code: 'GATEWAY_INVALID_REQUEST' })
  return value as Record<string, unknown>
}
