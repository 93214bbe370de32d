import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generateKeyPair } from '../generateKeyPair.ts'
import { PaillierError } from '../errors.ts'
import { buildRangeQueriesInParallel } from './buildRangeQueriesInParallel.ts'
import { classifyRangeQueries } from './classifyRangeQueries.ts'
import { encryptRanges } from './encryptRanges.ts'

describe('buildRangeQueriesInParallel', () => {
  it('classifies like the one-thread version, in order, across worker threads', async () => {
    const { publicKey, privateKey } = await generateKeyPair({ bits: 2048 })
    const bounds = { min: 0n, max: 300n }
    const cases = Array.from({ length: 70 }, (_, j) => ({ value: BigInt((j * 37) % 300), low: 90n, high: 140n }))
    const ranges = encryptRanges(publicKey, { ranges: cases.map((c) => ({ bounds, low: c.low, high: c.high })) })
    const indicators = cases.map((c, j) => ({ value: c.value, bounds, range: ranges[j]! }))
    const queries = await buildRangeQueriesInParallel(publicKey, { indicators, threads: 2 })
    const classes = classifyRangeQueries(privateKey, { queries, bounds: cases.map(() => bounds) })
    assert.deepEqual(classes, cases.map((c) => (c.value < c.low ? -1 : c.value > c.high ? 1 : 0)))

    const outside = indicators.map((indicator, j) => (j === 60 ? { ...indicator, value: 301n } : indicator))
    await assert.rejects(buildRangeQueriesInParallel(publicKey, { indicators: outside, threads: 2 }), (e: unknown) => e instanceof PaillierError && e.code === 'PAILLIER_INVALID_ARGUMENT')
  })
})
