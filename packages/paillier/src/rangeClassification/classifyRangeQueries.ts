import { invalidArgument } from '../assert.ts';
import { decryptSigned } from '../decrypt.ts';
import { PaillierError } from '../errors.ts';
import type { PaillierPrivateKey } from '../keys.ts';
import type { RangeQuery } from './buildRangeQueries.ts';
import { type IndicatorBounds, assertNoWrap, checkLambda, honestQueryBound } from './rangeParameters.ts';

/** Below the reference range (-1), inside it (0), above it (1). */
export type RangeClass = -1 | 0 | 1;

/** Options of {@link classifyRangeQueries}. */
export type ClassifyRangeQueriesOptions = {
  queries: readonly RangeQuery[];
  /** The study's bounds, one per query, as the holder used them. */
  bounds: readonly IndicatorBounds[];
  /** Blinding size; default {@link DEFAULT_RANGE_LAMBDA}. Must match the holder's. */
  lambda?: number | undefined;
};

function outOfBounds(j: number, what: string): PaillierError {
  return new PaillierError(`query ${j}: ${what}`, { code: 'PAILLIER_CLASSIFICATION_OUT_OF_BOUNDS' });
}

/**
 * Institution side of research-protocol.md section 4: decrypts A_j and B_j (signed: above n/2
 * reads negative) and returns -1 if A_j < 0, 1 if B_j > 0, else 0. A decrypted value larger than
 * an honest holder can produce within the bounds, or both A_j < 0 and B_j > 0, means a malformed
 * or dishonest query and is refused rather than classified (it cannot prove honesty: a holder may
 * still blind another value than the committed one, see the protocol's honest limits).
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_INVALID_CIPHERTEXT`, `PAILLIER_RANGE_WRAP`, `PAILLIER_CLASSIFICATION_OUT_OF_BOUNDS`
 */
export function classifyRangeQueries(privateKey: PaillierPrivateKey, { queries, bounds, lambda }: ClassifyRangeQueriesOptions): RangeClass[] {
  const l = checkLambda(lambda);
  if (!Array.isArray(queries) || !Array.isArray(bounds)) throw invalidArgument('"queries" and "bounds" expected arrays');
  if (queries.length !== bounds.length) throw invalidArgument(`"bounds" expected ${queries.length} entries, got ${bounds.length}`);
  return queries.map((query, j) => {
    const indicatorBounds = bounds[j] as IndicatorBounds;
    assertNoWrap(privateKey.publicKey, indicatorBounds, l, `bounds[${j}]`);
    const limit = honestQueryBound(indicatorBounds, l);
    const a = decryptSigned(privateKey, query.a);
    const b = decryptSigned(privateKey, query.b);
    if (a >= limit || -a >= limit || b >= limit || -b >= limit) throw outOfBounds(j, 'decrypted value beyond the honest bound 2^lambda * (max - min + 1)');
    if (a < 0n && b > 0n) throw outOfBounds(j, 'below the low end and above the high end at once');
    return a < 0n ? -1 : b > 0n ? 1 : 0;
  });
}
