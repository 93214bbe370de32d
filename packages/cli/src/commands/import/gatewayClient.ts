// The two requests `medchain import` makes of a gateway: is it there, and a signed transaction.
import { privateKeyToAddress, signRequest } from '@medchain/crypto'
import type { Hex } from 'viem'
import { CliError } from '../../errors.ts'

/** A gateway's answer to one bundle: accepted, or refused with a one-line reason. */
export type PostBundleResult = { ok: true } | { ok: false; reason: string }

type Outcome = { resourceType?: unknown; issue?: { diagnostics?: string; expression?: string[]; details?: { text?: string; coding?: { code?: string }[] } }[] }

/**
 * Checks that `gatewayUrl` serves a FHIR CapabilityStatement at `/metadata`, before any bundle is sent.
 * @throws CliError `CLI_GATEWAY_UNREACHABLE`
 */
export async function checkGateway(gatewayUrl: string): Promise<void> {
  const response = await send(gatewayUrl, `${base(gatewayUrl)}/metadata`, {})
  const body = (await response.json().catch(() => undefined)) as { resourceType?: unknown } | undefined
  if (response.status !== 200 || body?.resourceType !== 'CapabilityStatement') {
    throw new CliError(`${gatewayUrl} is not a FHIR gateway: GET /metadata answered ${response.status} without a CapabilityStatement`, { code: 'CLI_GATEWAY_UNREACHABLE' })
  }
}

/**
 * POSTs a transaction Bundle, as the exact JSON text `body`, to the gateway's base URL, signed
 * by `privateKey` (the hospital, whose own gateway it is: the signature names it as audience). Anything but 200 is a refusal, described from the
 * OperationOutcome the gateway answers with.
 * @throws CliError `CLI_GATEWAY_UNREACHABLE` when the gateway does not answer
 */
export async function postBundle({ gatewayUrl, privateKey, body }: { gatewayUrl: string; privateKey: Hex; body: string }): Promise<PostBundleResult> {
  const path = `${base(gatewayUrl)}/`
  const response = await send(gatewayUrl, path, {
    method: 'POST',
    body,
    // Signed just before sending: the gateway refuses timestamps outside its skew window.
    headers: { ...signRequest({ privateKey, method: 'POST', path, body, audience: privateKeyToAddress(privateKey) }), 'content-type': 'application/fhir+json', prefer: 'return=minimal' },
  })
  const text = await response.text()
  return response.status === 200 ? { ok: true } : { ok: false, reason: describeRefusal(response.status, text) }
}

/** The URL's path without a trailing slash: '' for a gateway at the root. */
function base(gatewayUrl: string): string {
  return new URL(gatewayUrl).pathname.replace(/\/$/, '')
}

async function send(gatewayUrl: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(new URL(path, gatewayUrl), init)
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new CliError(`Cannot reach the gateway at ${gatewayUrl}`, {
      code: 'CLI_GATEWAY_UNREACHABLE',
      details: cause?.code ?? cause?.message ?? (error as Error).message,
      cause: error,
    })
  }
}

/** `HTTP 400 [FHIR_INVALID_RESOURCE] diagnostics (expression)`, one part per issue. */
function describeRefusal(status: number, text: string): string {
  let outcome: Outcome | undefined
  try {
    outcome = JSON.parse(text) as Outcome
  } catch {}
  if (outcome?.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return `HTTP ${status}: ${text.slice(0, 200) || '(no body)'}`
  const issues = outcome.issue.map((issue) => {
    const code = issue.details?.coding?.[0]?.code
    const diagnostics = issue.diagnostics ?? issue.details?.text ?? 'no diagnostics'
    const where = issue.expression?.filter((expression) => !diagnostics.includes(expression)).join(', ')
    return `${code ? `[${code}] ` : ''}${diagnostics}${where ? ` (at ${where})` : ''}`
  })
  return `HTTP ${status} ${issues.join('; ')}`
}
