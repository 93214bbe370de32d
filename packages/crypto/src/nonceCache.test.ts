import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { CryptoError } from './errors.ts';
import { createNonceCache } from './createNonceCache.ts';

const ALICE = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf';
const BOB = '0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b';
const nonce = (i: number) => `0x${i.toString(16).padStart(32, '0')}`;

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createNonceCache', () => {
  it('remembers a (signer, nonce) pair and refuses its reuse', async () => {
    const c = clock();
    const cache = createNonceCache({ ttlMs: 60_000, maxEntries: 10, now: c.now });
    cache.checkAndRemember(ALICE, nonce(1), c.now());
    await expectCryptoError(() => cache.checkAndRemember(ALICE, nonce(1), c.now()), 'CRYPTO_REPLAYED_REQUEST');
    // Same nonce in another case or signer spelling is the same pair.
    await expectCryptoError(() => cache.checkAndRemember(ALICE.toLowerCase(), nonce(1).toUpperCase().replace('0X', '0x'), c.now()), 'CRYPTO_REPLAYED_REQUEST');
    cache.checkAndRemember(BOB, nonce(1), c.now());
    cache.checkAndRemember(ALICE, nonce(2), c.now());
    assert.equal(cache.size, 3);
  });

  it('forgets a nonce once its timestamp is older than the TTL', () => {
    const c = clock();
    const cache = createNonceCache({ ttlMs: 1_000, maxEntries: 10, now: c.now });
    const ts = c.now();
    cache.checkAndRemember(ALICE, nonce(1), ts);
    c.advance(999);
    assert.equal(cache.size, 1);
    c.advance(1);
    assert.equal(cache.size, 0);
  });

  it('refuses timestamps already older than the TTL (they could not be remembered)', async () => {
    const c = clock();
    const cache = createNonceCache({ ttlMs: 1_000, maxEntries: 10, now: c.now });
    await expectCryptoError(() => cache.checkAndRemember(ALICE, nonce(1), c.now() - 1_000), 'CRYPTO_STALE_REQUEST');
    cache.checkAndRemember(ALICE, nonce(1), c.now() - 999);
  });

  it('is bounded: refuses new nonces when full of unexpired ones, never drops live ones', async () => {
    const c = clock();
    const cache = createNonceCache({ ttlMs: 1_000, maxEntries: 3, now: c.now });
    for (let i = 0; i < 3; i++) cache.checkAndRemember(ALICE, nonce(i), c.now() + i * 100);
    await expectCryptoError(() => cache.checkAndRemember(BOB, nonce(9), c.now()), 'CRYPTO_NONCE_CACHE_FULL');
    await expectCryptoError(() => cache.checkAndRemember(ALICE, nonce(0), c.now()), 'CRYPTO_REPLAYED_REQUEST');
    c.advance(1_000); // nonce(0) expires, the others live on
    cache.checkAndRemember(BOB, nonce(9), c.now());
    await expectCryptoError(() => cache.checkAndRemember(ALICE, nonce(1), c.now()), 'CRYPTO_REPLAYED_REQUEST');
    assert.equal(cache.size, 3);
  });

  it('behaves like a naive model under out-of-order timestamps (property)', () => {
    type Op = { kind: 'advance'; ms: number } | { kind: 'check'; signer: number; nonce: number; offset: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400 }) }),
      fc.record({
        kind: fc.constant('check' as const),
        signer: fc.integer({ min: 0, max: 1 }),
        nonce: fc.integer({ min: 0, max: 5 }),
        offset: fc.integer({ min: -1_200, max: 300 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ops, maxEntries) => {
        const ttlMs = 1_000;
        const c = clock();
        const cache = createNonceCache({ ttlMs, maxEntries, now: c.now });
        let model: { key: string; expiresAt: number }[] = [];
        for (const op of ops) {
          if (op.kind === 'advance') {
            c.advance(op.ms);
            continue;
          }
          const signer = op.signer === 0 ? ALICE : BOB;
          const ts = c.now() + op.offset;
          const key = `${signer}${op.nonce}`;
          let expected: string = 'ok';
          if (ts + ttlMs <= c.now()) expected = 'CRYPTO_STALE_REQUEST';
          else {
            model = model.filter((e) => e.expiresAt > c.now());
            if (model.some((e) => e.key === key)) expected = 'CRYPTO_REPLAYED_REQUEST';
            else if (model.length >= maxEntries) expected = 'CRYPTO_NONCE_CACHE_FULL';
            else model.push({ key, expiresAt: ts + ttlMs });
          }
          let actual = 'ok';
          try {
            cache.checkAndRemember(signer, nonce(op.nonce), ts);
          } catch (error) {
            assert.ok(error instanceof CryptoError);
            actual = error.code;
          }
          assert.equal(actual, expected);
          assert.equal(cache.size, model.filter((e) => e.expiresAt > c.now()).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('checks its options and arguments', async () => {
    await expectCryptoError(() => createNonceCache({ ttlMs: 0, maxEntries: 1 }), 'CRYPTO_INVALID_ARGUMENT', { message: /^"ttlMs"/ });
    await expectCryptoError(() => createNonceCache({ ttlMs: 1, maxEntries: 1.5 }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"maxEntries"/,
    });
    const cache = createNonceCache({ ttlMs: 1_000, maxEntries: 1 });
    await expectCryptoError(() => cache.checkAndRemember('0xnope', nonce(1), Date.now()), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"signer"/,
    });
    await expectCryptoError(() => cache.checkAndRemember(ALICE, '', Date.now()), 'CRYPTO_INVALID_ARGUMENT', { message: /^"nonce"/ });
    await expectCryptoError(() => cache.checkAndRemember(ALICE, nonce(1), Number.NaN), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"timestamp"/,
    });
  });
});
