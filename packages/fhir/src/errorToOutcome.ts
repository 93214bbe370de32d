import type { OperationOutcome } from 'fhir/r4.js';
import { isObject } from './assert.ts';
import { type FhirErrorCode, FhirErrorCodes } from './errors.ts';
import { errorStatus, isKnownErrorCode } from './errorStatus.ts';
import { outcomeFromError } from './operationOutcome.ts';

/** What {@link errorToOutcome} returns: the status to send and the body. */
export type ErrorToOutcomeReturnType = { status: number; code: string; outcome: OperationOutcome };

// Generic codes for errors that carry only an HTTP status (Fastify's body-limit, media-type and
// routing errors have `statusCode`).
const CODE_OF_STATUS: Readonly<Record<number, FhirErrorCode>> = {
  401: 'FHIR_UNAUTHENTICATED',
  403: 'FHIR_FORBIDDEN',
  404: 'FHIR_NOT_FOUND',
  405: 'FHIR_METHOD_NOT_ALLOWED',
  406: 'FHIR_NOT_ACCEPTABLE',
  409: 'FHIR_CONFLICT',
  410: 'FHIR_GONE',
  412: 'FHIR_PRECONDITION_FAILED',
  413: 'FHIR_TOO_LARGE',
  415: 'FHIR_UNSUPPORTED_MEDIA_TYPE',
  422: 'FHIR_UNPROCESSABLE',
  429: 'FHIR_TOO_MANY_REQUESTS',
  502: 'FHIR_PEER_FAILED',
  503: 'FHIR_UNAVAILABLE',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.split('\n')[0] : undefined;
}

/**
 * Turns anything thrown while serving a request into the HTTP status and OperationOutcome to
 * answer with. An error whose `code` is in errorStatus.ts (FhirError, CryptoError) keeps its code,
 * one-line `shortMessage` and `expression`; an error with only an HTTP `statusCode` (4xx or 503)
 * gets the generic code of that status; anything else is a 500 `FHIR_INTERNAL` with no detail,
 * so stack traces, paths and internals never reach a client. Messages of 500s are replaced by
 * the code's documented meaning for the same reason.
 */
export function errorToOutcome(error: unknown): ErrorToOutcomeReturnType {
  const fields: Record<string, unknown> = isObject(error) ? error : {};
  let code: string = 'FHIR_INTERNAL';
  if (isKnownErrorCode(fields.code)) {
    code = fields.code;
  } else if (typeof fields.statusCode === 'number') {
    const clientError = fields.statusCode >= 400 && fields.statusCode < 500;
    code = CODE_OF_STATUS[fields.statusCode] ?? (clientError ? 'FHIR_INVALID_RESOURCE' : code);
  }
  const { status } = errorStatus(code);
  const message =
    status === 500 || code === 'FHIR_INTERNAL'
      ? (FhirErrorCodes as Record<string, string>)[code] ?? 'Internal error'
      : (text(fields.shortMessage) ?? text(fields.message) ?? (FhirErrorCodes as Record<string, string>)[code] ?? code);
  const expression = typeof fields.expression === 'string' ? fields.expression : undefined;
  return { status, code, outcome: outcomeFromError(code, message, expression) };
}
