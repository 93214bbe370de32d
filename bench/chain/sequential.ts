// One client doing one write at a time: sign, send, read the receipt, next. Its rate is the
// latency of a durable transaction, the figure a form submit in the UI waits on.
import { startRateTimer, type Rate } from '../lib/rateTimer.ts'
import type { BenchPublicClient, BenchWallet } from './benchClients.ts'
import { successfulReceipt } from './receipt.ts'
import type { WriteSigner } from './writeSigner.ts'

export interface SequentialParameters {
  client: BenchPublicClient
  wallet: BenchWallet
  signer: WriteSigner
  count: number
  /** Called after each confirmed transaction (progress bars). */
  onConfirmed?: () => void
}

/** Sends `count` writes one after another, each confirmed before the next is signed. */
export async function runSequential({ client, wallet, signer, count, onConfirmed }: SequentialParameters): Promise<Rate> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`"count" expected a positive integer, got ${count}`)
  const timer = startRateTimer()
  for (let i = 0; i < count; i++) {
    const serializedTransaction = await signer.sign(wallet)
    const hash = await wallet.sendRawTransaction({ serializedTransaction })
    await successfulReceipt(client, hash)
    onConfirmed?.()
  }
  return timer.stop(count)
}
