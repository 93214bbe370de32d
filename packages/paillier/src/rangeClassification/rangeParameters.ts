import { assertBigInt, assertInteger, invalidArgument } from '../assert.ts';
import { PaillierError } from '../errors.ts';
import type { PaillierPublicKey } from '../keys.ts';
import { maxSignedPlaintext } from '../plaintext.ts';

/**
 * Default blinding size lambda (bits) of research-protocol.md section 4: r_j, r'_j are drawn
 * from [1, 2^80). What the institution learns from y = r*d + s (the bound |d| >= |y|/2^lambda, on
 * average |d|/2) does not depend on lambda; lambda sets how many blindings explain one y, and
 * 80 bits keeps enumerating them out of reach while a 2048-bit n leaves ~1960 bits of headroom.
 */
export const DEFAULT_RANGE_LAMBDA = 80;
/** Smallest and largest accepted lambda. */
export const RANGE_LAMBDA_LIMITS = { min: 40, max: 512 } as const;

/**
 * Public plausible bounds [min, max] of one indicator's encoded values (the study's [p_j, q_j]):
 * the holder's value and the institution's range both lie inside.
 */
export type IndicatorBounds = { min: bigint; max: bigint };

/** Checks lambda and returns it (the default when undefined). */
export function checkLambda(lambda: number | undefined): number {
  const value = lambda ?? DEFAULT_RANGE_LAMBDA;
  assertInteger('lambda', value, RANGE_LAMBDA_LIMITS.min, RANGE_LAMBDA_LIMITS.max);
  return value;
}

/**
 * Largest |plaintext| an honest holder's A_j or B_j can have: 2^lambda * (max - min + 1).
 * (|r(v - lo) + s| < 2^lambda * (width + 1) with r, s < 2^lambda; B_j alike.)
 */
export function honestQueryBound(bounds: IndicatorBounds, lambda: number): bigint {
  return (1n << BigInt(lambda)) * (bounds.max - bounds.min + 1n);
}

/**
 * Checks `bounds` (min <= max) and that no query within them can wrap modulo n: the honest
 * bound must not exceed (n-1)/2, where signed decoding would misread its sign.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_RANGE_WRAP`
 */
export function assertNoWrap(publicKey: PaillierPublicKey, bounds: IndicatorBounds, lambda: number, name = 'bounds'): void {
  if (typeof bounds !== 'object' || bounds === null) throw invalidArgument(`"${name}" expected { min, max }`);
  assertBigInt(`${name}.min`, bounds.min);
  assertBigInt(`${name}.max`, bounds.max);
  if (bounds.min > bounds.max) throw invalidArgument(`"${name}.min" must not exceed "${name}.max"`);
  const limit = maxSignedPlaintext(publicKey);
  const magnitude = bounds.max > -bounds.min ? bounds.max : -bounds.min;
  if (magnitude > limit || honestQueryBound(bounds, lambda) > limit) {
    throw new PaillierError(`"${name}" too wide for lambda = ${lambda} and a ${publicKey.bits}-bit n: blinded values could wrap modulo n`, {
      code: 'PAILLIER_RANGE_WRAP',
    });
  }
}

/**
 * Asserts `value` is a bigint within `bounds`.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`
 */
export function assertWithinBounds(name: string, value: unknown, bounds: IndicatorBounds): asserts value is bigint {
  assertBigInt(name, value);
  if (value < bounds.min || value > bounds.max) throw invalidArgument(`"${name}" must lie within its indicator's [min, max]`);
}
