import type { PublicClient } from 'viem'

/**
 * Memoises chain reads for as long as the chain head stays the same block: what the chain said at
 * block N is what it says until block N+1. The head is asked at most every `headTtlMs`, so one
 * request burst costs one eth_blockNumber. An answer read while the head moved is dropped.
 */
export function createBlockScopedCache({ publicClient, headTtlMs = 100, maxEntries = 50_000 }: { publicClient: PublicClient; headTtlMs?: number; maxEntries?: number }) {
  let head = -1n
  let headCheckedAt = 0
  let headRequest: Promise<bigint> | undefined
  let entries = new Map<string, Promise<unknown>>()

  const currentHead = async (): Promise<bigint> => {
    if (Date.now() - headCheckedAt < headTtlMs && head >= 0n) return head
    headRequest ??= publicClient.getBlockNumber({ cacheTime: 0 }).finally(() => {
      headRequest = undefined
    })
    const latest = await headRequest
    headCheckedAt = Date.now()
    if (latest !== head) {
      head = latest
      entries = new Map()
    }
    return head
  }

  return {
    /** The head block the cache currently answers for. */
    head: currentHead,
    /** `load()`'s answer, shared by every caller asking `key` while the head is unchanged. */
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      await currentHead()
      const cached = entries.get(key)
      if (cached !== undefined) return cached as Promise<T>
      if (entries.size >= maxEntries) entries = new Map()
      const pending = load()
      const owner = entries
      owner.set(key, pending)
      pending.catch(() => owner.delete(key))
      return pending
    },
  }
}

/** What {@link createBlockScopedCache} returns. */
export type BlockScopedCache = ReturnType<typeof createBlockScopedCache>
