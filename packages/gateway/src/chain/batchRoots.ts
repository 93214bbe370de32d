import type { Address, Hex, PublicClient } from 'viem'
import { GatewayError } from '../errors.ts'

/** Reads whether a Merkle root was anchored, by whom, on a contract with `getBatch(bytes32)`. */
export type BatchReader = (root: Hex) => Promise<{ anchoredBy: Address; count: number } | undefined>

type GetBatchAbi = readonly unknown[]

/**
 * Anchored batch roots, read from the chain and kept once found: an anchored root never changes
 * or disappears, so a positive answer can be cached for good, while an unknown root is asked
 * again every time (it may be anchored a moment later).
 */
export function createBatchRootCache({
  publicClient,
  address,
  abi,
  field,
  maxEntries = 100_000,
}: {
  publicClient: PublicClient
  address: Address
  abi: GetBatchAbi
  /** Name of the anchoring member's field in the Batch struct: `custodian` or `member`. */
  field: 'custodian' | 'member'
  maxEntries?: number
}): BatchReader {
  const known = new Map<string, { anchoredBy: Address; count: number }>()
  return async (root) => {
    const cached = known.get(root)
    if (cached !== undefined) return cached
    let batch: Record<string, unknown>
    try {
      batch = (await publicClient.readContract({ address, abi: abi as never, functionName: 'getBatch' as never, args: [root] as never })) as Record<string, unknown>
    } catch (error) {
      throw new GatewayError('The chain node did not answer a batch lookup', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
    }
    const anchoredBy = batch[field] as Address
    if (/^0x0{40}$/.test(anchoredBy)) return undefined
    const found = { anchoredBy, count: Number(batch.count) }
    if (known.size >= maxEntries) known.delete(known.keys().next().value as string)
    known.set(root, found)
    return found
  }
}
