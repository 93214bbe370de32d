import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CryptoError, CryptoErrorCodes } from './errors.ts';

describe('CryptoError', () => {
  it('carries code, shortMessage, details and cause (viem BaseError style)', () => {
    const cause = new Error('inner');
    const error = new CryptoError('"iv" expected 16 bytes, got 8', {
      code: 'CRYPTO_BAD_KEYSTORE',
      details: 'some context',
      cause,
    });
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'CryptoError');
    assert.equal(error.code, 'CRYPTO_BAD_KEYSTORE');
    assert.equal(error.shortMessage, '"iv" expected 16 bytes, got 8');
    assert.equal(error.details, 'some context');
    assert.equal(error.message, '"iv" expected 16 bytes, got 8\n\nDetails: some context');
    assert.equal(error.cause, cause);
  });

  it('has message equal to shortMessage and no cause when none are given', () => {
    const error = new CryptoError('Missing header "x-medchain-nonce"', { code: 'CRYPTO_MISSING_SIGNATURE_HEADER' });
    assert.equal(error.message, error.shortMessage);
    assert.equal(error.details, undefined);
    assert.equal('cause' in error, false);
  });
});

describe('CryptoErrorCodes', () => {
  it('lists every code with a one-line meaning, all prefixed CRYPTO_', () => {
    const entries = Object.entries(CryptoErrorCodes);
    assert.equal(entries.length, 11);
    for (const [code, meaning] of entries) {
      assert.match(code, /^CRYPTO_[A-Z_]+$/);
      assert.ok(meaning.length > 10 && !meaning.includes('\n'), code);
    }
  });
});
