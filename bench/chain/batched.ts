// Many clients at once: transactions signed ahead, then sent with a bounded number in flight.
// The node seals whatever arrived while the previous block was being written (group commit), so
// this measures throughput, where the sequential run measures latency.
import type { Hex } from 'viem'
import { startRateTimer, type Rate } from '../lib/rateTimer.ts'
import type { BenchPublicClient, BenchWallet } from './benchClients.ts'
import { watchReceipts } from './receiptWatcher.ts'
import type { WriteSigner } from './writeSigner.ts'

/**
 * Signs `count` writes, taking the wallets in turn. Round robin keeps each account's run of
 * pending nonces short: the node parks at most 64 future nonces per sender.
 */
export async function presign(signer: WriteSigner, wallets: readonly BenchWallet[], count: number): Promise<Hex[]> {
  if (wallets.length === 0) throw new Error('"wallets" expected at least one wallet')
  const signed: Hex[] = []
  for (let i = 0; i < count; i++) signed.push(await signer.sign(wallets[i % wallets.length]!))
  return signed
}

export interface SubmitParameters {
  client: BenchPublicClient
  /** Sends the raw transactions; any wallet client will do, the signatures are already in them. */
  sender: BenchWallet
  signed: readonly Hex[]
  /** How many transactions may be sent and not yet confirmed at once. */
  inFlight: number
  onConfirmed?: () => void
}

export interface BatchRate extends Rate {
  /** Blocks the transactions landed in. */
  blocks: number
}

/**
 * Sends every transaction, keeping `inFlight` outstanding, in signing order (so each account's
 * nonces arrive in order); timed from the first send to the last successful receipt.
 */
export async function submitBatch({ client, sender, signed, inFlight, onConfirmed }: SubmitParameters): Promise<BatchRate> {
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new Error(`"inFlight" expected a positive integer, got ${inFlight}`)
  const blocks = new Set<bigint>()
  const watcher = await watchReceipts(client)
  let next = 0
  const worker = async () => {
    while (next < signed.length) {
      const serializedTransaction = signed[next++]!
      const hash = await sender.sendRawTransaction({ serializedTransaction })
      blocks.add((await watcher.confirmed(hash)).blockNumber)
      onConfirmed?.()
    }
  }
  const timer = startRateTimer()
  try {
    await Promise.all(Array.from({ length: Math.min(inFlight, signed.length) }, worker))
  } finally {
    watcher.stop()
  }
  return { ...timer.stop(signed.length), blocks: blocks.size }
}
