// Worker side of buildRangeQueriesInParallel: builds the queries of one slice of indicators.
import { parentPort, workerData } from 'node:worker_threads'
import { publicKeyFromModulus } from '../keys.ts'
import { buildRangeQueries, type HolderIndicator } from './buildRangeQueries.ts'

const { n, indicators, lambda } = workerData as { n: bigint; indicators: HolderIndicator[]; lambda: number | undefined }
// The key arrives as plain data; rebuilding it re-derives (and re-checks) what the worker caches.
const queries = buildRangeQueries(publicKeyFromModulus(n, { unsafeAllowAnySize: true }), { indicators, lambda })
parentPort!.postMessage(queries)
