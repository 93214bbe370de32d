import assert from 'node:assert/strict';
import { generatePrimeSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { batchModInverse, gcd, modInverse, randomBetween } from './bigint.ts';
import { OPENSSL_MIN_EXPONENT_BITS, createModPowContext, modPowBigInt } from './modPow.ts';

const p = generatePrimeSync(1024, { bigint: true });
const q = generatePrimeSync(1024, { bigint: true });
const nSquared = p * q * p * q;
const context = createModPowContext(nSquared);

describe('createModPowContext', () => {
  it('agrees with BigInt on both sides of the threshold (property)', () => {
    const exponent = fc.oneof(fc.bigInt({ min: 0n, max: 1n << BigInt(OPENSSL_MIN_EXPONENT_BITS + 4) }), fc.bigInt({ min: 0n, max: 1n << 300n }));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: nSquared - 1n }), exponent, fc.boolean(), (base, e, secret) => {
        assert.equal(context.pow(base, e, { secret }), modPowBigInt(base, e, nSquared));
      }),
      { numRuns: 30 },
    );
  });

  it('handles the bases and results OpenSSL refuses: 0, 1, -1, and results 1 and -1', () => {
    const e = (1n << 200n) + 1n;
    assert.equal(context.pow(0n, e), 0n);
    assert.equal(context.pow(1n, e), 1n);
    assert.equal(context.pow(nSquared - 1n, e), nSquared - 1n);
    assert.equal(context.pow(nSquared - 1n, e + 1n, { secret: true }), 1n);
    assert.equal(context.pow(12345n, 0n), 1n);
    // A prime modulus: base^((P-1)/2) is 1 or P-1 (Euler's criterion), both refused by OpenSSL.
    const prime = createModPowContext(p);
    for (const base of [2n, 3n, 5n, 7n]) {
      const result = prime.pow(base, (p - 1n) / 2n, { secret: true });
      assert.ok(result === 1n || result === p - 1n);
      assert.equal(result, modPowBigInt(base, (p - 1n) / 2n, p));
    }
  });

  it('reduces negative and oversized bases', () => {
    assert.equal(context.pow(-2n, 1n << 20n), modPowBigInt(nSquared - 2n, 1n << 20n, nSquared));
    assert.equal(context.pow(nSquared + 3n, 1n << 20n), modPowBigInt(3n, 1n << 20n, nSquared));
  });
});

describe('modInverse / batchModInverse', () => {
  it('batch inversion equals one-by-one inversion (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: nSquared - 1n }), { maxLength: 12 }), (values) => {
        const usable = values.filter((v) => gcd(v, nSquared) === 1n);
        assert.deepEqual(batchModInverse(usable, nSquared), usable.map((v) => modInverse(v, nSquared)));
      }),
      { numRuns: 20 },
    );
  });

  it('reports non-invertible values', () => {
    assert.equal(modInverse(p * 7n, nSquared), undefined);
    assert.equal(batchModInverse([3n, p], nSquared), undefined);
    assert.deepEqual(batchModInverse([], nSquared), []);
  });

  it('randomBetween stays in [min, max)', () => {
    for (let i = 0; i < 200; i++) {
      const v = randomBetween(5n, 9n);
      assert.ok(v >= 5n && v < 9n);
    }
    assert.equal(randomBetween(4n, 5n), 4n);
  });
});
