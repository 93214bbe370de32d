// Fills the chain to a target size with batched writes, stopping at regular marks to time a
// sequential window, so the cost per transaction can be plotted against the size of the state.
import type { BenchClients } from './benchClients.ts'
import { presign, submitBatch } from './batched.ts'
import { runSequential } from './sequential.ts'
import type { WriteSigner } from './writeSigner.ts'
import { createProgress } from '../lib/progress.ts'
import type { Rate } from '../lib/rateTimer.ts'

/** A sequential window: how many writes the chain held when it began, and its rate. */
export interface WindowPoint {
  size: number
  rate: Rate
}

export interface GrowthParameters {
  clients: BenchClients
  signer: WriteSigner
  /** The window timed when growth began (`measureWindow`), if taken earlier; otherwise one is timed now. */
  start?: WindowPoint
  /** Writes the chain should hold at the last mark. */
  target: number
  /** Distance between measuring marks, in writes. */
  every: number
  /** Sequential writes timed at each mark. */
  window: number
  /**
   * Windows timed at the last mark, the median kept: growth_ratio rests on the first and last
   * windows, and one window on a shared machine can be off by a third.
   */
  edgeRepeats: number
  /** Writes signed ahead at most: bounds memory however large the target. */
  chunk: number
  inFlight: number
}

export interface GrowthResult {
  /** One sequential window at each mark, the first one where growth began. */
  windows: WindowPoint[]
  /** [writes in the chain, batched wall ms per tx] for the fill that led up to each mark. */
  batched: [number, number][]
}

/**
 * Times `window` sequential writes from the first wallet. Sequential, so the figure is the
 * latency of one durable write at this size of state, with no batching to hide it.
 */
export async function measureWindow(clients: BenchClients, signer: WriteSigner, window: number, onConfirmed?: () => void): Promise<WindowPoint> {
  const [wallet] = clients.wallets
  if (wallet === undefined) throw new Error('"clients" expected at least one wallet')
  const size = signer.signed
  const rate = await runSequential({ client: clients.public, wallet, signer, count: window, ...(onConfirmed ? { onConfirmed } : {}) })
  return { size, rate }
}

/** Times `repeats` windows back to back and keeps the median one, sized where the first began. */
export async function measureMedianWindow(
  clients: BenchClients,
  signer: WriteSigner,
  window: number,
  repeats: number,
  onConfirmed?: () => void,
): Promise<WindowPoint> {
  const windows: WindowPoint[] = []
  for (let i = 0; i < repeats; i++) windows.push(await measureWindow(clients, signer, window, onConfirmed))
  const median = [...windows].sort((a, b) => a.rate.msPerItem - b.rate.msPerItem)[Math.floor((windows.length - 1) / 2)]
  if (median === undefined) throw new Error(`"repeats" expected at least 1, got ${repeats}`)
  return { size: windows[0]!.size, rate: median.rate }
}

/** Times a window at the start (unless given), then at every multiple of `every` up to `target`. */
export async function runGrowth({ clients, start, signer, target, every, window, edgeRepeats, chunk, inFlight }: GrowthParameters): Promise<GrowthResult> {
  const [wallet] = clients.wallets
  if (wallet === undefined) throw new Error('"clients" expected at least one wallet')
  const result: GrowthResult = { windows: start ? [start] : [], batched: [] }
  // The last windows are written past the target.
  const progress = createProgress({ label: 'growth', total: Math.max(0, target - signer.signed) + window * edgeRepeats, unit: 'tx' })
  const tick = () => progress.tick()
  const measure = async (repeats: number) => void result.windows.push(await measureMedianWindow(clients, signer, window, repeats, tick))

  if (start === undefined) await measure(edgeRepeats)
  while (signer.signed < target) {
    const mark = Math.min(target, (Math.floor(signer.signed / every) + 1) * every)
    const fill = mark - signer.signed
    let filledMs = 0
    while (signer.signed < mark) {
      const signed = await presign(signer, clients.wallets, Math.min(chunk, mark - signer.signed))
      filledMs += (await submitBatch({ client: clients.public, sender: wallet, signed, inFlight, onConfirmed: tick })).seconds * 1000
    }
    result.batched.push([mark, filledMs / fill])
    await measure(mark === target ? edgeRepeats : 1)
  }
  progress.done()
  return result
}
