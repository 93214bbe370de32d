import { invalidArgument } from '../assert.ts';
import { batchModInverse, mod } from '../bigint.ts';
import { assertCiphertextRange, type PaillierCiphertext } from '../ciphertext.ts';
import { publicContext } from '../context.ts';
import { encrypt } from '../encrypt.ts';
import { PaillierError } from '../errors.ts';
import type { PaillierPublicKey } from '../keys.ts';
import type { EncryptedRange } from './encryptRanges.ts';
import { type IndicatorBounds, assertNoWrap, assertWithinBounds, checkLambda } from './rangeParameters.ts';
import { type Blinding, sampleBlinding } from './sampleBlinding.ts';

/** What the holder knows of one required indicator. */
export type HolderIndicator = {
  /** The holder's encoded value v_j. */
  value: bigint;
  /** The study's public bounds for this indicator (v_j lies inside: the enrollment proof shows it). */
  bounds: IndicatorBounds;
  /** E(lo_j), E(hi_j) under the institution's key, from the study. */
  range: EncryptedRange;
};

/** The two ciphertexts the holder sends for one indicator. */
export type RangeQuery = {
  /** A_j = E(r_j (v_j - lo_j) + s_j): negative iff v_j < lo_j. */
  a: PaillierCiphertext;
  /** B_j = E(r'_j (v_j - hi_j) - s'_j): positive iff v_j > hi_j. */
  b: PaillierCiphertext;
};

/** Options of {@link buildRangeQueries}. */
export type BuildRangeQueriesOptions = {
  indicators: readonly HolderIndicator[];
  /** Blinding size; default {@link DEFAULT_RANGE_LAMBDA}. Must match the institution's. */
  lambda?: number | undefined;
  /** Fixed blindings, one per indicator: for tests only; default fresh from the OS CSPRNG. */
  blindings?: readonly Blinding[] | undefined;
};

/**
 * Holder side of research-protocol.md section 4: for each indicator,
 * A_j = E(lo_j)^(-r_j) * E(r_j v_j + s_j) and B_j = E(hi_j)^(-r'_j) * E(r'_j v_j - s'_j), with
 * fresh blindings. Each fresh encryption carries a fresh DJN randomiser, so A_j and B_j are
 * re-randomised and unlinkable to E(lo_j), E(hi_j) and to each other. The 2N inversions of
 * E(lo_j)^r_j, E(hi_j)^r'_j are batched into one (Montgomery's trick).
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_INVALID_CIPHERTEXT`, `PAILLIER_RANGE_WRAP`
 */
export function buildRangeQueries(publicKey: PaillierPublicKey, { indicators, lambda, blindings }: BuildRangeQueriesOptions): RangeQuery[] {
  const l = checkLambda(lambda);
  if (!Array.isArray(indicators)) throw invalidArgument('"indicators" expected an array');
  if (blindings !== undefined && blindings.length !== indicators.length) {
    throw invalidArgument(`"blindings" expected ${indicators.length} entries, got ${blindings.length}`);
  }
  const { n, nSquared } = publicKey;
  const pow = publicContext(publicKey).nSquared;
  const chosen: Blinding[] = [];
  const powers: bigint[] = [];
  indicators.forEach((indicator, j) => {
    assertNoWrap(publicKey, indicator.bounds, l, `indicators[${j}].bounds`);
    assertWithinBounds(`indicators[${j}].value`, indicator.value, indicator.bounds);
    assertCiphertextRange(`indicators[${j}].range.low`, publicKey, indicator.range?.low);
    assertCiphertextRange(`indicators[${j}].range.high`, publicKey, indicator.range.high);
    const blinding = blindings?.[j] ?? sampleBlinding(l);
    chosen.push(blinding);
    powers.push(pow.pow(indicator.range.low, blinding.r), pow.pow(indicator.range.high, blinding.rPrime));
  });
  const inverses = batchModInverse(powers, nSquared);
  if (inverses === undefined) {
    throw new PaillierError('an encrypted range is not in Z*_{n^2}', { code: 'PAILLIER_INVALID_CIPHERTEXT' });
  }
  return indicators.map(({ value }, j) => {
    const { r, s, rPrime, sPrime } = chosen[j] as Blinding;
    // r v + s may exceed n/2 in magnitude: only r (v - lo) + s must not, and the sum is mod n anyway.
    const a = (encrypt(publicKey, mod(r * value + s, n)) * (inverses[2 * j] as bigint)) % nSquared;
    const b = (encrypt(publicKey, mod(rPrime * value - sPrime, n)) * (inverses[2 * j + 1] as bigint)) % nSquared;
    return { a: a as PaillierCiphertext, b: b as PaillierCiphertext };
  });
}
