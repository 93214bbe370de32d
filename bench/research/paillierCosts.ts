// Holder and institution computation cost of private range classification with Paillier
// (research-protocol.md section 4), for the research benchmark. Not registered in bench/run.ts:
// the research benchmark calls these functions. Run alone: `tsx bench/research/paillierCosts.ts 100`.
import { randomInt } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import {
  type HolderIndicator,
  type IndicatorBounds,
  type PaillierKeyBits,
  type PaillierKeyPair,
  buildRangeQueries,
  buildRangeQueriesInParallel,
  classifyRangeQueries,
  decrypt,
  encrypt,
  encryptRanges,
  generateKeyPair,
} from '@medchain/paillier'

/** What {@link measurePaillierCosts} measured, wall-clock and process CPU. */
export interface PaillierCosts {
  indicators: number
  keyBits: PaillierKeyBits
  /** Holder: building A_j and B_j for every indicator (blinding, encryptions, re-randomisation). */
  holderSeconds: number
  holderCpuSeconds: number
  /** Holder again, spread over worker threads (buildRangeQueriesInParallel): wall seconds. */
  holderParallelSeconds: number
  holderThreads: number
  /** Institution: decrypting every A_j and B_j and classifying. */
  institutionSeconds: number
  institutionCpuSeconds: number
  /** Median single-operation costs on the same key, for the record. */
  encryptMs: number
  decryptMs: number
}

const keys = new Map<PaillierKeyBits, Promise<PaillierKeyPair>>()

/** One key pair per size per process: key generation is the institution's one-off, not timed. */
function keyPair(keyBits: PaillierKeyBits): Promise<PaillierKeyPair> {
  let pair = keys.get(keyBits)
  if (!pair) {
    pair = generateKeyPair({ bits: keyBits })
    keys.set(keyBits, pair)
  }
  return pair
}

// A study's indicators: encoded values in plausible bounds [0, 1000], reference ranges inside.
function workload(n: number): { bounds: IndicatorBounds; low: bigint; high: bigint; value: bigint }[] {
  return Array.from({ length: n }, () => {
    const a = BigInt(randomInt(0, 1001))
    const b = BigInt(randomInt(0, 1001))
    return { bounds: { min: 0n, max: 1000n }, low: a < b ? a : b, high: a < b ? b : a, value: BigInt(randomInt(0, 1001)) }
  })
}

function timed<T>(fn: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const result = fn()
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  return { result, seconds, cpuSeconds: (used.user + used.system) / 1e6 }
}

function medianMs(samples: number, fn: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < samples; i++) times.push(timed(fn).seconds * 1000)
  times.sort((x, y) => x - y)
  return times[Math.floor(times.length / 2)] as number
}

/**
 * Measures both sides for `n` indicators under a `keyBits` institution key. Untimed set-up: key
 * generation, the institution's encrypted ranges, and one warm-up encryption and decryption
 * (the per-key DJN base and OpenSSL contexts, made once per study key: about 30 ms at 2048 bits).
 */
export async function measurePaillierCosts(n: number, keyBits: PaillierKeyBits = 2048): Promise<PaillierCosts> {
  const { publicKey, privateKey } = await keyPair(keyBits)
  decrypt(privateKey, encrypt(publicKey, 1n))
  const cases = workload(n)
  const ranges = encryptRanges(publicKey, { ranges: cases })
  const indicators: HolderIndicator[] = cases.map((c, j) => ({ value: c.value, bounds: c.bounds, range: ranges[j]! }))

  const holder = timed(() => buildRangeQueries(publicKey, { indicators }))
  const threads = availableParallelism()
  const parallelStart = performance.now()
  const parallel = await buildRangeQueriesInParallel(publicKey, { indicators, threads })
  const holderParallelSeconds = (performance.now() - parallelStart) / 1000
  const bounds = cases.map((c) => c.bounds)
  const institution = timed(() => classifyRangeQueries(privateKey, { queries: holder.result, bounds }))
  const expected = cases.map((c) => (c.value < c.low ? -1 : c.value > c.high ? 1 : 0))
  if (institution.result.some((cls, j) => cls !== expected[j])) throw new Error('range classification disagrees with the plain comparison')
  const parallelClasses = classifyRangeQueries(privateKey, { queries: parallel, bounds })
  if (parallelClasses.some((cls, j) => cls !== expected[j])) throw new Error('parallel range classification disagrees with the plain comparison')

  const sample = encrypt(publicKey, 42n)
  return {
    indicators: n,
    keyBits,
    holderSeconds: holder.seconds,
    holderCpuSeconds: holder.cpuSeconds,
    holderParallelSeconds,
    holderThreads: threads,
    institutionSeconds: institution.seconds,
    institutionCpuSeconds: institution.cpuSeconds,
    encryptMs: medianMs(21, () => encrypt(publicKey, 42n)),
    decryptMs: medianMs(21, () => decrypt(privateKey, sample)),
  }
}

/** Holder seconds (wall) to build A_j, B_j for `n` indicators under a `keyBits` key. */
export async function measureHolderCost(n: number, keyBits: PaillierKeyBits = 2048): Promise<number> {
  return (await measurePaillierCosts(n, keyBits)).holderSeconds
}

/** Institution seconds (wall) to decrypt and classify `n` indicators' queries. */
export async function measureInstitutionCost(n: number, keyBits: PaillierKeyBits = 2048): Promise<number> {
  return (await measurePaillierCosts(n, keyBits)).institutionSeconds
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 100)
  const bits = Number(process.argv[3] ?? 2048) as PaillierKeyBits
  console.log(await measurePaillierCosts(n, bits))
}
