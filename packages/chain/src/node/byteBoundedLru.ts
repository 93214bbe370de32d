/** Bytes counted per entry beyond its key and value: the Map slot and the Uint8Array header. */
const ENTRY_OVERHEAD = 96

/**
 * A least-recently-used map bounded by the bytes it holds (keys, values and a fixed per-entry
 * overhead), not by its entry count: trie nodes range from 40 to 550 bytes.
 */
export class ByteBoundedLru {
  readonly #entries = new Map<string, Uint8Array | null>()
  readonly #maxBytes: number
  #bytes = 0

  constructor(maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new Error(`"maxBytes" expected a non-negative integer, got ${maxBytes}`)
    this.#maxBytes = maxBytes
  }

  /** The value (null: known absent), refreshed as most recently used; undefined when not cached. */
  get(key: string): Uint8Array | null | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  set(key: string, value: Uint8Array | null): void {
    const previous = this.#entries.get(key)
    if (previous !== undefined) {
      this.#bytes -= size(key, previous)
      this.#entries.delete(key)
    }
    this.#entries.set(key, value)
    this.#bytes += size(key, value)
    for (const [oldest, oldValue] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= size(oldest, oldValue)
    }
  }

  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }
}

function size(key: string, value: Uint8Array | null): number {
  return key.length + (value?.byteLength ?? 0) + ENTRY_OVERHEAD
}
