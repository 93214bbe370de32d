import type { Address, PublicClient } from 'viem'

/**
 * Memoises chain reads until the state they depend on may have changed: when the head moves, the
 * new blocks' logs from the `watched` contracts are fetched, and the memo is dropped only if there
 * are any (every state change of those contracts emits an event). Without `watched`, any new block
 * drops it. The gateway's own anchors (a block every few hundred milliseconds under load) thus no
 * longer throw away every consent and membership answer. The head is asked at most every
 * `headTtlMs`, so a burst of requests costs one eth_blockNumber.
 */
export function createBlockScopedCache({
  publicClient,
  headTtlMs = 100,
  maxEntries = 50_000,
  watched,
}: {
  publicClient: PublicClient
  headTtlMs?: number
  maxEntries?: number
  /** Contracts whose events (and only whose events) invalidate the memo. */
  watched?: readonly Address[] | undefined
}) {
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
      const changed =
        head < 0n || watched === undefined || (await publicClient.getLogs({ address: [...watched], fromBlock: head + 1n, toBlock: latest })).length > 0
      if (changed) entries = new Map()
      head = latest
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
