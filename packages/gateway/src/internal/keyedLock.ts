/**
 * Serialises work per key (e.g. per record, so two updates of one record cannot both build on the
 * same version) while different keys run concurrently.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<void>>()
  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve()
      let release!: () => void
      const current = new Promise<void>((resolve) => {
        release = resolve
      })
      const tail = previous.then(() => current)
      tails.set(key, tail)
      await previous
      try {
        return await fn()
      } finally {
        release()
        if (tails.get(key) === tail) tails.delete(key)
      }
    },
  }
}

/** What {@link createKeyedLock} returns. */
export type KeyedLock = ReturnType<typeof createKeyedLock>
