import { invalidArgument } from '../assert.ts';
import type { PaillierCiphertext } from '../ciphertext.ts';
import { encrypt } from '../encrypt.ts';
import type { PaillierPublicKey } from '../keys.ts';
import { type IndicatorBounds, assertNoWrap, assertWithinBounds, checkLambda } from './rangeParameters.ts';

/** One reference range [low, high] of the institution, inside the indicator's public bounds. */
export type ReferenceRange = { bounds: IndicatorBounds; low: bigint; high: bigint };

/** A reference range encrypted under the institution's own key, as published with the study. */
export type EncryptedRange = { low: PaillierCiphertext; high: PaillierCiphertext };

/** Options of {@link encryptRanges}. */
export type EncryptRangesOptions = {
  ranges: readonly ReferenceRange[];
  /** Blinding size the holders will use; default {@link DEFAULT_RANGE_LAMBDA}. */
  lambda?: number | undefined;
};

/**
 * Institution side, study publication: encrypts each reference range under the institution's
 * own key (the fix of research-protocol.md section 2) after checking low <= high inside the
 * bounds and that no holder's query can wrap modulo n.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_RANGE_WRAP`
 */
export function encryptRanges(publicKey: PaillierPublicKey, { ranges, lambda }: EncryptRangesOptions): EncryptedRange[] {
  const l = checkLambda(lambda);
  if (!Array.isArray(ranges)) throw invalidArgument('"ranges" expected an array');
  return ranges.map((range, j) => {
    assertNoWrap(publicKey, range.bounds, l, `ranges[${j}].bounds`);
    assertWithinBounds(`ranges[${j}].low`, range.low, range.bounds);
    assertWithinBounds(`ranges[${j}].high`, range.high, range.bounds);
    if (range.low > range.high) throw invalidArgument(`"ranges[${j}].low" must not exceed "ranges[${j}].high"`);
    return { low: encrypt(publicKey, range.low), high: encrypt(publicKey, range.high) };
  });
}
