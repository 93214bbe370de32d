import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { invalidArgument } from '../assert.ts'
import { assertCiphertextRange } from '../ciphertext.ts'
import type { PaillierPublicKey } from '../keys.ts'
import { buildRangeQueries, type HolderIndicator, type RangeQuery } from './buildRangeQueries.ts'
import { assertNoWrap, assertWithinBounds, checkLambda } from './rangeParameters.ts'

/** Options of {@link buildRangeQueriesInParallel}. */
export type BuildRangeQueriesInParallelOptions = {
  indicators: readonly HolderIndicator[]
  lambda?: number | undefined
  /** Worker threads; default the machine's available parallelism. 1 runs in this thread. */
  threads?: number | undefined
}

/** Below this many indicators a worker's start-up (about 0.2 s) costs more than it saves. */
const MIN_PER_THREAD = 32

/**
 * {@link buildRangeQueries} spread over worker threads: indicators are independent, each with
 * its own blindings and encryptions, so a holder with N cores finishes about N times sooner.
 * Same checks, same output order, same errors (a worker's error is rethrown as is).
 * @throws PaillierError as buildRangeQueries
 */
export async function buildRangeQueriesInParallel(publicKey: PaillierPublicKey, options: BuildRangeQueriesInParallelOptions): Promise<RangeQuery[]> {
  const { indicators, lambda } = options
  if (!Array.isArray(indicators)) throw invalidArgument('"indicators" expected an array')
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(indicators.length / MIN_PER_THREAD))
  if (threads <= 1) return buildRangeQueries(publicKey, { indicators, lambda })
  // Validate everything here, as buildRangeQueries does, so bad input fails with the same
  // PaillierError whatever the thread count (errors lose their code crossing a thread).
  const l = checkLambda(lambda)
  indicators.forEach((indicator, j) => {
    assertNoWrap(publicKey, indicator.bounds, l, `indicators[${j}].bounds`)
    assertWithinBounds(`indicators[${j}].value`, indicator.value, indicator.bounds)
    assertCiphertextRange(`indicators[${j}].range.low`, publicKey, indicator.range?.low)
    assertCiphertextRange(`indicators[${j}].range.high`, publicKey, indicator.range.high)
  })
  const size = Math.ceil(indicators.length / threads)
  const slices = Array.from({ length: threads }, (_, i) => indicators.slice(i * size, (i + 1) * size))
  const results = await Promise.all(slices.map((slice) => inWorker(publicKey.n, slice, lambda)))
  return results.flat()
}

function inWorker(n: bigint, indicators: readonly HolderIndicator[], lambda: number | undefined): Promise<RangeQuery[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rangeQueryWorker.mjs', import.meta.url), { workerData: { n, indicators, lambda } })
    worker.once('message', (queries: RangeQuery[]) => resolve(queries))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`range query worker exited with code ${code}`))
    })
  })
}
