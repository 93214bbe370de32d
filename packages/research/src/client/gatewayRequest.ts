import { signRequest } from '@medchain/crypto'
import { ResearchError } from '../errors.ts'

/** A member's gateway: where it answers and the member address signed requests must name. */
export type GatewayEndpoint = { url: string; member: `0x${string}`; name?: string | undefined }

export type GatewayRequestParameters = {
  gateway: GatewayEndpoint
  method: 'GET' | 'POST'
  /** Path and query under the gateway's base URL. */
  path: string
  /** JSON body. */
  body?: unknown
  /** Signs the request (x-medchain-* headers); public routes need none. */
  privateKey?: `0x${string}` | undefined
  timeoutMs?: number | undefined
}

type Outcome = { resourceType?: string; issue?: { diagnostics?: string; details?: { coding?: { code?: string }[] } }[] }

/**
 * One request of a holder to a gateway. Resolves with the raw body bytes of a 2xx answer.
 * @throws ResearchError `RESEARCH_GATEWAY_FAILED`: unreachable, or refused (the OperationOutcome's
 *   code and diagnostics in `details`, the code also in `gatewayCode`)
 */
export async function gatewayRequest(parameters: GatewayRequestParameters): Promise<Uint8Array> {
  const { gateway, method, privateKey, timeoutMs = 120_000 } = parameters
  const base = new URL(gateway.url)
  const path = `${base.pathname.replace(/\/$/, '')}${parameters.path}`
  const text = parameters.body === undefined ? undefined : JSON.stringify(parameters.body)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (text !== undefined) headers['content-type'] = 'application/json'
  if (privateKey !== undefined) Object.assign(headers, signRequest({ privateKey, method, path, body: text, audience: gateway.member }))
  const where = `${gateway.name ?? gateway.url} (${method} ${parameters.path.split('?')[0]})`
  let response: Response
  try {
    response = await fetch(`${base.origin}${path}`, { method, body: text, headers, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw new ResearchError(`The gateway of ${where} could not be reached`, { code: 'RESEARCH_GATEWAY_FAILED', cause: error })
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (response.ok) return bytes
  let outcome: Outcome | undefined
  try {
    outcome = JSON.parse(new TextDecoder().decode(bytes)) as Outcome
  } catch {}
  const issue = outcome?.resourceType === 'OperationOutcome' ? outcome.issue?.[0] : undefined
  const code = issue?.details?.coding?.[0]?.code
  const error = new ResearchError(`The gateway of ${where} refused the request (HTTP ${response.status}${code ? ` ${code}` : ''})`, {
    code: 'RESEARCH_GATEWAY_FAILED',
    details: issue?.diagnostics,
  })
  throw Object.assign(error, { gatewayCode: code, status: response.status })
}

/** {@link gatewayRequest} answering JSON. */
export async function gatewayJson<T>(parameters: GatewayRequestParameters): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await gatewayRequest(parameters))) as T
}
