import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { verifyMessage as viemVerifyMessage } from 'viem';
import { signMessage as viemSignMessage } from 'viem/accounts';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { challengeMessage } from './challengeMessage.ts';
import { generateChallenge } from './generateChallenge.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { signChallenge } from './signChallenge.ts';
import type { Hex } from './types.ts';
import { verifyChallenge } from './verifyChallenge.ts';

const KEY: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const ADDRESS = privateKeyToAddress(KEY);
const AUDIENCE = 'https://gateway.hospital-a.example';

describe('login challenges', () => {
  it('generateChallenge returns fresh 32-byte hex', () => {
    const a = generateChallenge();
    assert.match(a, /^0x[0-9a-f]{64}$/);
    assert.notEqual(a, generateChallenge());
  });

  it('signs medchain-login-v1 text that viem and wallets agree on', async () => {
    const challenge = generateChallenge();
    const message = challengeMessage({ challenge, audience: AUDIENCE });
    assert.equal(message, `medchain-login-v1\n${challenge}\n${AUDIENCE}`);
    const signature = signChallenge({ privateKey: KEY, challenge, audience: AUDIENCE });
    assert.equal(signature, await viemSignMessage({ privateKey: KEY, message }));
    assert.equal(await viemVerifyMessage({ address: ADDRESS, message, signature }), true);
    assert.equal(verifyChallenge({ challenge, audience: AUDIENCE, signature }), ADDRESS);
    assert.equal(verifyChallenge({ challenge, audience: AUDIENCE, signature, address: ADDRESS.toLowerCase() }), ADDRESS);
  });

  it('round-trips any single-line challenge and audience (property)', () => {
    const line = fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }).filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(line, line, (challenge, audience) => {
        const signature = signChallenge({ privateKey: KEY, challenge, audience });
        assert.equal(verifyChallenge({ challenge, audience, signature, address: ADDRESS }), ADDRESS);
      }),
      { numRuns: 20 },
    );
  });

  it('a signature for another challenge or audience does not verify as this address', async () => {
    const challenge = generateChallenge();
    const signature = signChallenge({ privateKey: KEY, challenge, audience: AUDIENCE });
    for (const other of [
      { challenge: generateChallenge(), audience: AUDIENCE },
      { challenge, audience: 'https://gateway.hospital-b.example' },
    ]) {
      assert.notEqual(verifyChallenge({ ...other, signature }), ADDRESS);
      await expectCryptoError(() => verifyChallenge({ ...other, signature, address: ADDRESS }), 'CRYPTO_BAD_SIGNATURE', {
        message: /^"signature" was not made by "address"/,
      });
    }
  });

  it('refuses malformed input', async () => {
    const challenge = generateChallenge();
    const signature = signChallenge({ privateKey: KEY, challenge, audience: AUDIENCE });
    await expectCryptoError(() => signChallenge({ privateKey: KEY, challenge: 'a\nb', audience: AUDIENCE }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"challenge" must not contain line breaks$/,
      secrets: [KEY],
    });
    await expectCryptoError(() => verifyChallenge({ challenge, audience: '', signature }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"audience" must not be empty$/,
    });
    await expectCryptoError(() => verifyChallenge({ challenge: 'x'.repeat(257), audience: AUDIENCE, signature }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"challenge" expected at most 256 characters/,
    });
    await expectCryptoError(() => verifyChallenge({ challenge, audience: AUDIENCE, signature, address: '0x12' }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"address"/,
    });
    await expectCryptoError(() => verifyChallenge({ challenge, audience: AUDIENCE, signature: '0x1234' }), 'CRYPTO_BAD_SIGNATURE', {
      message: /^"signature" expected 65 bytes/,
    });
    const badKey: Hex = `0x${'00'.repeat(32)}`;
    await expectCryptoError(() => signChallenge({ privateKey: badKey, challenge, audience: AUDIENCE }), 'CRYPTO_INVALID_PRIVATE_KEY');
  });
});
