import type { Address, PublicClient } from 'viem'

/**
 * Memoises chain reads until the state they depend on may have changed: when the head moves, the
 * new blocks' logs from the `watched` contracts are fetched, and the memo is dropped only if there
 * are any (every state change of those contracts emits an event). Without `watched`, any new block
 * drops it. The gateway's own anchors (a block every few hundred milliseconds under load) thus no
 * longer throw away every consent and membership answer. The head is asked on every read by
 * default (`headTtlMs` 0): a revocation this gateway just relayed must bind its very next request.
 */
export function createBlockScopedCache({
  publicClient,
  headTtlMs = 0,
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
  let refreshing: Promise<bigint> | undefined
  let entries = new Map<string, Promise<unknown>>()

  // One refresh at a time, covering both the head and the decision to drop the memo, so that no
  // caller reads the old memo once a newer head is known.
  const refresh = async (): Promise<bigint> => {
    const latest = await publicClient.getBlockNumber({ cacheTime: 0 })
    if (latest !== head) {
      const changed =
        head < 0n || watched === undefined || (await publicClient.getLogs({ address: [...watched], fromBlock: head + 1n, toBlock: latest })).length > 0
      if (changed) entries = new Map()
      head = latest
    }
    headCheckedAt = Date.now()
    return head
  }
  let queued: Promise<bigint> | undefined
  const start = (): Promise<bigint> => {
    refreshing = refresh().finally(() => {
      refreshing = undefined
    })
    return refreshing
  }
  const currentHead = async (): Promise<bigint> => {
    if (headTtlMs > 0 && Date.now() - headCheckedAt < headTtlMs && head >= 0n) return head
    if (refreshing === undefined) return start()
    // A refresh in flight may have read the head before this caller's own last write was
    // mined: wait for it, then share one more.
    queued ??= refreshing.then(() => {
      queued = undefined
      return refreshing ?? start()
    })
    return queued
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
