// The receipt of a sent transaction, checked for success.
import type { Hash, TransactionReceipt } from 'viem'
import type { BenchPublicClient } from './benchClients.ts'

/** Throws unless `receipt` records a successful execution. */
export function assertSuccess(receipt: TransactionReceipt): TransactionReceipt {
  if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted in block ${receipt.blockNumber}`)
  return receipt
}

/**
 * The receipt of `hash`, which must have succeeded. Only for a transaction whose send has
 * returned with nothing else pending from its sender: the node answers such a send once the block
 * is durable, so the receipt is there at once (for concurrent sends, see receiptWatcher.ts).
 */
export async function successfulReceipt(client: BenchPublicClient, hash: Hash): Promise<TransactionReceipt> {
  return assertSuccess(await client.getTransactionReceipt({ hash }))
}
