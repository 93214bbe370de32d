import { assertBigInt, assertInteger } from '../assert.ts';
import { randomBetween } from '../bigint.ts';
import { checkLambda } from './rangeParameters.ts';
import { sampleBlinding } from './sampleBlinding.ts';

/** Options of {@link measureBlindingLeakage}. */
export type MeasureBlindingLeakageOptions = {
  /** Number of simulated queries. */
  samples: number;
  /** Distances d = v - lo are drawn uniformly from [-maxDistance, maxDistance] without 0. */
  maxDistance: bigint;
  /** Blinding size; default {@link DEFAULT_RANGE_LAMBDA}. */
  lambda?: number | undefined;
};

/** What {@link measureBlindingLeakage} found. */
export type BlindingLeakage = {
  samples: number;
  /** Mean of (|y| / 2^lambda) / |d|: the share of |d| the institution's bound reveals. */
  meanRatio: number;
  /** The same mean predicted analytically for the sampled distances (1/2 for symmetric d). */
  expectedMeanRatio: number;
  /** Standard deviation of the ratio across samples. */
  stdDevRatio: number;
  /** Mean of floor(|y| / 2^lambda) / |d|: the bound as a provable integer, lower for small |d|. */
  meanFloorRatio: number;
};

/**
 * Simulates the multiplicative blinding y = r*d + s of A_j (research-protocol.md section 4,
 * honest limits) and measures what the institution learns: from y alone, |d| >= |y| / 2^lambda.
 * Analytically r is uniform on [1, 2^lambda), so E[r] / 2^lambda = 1/2, and E[s | r] = (r-1)/2
 * adds (2^(lambda-1) - 1) / (2^(lambda+1) |d|) for d > 0 and subtracts it for d < 0: the bound is
 * on average half of |d|, a little more for small positive d. B_j = r'd - s' mirrors this.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`
 */
export function measureBlindingLeakage({ samples, maxDistance, lambda }: MeasureBlindingLeakageOptions): BlindingLeakage {
  const l = checkLambda(lambda);
  assertInteger('samples', samples, 1, 10_000_000);
  assertBigInt('maxDistance', maxDistance, 1n);
  const scale = 2 ** l;
  const sBias = (2 ** (l - 1) - 1) / 2 ** (l + 1);
  let sum = 0;
  let sumSquares = 0;
  let expected = 0;
  let floorSum = 0;
  for (let i = 0; i < samples; i++) {
    const magnitude = randomBetween(1n, maxDistance + 1n);
    const d = randomBetween(0n, 2n) === 0n ? -magnitude : magnitude;
    const { r, s } = sampleBlinding(l);
    const y = r * d + s;
    const absY = y < 0n ? -y : y;
    const ratio = Number(absY) / scale / Number(magnitude);
    sum += ratio;
    sumSquares += ratio * ratio;
    floorSum += Number(absY >> BigInt(l)) / Number(magnitude);
    expected += 0.5 + (d > 0n ? sBias : -sBias) / Number(magnitude);
  }
  const meanRatio = sum / samples;
  return {
    samples,
    meanRatio,
    expectedMeanRatio: expected / samples,
    stdDevRatio: Math.sqrt(Math.max(0, sumSquares / samples - meanRatio * meanRatio)),
    meanFloorRatio: floorSum / samples,
  };
}
