import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { FhirError, type FhirErrorCode } from '../src/errors.ts';

/** What {@link expectFhirError} checks beyond the code. */
export type ExpectFhirErrorOptions = {
  /** Pattern the one-line `shortMessage` must match. */
  message?: RegExp;
  /** The exact FHIRPath-like `expression` expected (undefined: not checked). */
  expression?: string;
};

/** Runs `fn` and asserts it throws a FhirError with `code` (and the given expression/message). */
export function expectFhirError(fn: () => unknown, code: FhirErrorCode, { message, expression }: ExpectFhirErrorOptions = {}): FhirError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof FhirError, `expected FhirError ${code}, got ${inspect(thrown)}`);
  assert.equal(thrown.code, code, `expected code ${code}, got ${thrown.code}: ${thrown.message}`);
  if (message) assert.match(thrown.shortMessage, message);
  if (expression !== undefined) assert.equal(thrown.expression, expression);
  return thrown;
}
