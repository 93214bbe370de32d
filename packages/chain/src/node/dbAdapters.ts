import type { BatchDBOp, DB, DBObject, EncodingOpts } from '@ethereumjs/util'
import { bytesToUtf8, hexToBytes, utf8ToBytes } from '@ethereumjs/util'
import { Namespace, type StagedStore } from './stagedStore.ts'

/**
 * Trie nodes for @ethereumjs/mpt: the trie addresses nodes by unprefixed hex strings, which we
 * store as raw bytes (half the size).
 */
export class TrieDB implements DB<string, string | Uint8Array> {
  readonly #store: StagedStore
  constructor(store: StagedStore) {
    this.#store = store
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.#store.get(Namespace.state, hexToBytes(`0x${key}`))
  }
  async put(key: string, value: string | Uint8Array): Promise<void> {
    this.#store.put(Namespace.state, hexToBytes(`0x${key}`), asBytes(value))
  }
  async del(key: string): Promise<void> {
    this.#store.del(Namespace.state, hexToBytes(`0x${key}`))
  }
  async batch(ops: BatchDBOp<string, string | Uint8Array>[]): Promise<void> {
    for (const op of ops) {
      if (op.type === 'put') await this.put(op.key, op.value)
      else await this.del(op.key)
    }
  }
  shallowCopy(): TrieDB {
    return new TrieDB(this.#store)
  }
  async open(): Promise<void> {}
}

type ChainKey = Uint8Array | string | number
type ChainValue = Uint8Array | string | DBObject
const ValueTag = { bytes: 0, string: 1, json: 2 } as const

/**
 * The block store of @ethereumjs/blockchain. It writes bytes, strings and JSON objects (its head
 * pointers), so each value carries a one-byte tag saying which it was.
 */
export class ChainDB implements DB<ChainKey, ChainValue> {
  readonly #store: StagedStore
  constructor(store: StagedStore) {
    this.#store = store
  }
  async get(key: ChainKey, _opts?: EncodingOpts): Promise<ChainValue | undefined> {
    const raw = await this.#store.get(Namespace.chain, keyBytes(key))
    if (raw === undefined) return undefined
    const body = raw.subarray(1)
    if (raw[0] === ValueTag.string) return bytesToUtf8(body)
    if (raw[0] === ValueTag.json) return JSON.parse(bytesToUtf8(body)) as DBObject
    return body
  }
  async put(key: ChainKey, value: ChainValue, _opts?: EncodingOpts): Promise<void> {
    this.#store.put(Namespace.chain, keyBytes(key), tagged(value))
  }
  async del(key: ChainKey, _opts?: EncodingOpts): Promise<void> {
    this.#store.del(Namespace.chain, keyBytes(key))
  }
  async batch(ops: BatchDBOp<ChainKey, ChainValue>[]): Promise<void> {
    for (const op of ops) {
      if (op.type === 'put') await this.put(op.key, op.value)
      else await this.del(op.key)
    }
  }
  shallowCopy(): ChainDB {
    return new ChainDB(this.#store)
  }
  async open(): Promise<void> {}
}

function asBytes(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? hexToBytes(value.startsWith('0x') ? (value as `0x${string}`) : `0x${value}`) : value
}

function keyBytes(key: ChainKey): Uint8Array {
  if (key instanceof Uint8Array) return key
  return utf8ToBytes(`#${String(key)}`)
}

function tagged(value: ChainValue): Uint8Array {
  let tag: number
  let body: Uint8Array
  if (value instanceof Uint8Array) [tag, body] = [ValueTag.bytes, value]
  else if (typeof value === 'string') [tag, body] = [ValueTag.string, utf8ToBytes(value)]
  else [tag, body] = [ValueTag.json, utf8ToBytes(JSON.stringify(value))]
  const out = new Uint8Array(body.length + 1)
  out[0] = tag
  out.set(body, 1)
  return out
}
