import type { CryptoErrorCode } from '@medchain/crypto';
import type { FhirErrorCode } from './errors.ts';

/** An OperationOutcome `issue.code` (FHIR R4 value set issue-type) the table uses. */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'not-supported'
  | 'not-found'
  | 'deleted'
  | 'too-long'
  | 'too-costly'
  | 'business-rule'
  | 'conflict'
  | 'transient'
  | 'throttled'
  | 'exception'
  | 'timeout'
  | 'processing';

/** How one error code is answered over HTTP. */
export type ErrorStatus = { status: number; issue: IssueType };

/**
 * The HTTP status and OperationOutcome issue type of every stable error code the gateway can
 * answer with: the one place this mapping lives (Medplum style). `@medchain/crypto` codes are
 * here too, since request authentication fails with them. A code not in the table is answered as
 * a 500 `exception` by {@link errorStatus}; a package that adds codes the gateway surfaces adds
 * them here.
 */
export const ERROR_STATUS: Readonly<Record<FhirErrorCode | CryptoErrorCode, ErrorStatus>> = {
  FHIR_INVALID_ARGUMENT: { status: 500, issue: 'exception' },
  FHIR_INVALID_JSON: { status: 400, issue: 'structure' },
  FHIR_INVALID_UTF8: { status: 400, issue: 'structure' },
  FHIR_DUPLICATE_KEY: { status: 400, issue: 'structure' },
  FHIR_TOO_LARGE: { status: 413, issue: 'too-long' },
  FHIR_TOO_DEEP: { status: 400, issue: 'structure' },
  FHIR_INVALID_RESOURCE: { status: 400, issue: 'invalid' },
  FHIR_UNSUPPORTED_TYPE: { status: 400, issue: 'not-supported' },
  FHIR_INVALID_ID: { status: 400, issue: 'value' },
  FHIR_UNSUPPORTED_SEARCH_PARAM: { status: 400, issue: 'not-supported' },
  FHIR_INVALID_SEARCH_PARAM: { status: 400, issue: 'value' },
  FHIR_INVALID_BUNDLE: { status: 400, issue: 'invalid' },
  FHIR_UNRESOLVED_REFERENCE: { status: 400, issue: 'invalid' },
  FHIR_INVALID_PURPOSE: { status: 400, issue: 'value' },
  FHIR_UNAUTHENTICATED: { status: 401, issue: 'login' },
  FHIR_FORBIDDEN: { status: 403, issue: 'forbidden' },
  FHIR_NOT_FOUND: { status: 404, issue: 'not-found' },
  FHIR_METHOD_NOT_ALLOWED: { status: 405, issue: 'not-supported' },
  FHIR_NOT_ACCEPTABLE: { status: 406, issue: 'not-supported' },
  FHIR_CONFLICT: { status: 409, issue: 'conflict' },
  FHIR_VERSION_CONFLICT: { status: 409, issue: 'conflict' },
  FHIR_GONE: { status: 410, issue: 'deleted' },
  FHIR_PRECONDITION_FAILED: { status: 412, issue: 'conflict' },
  FHIR_UNSUPPORTED_MEDIA_TYPE: { status: 415, issue: 'not-supported' },
  FHIR_UNPROCESSABLE: { status: 422, issue: 'business-rule' },
  FHIR_TOO_MANY_REQUESTS: { status: 429, issue: 'throttled' },
  FHIR_INTERNAL: { status: 500, issue: 'exception' },
  FHIR_PEER_FAILED: { status: 502, issue: 'transient' },
  FHIR_UNAVAILABLE: { status: 503, issue: 'transient' },

  CRYPTO_INVALID_ARGUMENT: { status: 500, issue: 'exception' },
  CRYPTO_INVALID_PRIVATE_KEY: { status: 500, issue: 'exception' },
  CRYPTO_BAD_PASSPHRASE: { status: 500, issue: 'exception' },
  CRYPTO_BAD_KEYSTORE: { status: 500, issue: 'exception' },
  CRYPTO_MISSING_SIGNATURE_HEADER: { status: 401, issue: 'login' },
  CRYPTO_BAD_SIGNATURE: { status: 401, issue: 'login' },
  CRYPTO_STALE_REQUEST: { status: 401, issue: 'login' },
  CRYPTO_REPLAYED_REQUEST: { status: 401, issue: 'login' },
  CRYPTO_NONCE_CACHE_FULL: { status: 503, issue: 'transient' },
  // A record that fails authentication or its content hash was altered at rest or in transit:
  // never the client's fault, and never served.
  CRYPTO_DECRYPTION_FAILED: { status: 500, issue: 'exception' },
  CRYPTO_HASH_MISMATCH: { status: 500, issue: 'exception' },
};

const FALLBACK: ErrorStatus = { status: 500, issue: 'exception' };

/** Whether `code` is in {@link ERROR_STATUS}. */
export function isKnownErrorCode(code: unknown): code is keyof typeof ERROR_STATUS {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

/** The HTTP status and issue type of `code`; 500 `exception` for a code not in the table. */
export function errorStatus(code: string): ErrorStatus {
  return isKnownErrorCode(code) ? ERROR_STATUS[code] : FALLBACK;
}
