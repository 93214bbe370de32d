/**
 * Every error code of `@medchain/fhir`, with its meaning. Codes are stable: the gateway puts them
 * in OperationOutcome `details.coding`, clients key on them and `docs/errors.md` lists them, so a
 * code is never renamed or reused for another meaning. The HTTP status of each is in
 * `errorStatus.ts`. The REST-level codes at the end are not thrown here: they give the gateway one
 * vocabulary (and one status table) for the refusals it makes itself.
 */
export const FhirErrorCodes = {
  FHIR_INVALID_ARGUMENT: 'A function argument (not request data) has the wrong type, range or format.',
  FHIR_INVALID_JSON: 'The body is not valid JSON; the message gives the line, column and offset.',
  FHIR_INVALID_UTF8: 'The body bytes are not valid UTF-8.',
  FHIR_DUPLICATE_KEY: 'A JSON object has the same key twice (JSON.parse would silently keep the last).',
  FHIR_TOO_LARGE: 'The body, a string or an array exceeds its size limit.',
  FHIR_TOO_DEEP: 'The JSON nests objects and arrays deeper than the limit.',
  FHIR_INVALID_RESOURCE: 'The JSON is not a FHIR R4 resource of the expected shape; expression names the element.',
  FHIR_UNSUPPORTED_TYPE: 'resourceType is not an R4 resource type, or not one this server accepts here.',
  FHIR_INVALID_ID: 'A logical id or version id does not match [A-Za-z0-9\\-\\.]{1,64}.',
  FHIR_UNSUPPORTED_SEARCH_PARAM: 'A search parameter (or modifier) is unknown or not supported for the type.',
  FHIR_INVALID_SEARCH_PARAM: 'A search parameter value is malformed or out of range.',
  FHIR_INVALID_BUNDLE: 'A transaction or batch Bundle breaks a Bundle rule (type, request, method, url, fullUrl).',
  FHIR_UNRESOLVED_REFERENCE: 'A reference to a urn:uuid matches no fullUrl of the transaction Bundle.',
  FHIR_INVALID_PURPOSE: 'A purpose-of-use value names none of the six purposes (treatment, emergency, ...).',
  FHIR_UNAUTHENTICATED: 'The request is not authenticated (missing, bad, stale or replayed signature).',
  FHIR_FORBIDDEN: 'The requester is authenticated but not allowed (no consent, revoked, expired, not a member).',
  FHIR_NOT_FOUND: 'No resource of that type and id, or no such route.',
  FHIR_METHOD_NOT_ALLOWED: 'The HTTP method is not supported on this path.',
  FHIR_CONFLICT: 'The request conflicts with the current state (e.g. create of an existing id).',
  FHIR_VERSION_CONFLICT: 'The resource changed since the version the client based its update on.',
  FHIR_GONE: 'The resource was deleted or erased (crypto-shredded).',
  FHIR_PRECONDITION_FAILED: 'An If-Match or other conditional header does not hold.',
  FHIR_UNSUPPORTED_MEDIA_TYPE: 'The Content-Type is not application/fhir+json or application/json.',
  FHIR_NOT_ACCEPTABLE: 'The Accept header or _format asks for a format other than FHIR JSON.',
  FHIR_UNPROCESSABLE: 'The resource is well formed but breaks a business rule of the server.',
  FHIR_TOO_MANY_REQUESTS: 'The requester exceeded a rate limit.',
  FHIR_INTERNAL: 'An unexpected server failure; details stay in the server log.',
  FHIR_PEER_FAILED: 'A peer gateway failed, refused or answered with data that does not verify.',
  FHIR_UNAVAILABLE: 'The server or a dependency (chain node, store) is temporarily unavailable.',
} as const;

/** A stable error code of `@medchain/fhir`. */
export type FhirErrorCode = keyof typeof FhirErrorCodes;

/** Options of {@link FhirError}. */
export type FhirErrorOptions = {
  code: FhirErrorCode;
  /** FHIRPath-like location of the offending element, e.g. `Observation.valueQuantity.value`. */
  expression?: string | undefined;
  /** Extra, non-secret context appended to `message`. */
  details?: string | undefined;
  cause?: unknown;
};

/**
 * The one error class of `@medchain/fhir` (viem `BaseError` style). `shortMessage` is one line
 * naming the offending element; it never quotes health data (values are described, not echoed),
 * so it can go into an OperationOutcome and a log.
 */
export class FhirError extends Error {
  override name = 'FhirError';
  readonly code: FhirErrorCode;
  readonly shortMessage: string;
  readonly expression: string | undefined;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: FhirErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage;
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.shortMessage = shortMessage;
    this.expression = options.expression;
    this.details = options.details;
  }
}
