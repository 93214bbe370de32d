import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectPaillierError } from '../../test/expectPaillierError.ts';
import { measureBlindingLeakage } from './measureBlindingLeakage.ts';

// Ratio r/2^lambda is uniform on (0, 1): standard deviation about 0.29, so 20,000 samples put
// the mean within 0.002 (1 sigma) of the analytic value; the band below is 5 sigma.
const SAMPLES = 20_000;
const BAND = 0.011;

describe('measureBlindingLeakage', () => {
  it('the bound |y|/2^lambda reveals on average half of |d| (default lambda, |d| <= 1000)', () => {
    const leakage = measureBlindingLeakage({ samples: SAMPLES, maxDistance: 1000n });
    assert.ok(Math.abs(leakage.expectedMeanRatio - 0.5) < 0.001, `expected ${leakage.expectedMeanRatio}`);
    assert.ok(Math.abs(leakage.meanRatio - leakage.expectedMeanRatio) < BAND, `measured ${leakage.meanRatio}`);
    assert.ok(Math.abs(leakage.stdDevRatio - 1 / Math.sqrt(12)) < 0.02, `std dev ${leakage.stdDevRatio}`);
    assert.ok(leakage.meanFloorRatio <= leakage.meanRatio);
  });

  it('matches the analytic mean for small distances too (lambda = 40, |d| <= 3)', () => {
    const leakage = measureBlindingLeakage({ samples: SAMPLES, maxDistance: 3n, lambda: 40 });
    assert.ok(Math.abs(leakage.meanRatio - leakage.expectedMeanRatio) < 2 * BAND, `measured ${leakage.meanRatio}`);
  });

  it('refuses bad options', async () => {
    await expectPaillierError(() => measureBlindingLeakage({ samples: 0, maxDistance: 5n }), 'PAILLIER_INVALID_ARGUMENT', /"samples"/);
    await expectPaillierError(() => measureBlindingLeakage({ samples: 5, maxDistance: 0n }), 'PAILLIER_INVALID_ARGUMENT', /"maxDistance"/);
  });
});
