/** Options of {@link createGroupCommit}. */
export type CreateGroupCommitOptions<T, R> = {
  /** Writes one group; returns one result per item, in order. Runs one group at a time. */
  flush: (items: T[]) => Promise<R[]>
  /** A group closes at this many items (default 4,096). */
  maxItems?: number | undefined
  /**
   * How long the first item of a group waits for company (default 0: a group closes when the
   * previous flush ends, so load alone sets the group size, as the chain's block sealer does).
   */
  maxWaitMs?: number | undefined
}

/** A group committer; see {@link createGroupCommit}. */
export type GroupCommit<T, R> = {
  /** Queues `items` and resolves with their results once their group is written. */
  add(items: readonly T[]): Promise<R[]>
  /** Resolves once everything queued so far is written (or failed). */
  drain(): Promise<void>
}

type Waiter<T, R> = { items: readonly T[]; resolve: (results: R[]) => void; reject: (error: unknown) => void }

/**
 * Merges concurrent writes into groups so that one chain transaction or one fsync serves many
 * callers. Each caller's promise settles with its own items' results, or with the group's error:
 * a failed group fails every caller in it and nothing of it counts as written.
 */
export function createGroupCommit<T, R>({ flush, maxItems = 4096, maxWaitMs = 0 }: CreateGroupCommitOptions<T, R>): GroupCommit<T, R> {
  let queue: Waiter<T, R>[] = []
  let queued = 0
  let running: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined

  const take = (): Waiter<T, R>[] => {
    const group: Waiter<T, R>[] = []
    let size = 0
    while (queue.length > 0 && (group.length === 0 || size + (queue[0] as Waiter<T, R>).items.length <= maxItems)) {
      const next = queue.shift() as Waiter<T, R>
      size += next.items.length
      group.push(next)
    }
    queued -= size
    return group
  }

  const run = async (): Promise<void> => {
    while (queue.length > 0) {
      const group = take()
      try {
        const results = await flush(group.flatMap((waiter) => waiter.items))
        let at = 0
        for (const waiter of group) {
          waiter.resolve(results.slice(at, at + waiter.items.length))
          at += waiter.items.length
        }
      } catch (error) {
        for (const waiter of group) waiter.reject(error)
      }
    }
    running = undefined
  }

  const start = () => {
    timer = undefined
    running ??= run()
  }

  return {
    add(items) {
      return new Promise<R[]>((resolve, reject) => {
        if (items.length === 0) return resolve([])
        queue.push({ items, resolve, reject })
        queued += items.length
        if (running !== undefined) return
        if (maxWaitMs === 0 || queued >= maxItems) {
          if (timer !== undefined) clearTimeout(timer)
          start()
        } else timer ??= setTimeout(start, maxWaitMs)
      })
    },
    async drain() {
      while (running !== undefined || timer !== undefined || queue.length > 0) {
        if (running === undefined && timer === undefined) start()
        await running
        if (timer !== undefined) await new Promise((resolve) => setTimeout(resolve, maxWaitMs))
      }
    },
  }
}
