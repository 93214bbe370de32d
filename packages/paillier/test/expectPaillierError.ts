import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { PaillierError, type PaillierErrorCode } from '../src/errors.ts';

/**
 * Runs `fn` (sync or async) and asserts it throws a PaillierError with `code` whose one-line
 * message matches `message` when given. Returns the error for further checks.
 */
export async function expectPaillierError(fn: () => unknown, code: PaillierErrorCode, message?: RegExp): Promise<PaillierError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof PaillierError, `expected PaillierError ${code}, got ${inspect(thrown)}`);
  assert.equal(thrown.code, code, `expected code ${code}, got ${thrown.code}: ${thrown.message}`);
  assert.equal(thrown.name, 'PaillierError');
  if (message) assert.match(thrown.shortMessage, message);
  return thrown;
}
