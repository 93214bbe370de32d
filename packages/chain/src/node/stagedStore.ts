import { ClassicLevel } from 'classic-level'
import { ByteBoundedLru } from './byteBoundedLru.ts'

/** Default size of the committed-data cache (trie nodes, blocks, receipts). */
export const DEFAULT_CACHE_BYTES = 128 * 1024 * 1024

/** One namespace of the node's database: a one-byte prefix keeps namespaces apart. */
export const Namespace = {
  state: 0x73, // 's': Merkle Patricia trie nodes (world state and storage tries)
  chain: 0x63, // 'c': blocks, headers, canonical index (owned by @ethereumjs/blockchain)
  receipts: 0x72, // 'r': receipts per block
  txIndex: 0x74, // 't': transaction hash -> block number and position
  logBloom: 0x62, // 'b': bloom of blocks that have logs, by block number
  logAddress: 0x61, // 'a': (emitter address, block number) pairs
  seal: 0x6c, // 'l': authority signature per block
  meta: 0x6d, // 'm': node metadata (genesis, head)
} as const
export type Namespace = (typeof Namespace)[keyof typeof Namespace]

/**
 * The node's LevelDB with a write overlay. Everything one block changes (trie nodes, the block,
 * receipts, indexes) is staged in memory and written by `commit()` as a single LevelDB batch, so a
 * crash (even kill -9) leaves either the whole block on disk or none of it.
 */
export class StagedStore {
  readonly #db: ClassicLevel<Uint8Array, Uint8Array>
  #staged = new Map<string, Uint8Array | null>()
  /**
   * Committed values by recent use, bounded in bytes (read-through and write-through). Each
   * transaction walks trie paths the last blocks wrote or read; past ~30k writes those paths
   * miss LevelDB's block cache (its blocks are full of stale node versions) and the reads alone
   * cost 0.5 ms a transaction. Geth keeps a "trie clean cache" for the same reason.
   */
  readonly #cache: ByteBoundedLru

  private constructor(db: ClassicLevel<Uint8Array, Uint8Array>, cacheBytes: number) {
    this.#db = db
    this.#cache = new ByteBoundedLru(cacheBytes)
  }

  /**
   * Opens (creating if needed) the store at `path`. Reads are synchronous (`getSync`) against a
   * 64 MiB block cache: on a chain of 100k writes each transaction reads ~3.6 cold trie nodes, and
   * an async read costs a threadpool round trip (0.27 ms measured) where a cached sync read costs
   * 0.04 ms, which kept the per-transaction cost from growing with the chain.
   */
  static async open(path: string, cacheBytes = DEFAULT_CACHE_BYTES): Promise<StagedStore> {
    const db = new ClassicLevel<Uint8Array, Uint8Array>(path, {
      keyEncoding: 'view',
      valueEncoding: 'view',
      cacheSize: 64 * 1024 * 1024,
      writeBufferSize: 16 * 1024 * 1024,
    })
    await db.open()
    return new StagedStore(db, cacheBytes)
  }

  /** What readers may see: committed data only, never the block being sealed. */
  async getCommitted(namespace: Namespace, key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#readCommitted(prefixed(namespace, key))
  }

  /** What the sealer sees: committed data overlaid with what the current block staged. */
  async get(namespace: Namespace, key: Uint8Array): Promise<Uint8Array | undefined> {
    const full = prefixed(namespace, key)
    const staged = this.#staged.get(toMapKey(full))
    if (staged !== undefined) return staged ?? undefined
    return this.#readCommitted(full)
  }

  #readCommitted(full: Uint8Array): Uint8Array | undefined {
    const mapKey = toMapKey(full)
    const cached = this.#cache.get(mapKey)
    if (cached !== undefined) return cached ?? undefined
    const value = this.#db.getSync(full)
    this.#cache.set(mapKey, value ?? null)
    return value
  }

  put(namespace: Namespace, key: Uint8Array, value: Uint8Array): void {
    this.#staged.set(toMapKey(prefixed(namespace, key)), value)
  }

  del(namespace: Namespace, key: Uint8Array): void {
    this.#staged.set(toMapKey(prefixed(namespace, key)), null)
  }

  /** Writes everything staged in one atomic batch; `sync` also waits for the disk (fsync). */
  async commit(sync: boolean): Promise<void> {
    if (this.#staged.size === 0) return
    const ops = [...this.#staged].map(([key, value]) =>
      value === null
        ? { type: 'del' as const, key: fromMapKey(key) }
        : { type: 'put' as const, key: fromMapKey(key), value },
    )
    await this.#db.batch(ops, { sync })
    for (const [key, value] of this.#staged) this.#cache.set(key, value)
    this.#staged = new Map()
  }

  /** Forgets everything staged since the last commit. */
  discard(): void {
    this.#staged = new Map()
  }

  get stagedCount(): number {
    return this.#staged.size
  }

  /** Keys of `namespace` between `from` and `to` (inclusive), in order, from committed data. */
  async keys(namespace: Namespace, from: Uint8Array, to: Uint8Array, limit: number): Promise<Uint8Array[]> {
    const out: Uint8Array[] = []
    for await (const key of this.#db.keys({ gte: prefixed(namespace, from), lte: prefixed(namespace, to), limit })) {
      out.push(key.subarray(1))
    }
    return out
  }

  async close(): Promise<void> {
    await this.#db.close()
  }
}

/** Keys of the in-memory maps: one character per byte (latin1), cheaper to build than hex. */
function toMapKey(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1')
}

function fromMapKey(key: string): Uint8Array {
  return new Uint8Array(Buffer.from(key, 'latin1'))
}

function prefixed(namespace: Namespace, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1)
  out[0] = namespace
  out.set(key, 1)
  return out
}
