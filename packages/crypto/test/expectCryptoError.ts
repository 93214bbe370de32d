import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { CryptoError, type CryptoErrorCode } from '../src/errors.ts';

/** What {@link expectCryptoError} checks beyond the code. */
export type ExpectCryptoErrorOptions = {
  /** Pattern the one-line `shortMessage` must match (e.g. the argument or field it names). */
  message?: RegExp;
  /** Secrets (private keys, passphrases) that must appear nowhere in the error or its causes. */
  secrets?: readonly string[];
};

function spellings(secret: string): string[] {
  const bare = secret.startsWith('0x') ? secret.slice(2) : secret;
  return [...new Set([secret, bare, bare.toLowerCase(), bare.toUpperCase()])].filter((s) => s.length >= 4);
}

/**
 * Runs `fn` (sync or async) and asserts it throws a CryptoError with `code`, whose message,
 * details, cause chain and inspected form contain none of `secrets`.
 */
export async function expectCryptoError(
  fn: () => unknown,
  code: CryptoErrorCode,
  { message, secrets = [] }: ExpectCryptoErrorOptions = {},
): Promise<CryptoError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof CryptoError, `expected CryptoError ${code}, got ${inspect(thrown)}`);
  assert.equal(thrown.code, code, `expected code ${code}, got ${thrown.code}: ${thrown.message}`);
  assert.equal(thrown.name, 'CryptoError');
  if (message) assert.match(thrown.shortMessage, message);
  const everything = [thrown.message, thrown.shortMessage, thrown.details ?? '', inspect(thrown, { depth: 10 })].join('\n');
  for (const secret of secrets) {
    for (const spelling of spellings(secret)) {
      assert.ok(!everything.includes(spelling), `error ${code} leaks a secret`);
    }
  }
  return thrown;
}
