import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectPaillierError } from '../../test/expectPaillierError.ts';
import type { PaillierCiphertext } from '../ciphertext.ts';
import { decryptSigned } from '../decrypt.ts';
import { encrypt } from '../encrypt.ts';
import { generateKeyPairSync } from '../generateKeyPair.ts';
import { maxSignedPlaintext } from '../plaintext.ts';
import { type HolderIndicator, buildRangeQueries } from './buildRangeQueries.ts';
import { type RangeClass, classifyRangeQueries } from './classifyRangeQueries.ts';
import { encryptRanges } from './encryptRanges.ts';
import { DEFAULT_RANGE_LAMBDA, type IndicatorBounds, honestQueryBound } from './rangeParameters.ts';

const { publicKey, privateKey } = generateKeyPairSync({ bits: 2048 });
const expected = (v: bigint, low: bigint, high: bigint): RangeClass => (v < low ? -1 : v > high ? 1 : 0);

type Case = { bounds: IndicatorBounds; low: bigint; high: bigint; value: bigint };

function classify(cases: readonly Case[], lambda?: number): RangeClass[] {
  const encrypted = encryptRanges(publicKey, { ranges: cases, lambda });
  const indicators: HolderIndicator[] = cases.map((c, j) => ({ value: c.value, bounds: c.bounds, range: encrypted[j]! }));
  const queries = buildRangeQueries(publicKey, { indicators, lambda });
  return classifyRangeQueries(privateKey, { queries, bounds: cases.map((c) => c.bounds), lambda });
}

// Body temperature at d = 1 (36.9 C -> 369), plausible [300, 450], reference [361, 375].
const temperature = { bounds: { min: 300n, max: 450n }, low: 361n, high: 375n };

describe('range classification (research-protocol.md section 4)', () => {
  it('classifies the edges of a range: lo - 1, lo, hi, hi + 1, and the bounds', () => {
    const values = [300n, 360n, 361n, 369n, 375n, 376n, 450n];
    assert.deepEqual(classify(values.map((value) => ({ ...temperature, value }))), [-1, -1, 0, 0, 0, 1, 1]);
  });

  it('classifies a one-point range and negative encodings', () => {
    const bounds = { min: -500n, max: 500n };
    const cases = [-7n, -6n, -5n].map((value) => ({ bounds, low: -6n, high: -6n, value }));
    assert.deepEqual(classify(cases), [-1, 0, 1]);
  });

  it('matches the plain comparison for random values, ranges and lambdas (property)', () => {
    const caseArb = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 1n }), fc.bigInt({ min: 0n, max: 1n }))
      .chain(([min, width]) =>
        fc.tuple(fc.bigInt({ min, max: min + width }), fc.bigInt({ min, max: min + width }), fc.bigInt({ min, max: min + width })).map(([a, b, value]) => ({
          bounds: { min, max: min + width },
          low: a < b ? a : b,
          high: a < b ? b : a,
          value,
        })),
      );
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(40, 64, DEFAULT_RANGE_LAMBDA, 128), (cases, lambda) => {
        assert.deepEqual(classify(cases, lambda), cases.map((c) => expected(c.value, c.low, c.high)));
      }),
      { numRuns: 12 },
    );
  });

  it('stays correct at the extreme blindings (largest r, s; smallest r\', s\')', () => {
    const top = (1n << BigInt(DEFAULT_RANGE_LAMBDA)) - 1n;
    const bounds = { min: 0n, max: 1000n };
    const cases: Case[] = [
      { bounds, low: 1000n, high: 1000n, value: 0n },
      { bounds, low: 0n, high: 0n, value: 1000n },
      { bounds, low: 500n, high: 500n, value: 500n },
      { bounds, low: 501n, high: 501n, value: 500n },
    ];
    const encrypted = encryptRanges(publicKey, { ranges: cases });
    const indicators = cases.map((c, j) => ({ value: c.value, bounds, range: encrypted[j]! }));
    for (const blinding of [
      { r: top, s: top - 1n, rPrime: top, sPrime: top - 1n },
      { r: 1n, s: 0n, rPrime: 2n, sPrime: 1n },
    ]) {
      const queries = buildRangeQueries(publicKey, { indicators, blindings: cases.map(() => blinding) });
      assert.deepEqual(classifyRangeQueries(privateKey, { queries, bounds: cases.map(() => bounds) }), [-1, 1, 0, -1]);
      for (const { a, b } of queries) {
        const limit = honestQueryBound(bounds, DEFAULT_RANGE_LAMBDA);
        for (const y of [decryptSigned(privateKey, a), decryptSigned(privateKey, b)]) assert.ok(y < limit && -y < limit);
      }
    }
  });

  it('sends fresh, unlinkable ciphertexts: A_j, B_j differ from the ranges and across runs', () => {
    const [range] = encryptRanges(publicKey, { ranges: [temperature] });
    const indicator = { value: 369n, bounds: temperature.bounds, range: range! };
    const blinding = { r: 5n, s: 0n, rPrime: 5n, sPrime: 1n };
    const [first] = buildRangeQueries(publicKey, { indicators: [indicator], blindings: [blinding] });
    const [second] = buildRangeQueries(publicKey, { indicators: [indicator], blindings: [blinding] });
    assert.notEqual(first!.a, second!.a);
    assert.notEqual(first!.b, second!.b);
    assert.equal(decryptSigned(privateKey, first!.a), decryptSigned(privateKey, second!.a));
    assert.equal(decryptSigned(privateKey, first!.a), 5n * (369n - 361n));
    assert.equal(decryptSigned(privateKey, first!.b), 5n * (369n - 375n) - 1n);
  });
});

describe('range classification: refusals', () => {
  it('refuses bounds that could wrap modulo n, on both sides', async () => {
    const half = maxSignedPlaintext(publicKey);
    const wide = { min: 0n, max: half >> BigInt(DEFAULT_RANGE_LAMBDA) };
    await expectPaillierError(() => encryptRanges(publicKey, { ranges: [{ bounds: wide, low: 0n, high: 1n }] }), 'PAILLIER_RANGE_WRAP', /ranges\[0\]\.bounds.*lambda = 80/);
    const [range] = encryptRanges(publicKey, { ranges: [temperature] });
    await expectPaillierError(
      () => buildRangeQueries(publicKey, { indicators: [{ value: 0n, bounds: wide, range: range! }] }),
      'PAILLIER_RANGE_WRAP',
      /indicators\[0\]\.bounds/,
    );
    await expectPaillierError(() => classifyRangeQueries(privateKey, { queries: [], bounds: [] , lambda: 39 }), 'PAILLIER_INVALID_ARGUMENT', /"lambda"/);
    const justFits = { min: 0n, max: (half >> BigInt(DEFAULT_RANGE_LAMBDA)) - 1n };
    assert.equal(encryptRanges(publicKey, { ranges: [{ bounds: justFits, low: 0n, high: 1n }] }).length, 1);
  });

  it('refuses values and ranges outside the bounds, and reversed ranges', async () => {
    const [range] = encryptRanges(publicKey, { ranges: [temperature] });
    await expectPaillierError(
      () => buildRangeQueries(publicKey, { indicators: [{ value: 451n, bounds: temperature.bounds, range: range! }] }),
      'PAILLIER_INVALID_ARGUMENT',
      /"indicators\[0\]\.value" must lie within/,
    );
    await expectPaillierError(() => encryptRanges(publicKey, { ranges: [{ ...temperature, low: 380n, high: 370n }] }), 'PAILLIER_INVALID_ARGUMENT', /low" must not exceed/);
    await expectPaillierError(() => encryptRanges(publicKey, { ranges: [{ ...temperature, high: 299n }] }), 'PAILLIER_INVALID_ARGUMENT', /high" must lie within/);
    await expectPaillierError(
      () => buildRangeQueries(publicKey, { indicators: [{ value: 369n, bounds: temperature.bounds, range: { low: 0n as PaillierCiphertext, high: range!.high } }] }),
      'PAILLIER_INVALID_CIPHERTEXT',
      /range\.low/,
    );
  });

  it('refuses decrypted queries an honest holder cannot produce', async () => {
    const bounds = [temperature.bounds];
    const huge = honestQueryBound(temperature.bounds, DEFAULT_RANGE_LAMBDA);
    const inside = encrypt(publicKey, 0n);
    await expectPaillierError(
      () => classifyRangeQueries(privateKey, { queries: [{ a: encrypt(publicKey, huge), b: inside }], bounds }),
      'PAILLIER_CLASSIFICATION_OUT_OF_BOUNDS',
      /query 0: decrypted value beyond/,
    );
    await expectPaillierError(
      () => classifyRangeQueries(privateKey, { queries: [{ a: encrypt(publicKey, -5n), b: encrypt(publicKey, 5n) }], bounds }),
      'PAILLIER_CLASSIFICATION_OUT_OF_BOUNDS',
      /at once/,
    );
    await expectPaillierError(() => classifyRangeQueries(privateKey, { queries: [{ a: inside, b: inside }], bounds: [] }), 'PAILLIER_INVALID_ARGUMENT', /"bounds" expected 1/);
  });
});
