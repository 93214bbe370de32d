// Confirms concurrently sent transactions by reading each new committed block's receipts once.
//
// Why not eth_getTransactionReceipt per transaction: the embedded node answers
// eth_sendRawTransaction early for a transaction queued behind a pending one from the same sender,
// and while a block is being written its transaction index is already readable but the block is
// not, so a receipt asked for then fails with "internal error in eth_getTransactionReceipt"
// (both are @medchain/chain bugs, reported; bench/README.md). Blocks at or below the head are
// committed, so reading them is safe; it is also one request per block instead of one per
// transaction, as an indexer would do.
import type { Hash, TransactionReceipt } from 'viem'
import type { BenchPublicClient } from './benchClients.ts'
import { assertSuccess } from './receipt.ts'

/** How often the head is polled, in ms: polling is a map lookup in the node, and latency counts. */
const POLL_MS = 1

export interface ReceiptWatcher {
  /** Resolves with the receipt once `hash` is in a committed block; rejects if it reverted. */
  confirmed(hash: Hash): Promise<TransactionReceipt>
  stop(): void
}

/** Starts watching from the current head: only transactions in later blocks are seen. */
export async function watchReceipts(client: BenchPublicClient): Promise<ReceiptWatcher> {
  let checked = await client.getBlockNumber({ cacheTime: 0 })
  const waiting = new Map<Hash, { resolve: (receipt: TransactionReceipt) => void; reject: (error: Error) => void }>()
  // Receipts seen before anyone asked (a send that returned after its block was read).
  const unclaimed = new Map<Hash, TransactionReceipt>()
  let failure: Error | undefined
  let stopped = false

  const settle = (receipt: TransactionReceipt) => {
    const waiter = waiting.get(receipt.transactionHash)
    if (waiter === undefined) return void unclaimed.set(receipt.transactionHash, receipt)
    waiting.delete(receipt.transactionHash)
    try {
      waiter.resolve(assertSuccess(receipt))
    } catch (error) {
      waiter.reject(error as Error)
    }
  }

  const poll = async () => {
    while (!stopped) {
      const head = await client.getBlockNumber({ cacheTime: 0 })
      if (head === checked) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        continue
      }
      for (let number = checked + 1n; number <= head; number++) {
        for (const receipt of await client.getBlockReceipts({ blockNumber: number })) settle(receipt)
      }
      checked = head
    }
  }
  poll().catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error))
    for (const waiter of waiting.values()) waiter.reject(failure)
    waiting.clear()
  })

  return {
    confirmed(hash) {
      if (failure !== undefined) return Promise.reject(failure)
      const receipt = unclaimed.get(hash)
      if (receipt !== undefined) {
        unclaimed.delete(hash)
        return Promise.resolve().then(() => assertSuccess(receipt))
      }
      return new Promise((resolve, reject) => waiting.set(hash, { resolve, reject }))
    },
    stop() {
      stopped = true
    },
  }
}
