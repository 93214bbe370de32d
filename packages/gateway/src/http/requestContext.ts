import { purposes as PURPOSES } from '@medchain/contracts'
import type { FastifyRequest } from 'fastify'
import type { Caller } from '../chain/callers.ts'
import { GatewayError } from '../errors.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every route but the public ones. */
    caller: Caller
  }
  interface FastifyContextConfig {
    /** Public routes (metadata, OpenAPI, sign-in) skip authentication. */
    public?: boolean
  }
}

/** Header naming the purpose of use of a request; default treatment. */
export const PURPOSE_HEADER = 'x-medchain-purpose'

const PURPOSE_BY_NAME: Record<string, number> = {
  treatment: PURPOSES.TREATMENT,
  emergency: PURPOSES.EMERGENCY,
  research: PURPOSES.RESEARCH,
  payment: PURPOSES.PAYMENT,
  operations: PURPOSES.OPERATIONS,
  'public-health': PURPOSES.PUBLIC_HEALTH,
}

/** The purpose bit a request declares. @throws GatewayError `GATEWAY_INVALID_PURPOSE` */
export function requestPurpose(request: FastifyRequest): number {
  const header = request.headers[PURPOSE_HEADER]
  if (header === undefined) return PURPOSES.TREATMENT
  const purpose = typeof header === 'string' ? PURPOSE_BY_NAME[header.trim().toLowerCase()] : undefined
  if (purpose === undefined) {
    throw new GatewayError(`"${PURPOSE_HEADER}" expected one of ${Object.keys(PURPOSE_BY_NAME).join(', ')}`, { code: 'GATEWAY_INVALID_PURPOSE' })
  }
  return purpose
}

/** The name of a purpose bit. */
export function purposeName(purpose: number): string {
  return Object.entries(PURPOSE_BY_NAME).find(([, bit]) => bit === purpose)?.[0] ?? 'treatment'
}
