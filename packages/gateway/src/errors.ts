/**
 * Every error code the gateway answers with, its HTTP status and meaning. Codes are stable:
 * clients and `docs/errors.md` key on them. Each reaches the client as a FHIR OperationOutcome
 * whose `issue[0].details.coding[0].code` is the code.
 */
export const GatewayErrorCodes = {
  GATEWAY_UNAUTHENTICATED: { status: 401, meaning: 'No signature headers and no bearer token.' },
  GATEWAY_BAD_SIGNATURE: { status: 401, meaning: 'The request signature, token or challenge answer is malformed, forged, or not from the claimed signer.' },
  GATEWAY_STALE_REQUEST: { status: 401, meaning: 'The signed timestamp is outside the clock-skew window.' },
  GATEWAY_REPLAYED_REQUEST: { status: 401, meaning: 'The (signer, nonce) pair of a signed request was already used.' },
  GATEWAY_TOKEN_EXPIRED: { status: 401, meaning: 'The bearer token has expired: sign a new challenge.' },
  GATEWAY_NOT_MEMBER: { status: 403, meaning: 'The caller is neither a consortium member, an individual of one, nor a registered patient.' },
  GATEWAY_ACCESS_DENIED: { status: 403, meaning: 'The chain grants the caller no access to this record for this purpose; the outcome names the reason (no consent, revoked, expired, wrong purpose, out of scope).' },
  GATEWAY_FORBIDDEN_ROLE: { status: 403, meaning: 'The caller lacks the role this operation needs (e.g. only a hospital writes records).' },
  GATEWAY_INVALID_REQUEST: { status: 400, meaning: 'A header, parameter or body is malformed; the outcome names it.' },
  GATEWAY_INVALID_PURPOSE: { status: 400, meaning: 'The x-medchain-purpose header names no known purpose of use.' },
  GATEWAY_NOT_FOUND: { status: 404, meaning: 'No such resource, version or route.' },
  GATEWAY_UNKNOWN_PATIENT: { status: 422, meaning: 'The resource refers to a patient pseudonym not registered on chain.' },
  GATEWAY_VERSION_CONFLICT: { status: 409, meaning: 'If-Match names a version that is no longer current.' },
  GATEWAY_NOT_CUSTODIAN: { status: 409, meaning: 'Only the custodian hospital may update or erase a record.' },
  GATEWAY_GONE: { status: 410, meaning: 'The record was erased (crypto-shredded); the outcome gives the reason and time.' },
  GATEWAY_PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body exceeds the route limit.' },
  GATEWAY_UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The body is not application/fhir+json or application/json.' },
  GATEWAY_RATE_LIMITED: { status: 429, meaning: 'Too many requests from this caller; retry after the given seconds.' },
  GATEWAY_INTEGRITY_FAILED: { status: 500, meaning: 'A stored record does not match its on-chain anchor (tampered blob, index or anchor); nothing is served.' },
  GATEWAY_PEER_FAILED: { status: 502, meaning: 'The custodian gateway could not be reached or answered with an error.' },
  GATEWAY_CHAIN_UNAVAILABLE: { status: 503, meaning: 'The chain node did not answer; nothing was decided or written.' },
  GATEWAY_INTERNAL: { status: 500, meaning: 'An unexpected failure; details stay in the server log.' },
  GATEWAY_INVALID_DIGITAL_LINK: { status: 400, meaning: 'A GS1 Digital Link is malformed: the outcome names the part (01 GTIN and its check digit, 21 serial, 10 lot, 17 expiry).' },
  GATEWAY_SUPPLY_REFUSED: { status: 409, meaning: 'The drug or device registry refused the event; the outcome names the custom error (not the holder, wrong recipient, replayed event, recalled lot, expired...). Nothing was recorded.' },
  GATEWAY_RESEARCH_REFUSED: { status: 422, meaning: 'The study registry refused a research step (bad proof, used nullifier, unknown commitment, closed or full study, result already recorded...); the outcome names the custom error. Nothing was recorded.' },
  GATEWAY_RESEARCH_NO_READINGS: { status: 422, meaning: 'The hospital holds no Observation of the patient with an attestable indicator (a LOINC code of INDICATOR_DECIMALS): there is nothing to attest.' },
  GATEWAY_RESEARCH_INVALID_RESULT: { status: 422, meaning: 'A delivered study result does not hash to what the chain records, does not decrypt for the institution, or does not decode to a class vector (a verified-mode vector that does not open its proven commitment included). Nothing was stored.' },
} as const satisfies Record<string, { status: number; meaning: string }>

/** A stable error code of `@medchain/gateway`. */
export type GatewayErrorCode = keyof typeof GatewayErrorCodes

/** Options of {@link GatewayError}. */
export type GatewayErrorOptions = {
  code: GatewayErrorCode
  /** FHIRPath of the offending element, for the OperationOutcome. */
  expression?: string | undefined
  /** Extra, non-secret context (never PHI). */
  details?: string | undefined
  cause?: unknown
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string> | undefined
}

/** The one error class of `@medchain/gateway`; its code fixes the HTTP status. */
export class GatewayError extends Error {
  override name = 'GatewayError'
  readonly code: GatewayErrorCode
  readonly status: number
  readonly shortMessage: string
  readonly expression: string | undefined
  readonly details: string | undefined
  readonly headers: Record<string, string> | undefined

  constructor(shortMessage: string, options: GatewayErrorOptions) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.status = GatewayErrorCodes[options.code].status
    this.shortMessage = shortMessage
    this.expression = options.expression
    this.details = options.details
    this.headers = options.headers
  }
}

/** Whether `error` is a {@link GatewayError}, optionally with the given code. */
export function isGatewayError(error: unknown, code?: GatewayErrorCode): error is GatewayError {
  return error instanceof GatewayError && (code === undefined || error.code === code)
}
