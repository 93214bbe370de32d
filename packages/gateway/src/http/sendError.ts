import { errorToOutcome, operationOutcome } from '@medchain/fhir'
import type { FastifyReply } from 'fastify'
import type { OperationOutcome } from 'fhir/r4.js'
import { MedchainError } from '@medchain/sdk'
import { GatewayError, GatewayErrorCodes } from '../errors.ts'

/** An SDK failure as the gateway answers it: a refused contract call is the caller's problem, a node failure is ours. */
function fromSdkError(error: MedchainError): GatewayError {
  switch (error.code) {
    case 'SDK_CONTRACT_REVERTED':
    case 'SDK_TRANSACTION_FAILED':
      return new GatewayError(`The chain refused the request: ${error.revert?.errorName ?? 'reverted'}`, { code: 'GATEWAY_INVALID_REQUEST', cause: error })
    case 'SDK_INVALID_ARGUMENT':
      return new GatewayError(error.shortMessage, { code: 'GATEWAY_INVALID_REQUEST', cause: error })
    case 'SDK_RPC_UNREACHABLE':
    case 'SDK_RPC_ERROR':
      return new GatewayError('The chain node did not answer', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
    default:
      return new GatewayError('Internal error', { code: 'GATEWAY_INTERNAL', cause: error })
  }
}

const ISSUE_OF_STATUS: Record<number, 'security' | 'login' | 'forbidden' | 'invalid' | 'not-found' | 'conflict' | 'deleted' | 'too-long' | 'throttled' | 'exception' | 'transient' | 'processing'> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'deleted',
  413: 'too-long',
  415: 'invalid',
  422: 'processing',
  429: 'throttled',
  500: 'exception',
  502: 'transient',
  503: 'transient',
}

/**
 * Answers with the OperationOutcome of anything thrown while serving: a GatewayError keeps its
 * code, status and one-line message; everything else goes through the FHIR package's table (its
 * own codes, crypto codes, Fastify's 4xx), and an unknown failure becomes a 500 with no detail.
 */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof GatewayError) for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value)
  const { status, outcome } = entryOutcome(error)
  return reply.code(status).type('application/fhir+json; charset=utf-8').send(outcome)
}

/** The status and OperationOutcome of an error: what a response, or a batch entry, answers with. */
export function entryOutcome(error: unknown): { status: number; outcome: OperationOutcome } {
  if (error instanceof MedchainError) return entryOutcome(fromSdkError(error))
  if (error instanceof GatewayError) {
    // 500s never echo internals: the code's documented meaning stands in for the message.
    const diagnostics = error.status === 500 && error.code === 'GATEWAY_INTERNAL' ? GatewayErrorCodes.GATEWAY_INTERNAL.meaning : error.shortMessage
    const outcome = operationOutcome([
      {
        severity: 'error',
        code: ISSUE_OF_STATUS[error.status] ?? 'processing',
        diagnostics,
        expression: error.expression === undefined ? undefined : [error.expression],
        errorCode: error.code,
      },
    ])
    return { status: error.status, outcome }
  }
  const { status, outcome } = errorToOutcome(error)
  return { status, outcome }
}
