import { ClassicLevel } from 'classic-level'
import type { Hex } from '@medchain/crypto'
import { assertContentHash } from './contentHash.ts'
import { StoreError } from './errors.ts'

/** A record's data key, ECIES-wrapped per reader: reader id (e.g. "patient", "custodian") -> payload. */
export type WrappedKeys = Record<string, Uint8Array>

/** Why and when a record's keys were destroyed. */
export type Erasure = { reason: string; erasedAt: string }

/**
 * The wrapped data keys of the records a custodian holds, apart from the immutable blobs so that
 * erasure can destroy them (crypto-shredding). Local state: the chain cannot rebuild it.
 */
export type KeyStore = {
  /** Stores each record's wrapped keys in one fsynced batch. */
  putMany(entries: readonly { hash: Hex; keys: WrappedKeys }[]): Promise<void>
  /** The wrapped keys of the record whose ciphertext has `hash`; undefined when absent or shredded. */
  get(hash: Hex): Promise<WrappedKeys | undefined>
  /**
   * Destroys the record's keys and leaves a tombstone with the reason. The keys are deleted and
   * the key range compacted, so that no copy survives in LevelDB's log or tables.
   */
  shred(hash: Hex, reason: string): Promise<Erasure>
  /** The tombstone of a shredded record. */
  erasure(hash: Hex): Promise<Erasure | undefined>
  /**
   * Remembers the blob holding the manifest of an anchored batch (its leaves in order), so that
   * the index can be rebuilt from the chain and the store alone.
   */
  putManifest(root: Hex, manifestHash: Hex): Promise<void>
  /** Every batch root with its manifest blob, in root order. */
  listManifests(): Promise<{ root: Hex; manifestHash: Hex }[]>
  close(): Promise<void>
}

const KEY = 0x6b // 'k'
const TOMBSTONE = 0x74 // 't'
const MANIFEST = 0x6d // 'm'

function dbKey(prefix: number, hash: Hex): Buffer {
  const key = Buffer.allocUnsafe(33)
  key[0] = prefix
  key.write(hash.slice(2), 1, 'hex')
  return key
}

function encodeKeys(keys: WrappedKeys): Buffer {
  return Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(keys).map(([id, payload]) => [id, Buffer.from(payload).toString('base64')]))))
}

function decodeKeys(value: Buffer): WrappedKeys {
  const parsed = JSON.parse(value.toString('utf8')) as Record<string, string>
  return Object.fromEntries(Object.entries(parsed).map(([id, payload]) => [id, new Uint8Array(Buffer.from(payload, 'base64'))]))
}

/**
 * Opens the key store in `dir` (LevelDB).
 * @throws StoreError `STORE_IO_FAILED`
 */
export async function openKeyStore({ dir }: { dir: string }): Promise<KeyStore> {
  const db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' })
  try {
    await db.open()
  } catch (error) {
    throw new StoreError(`Cannot open the key store at ${dir}`, { code: 'STORE_IO_FAILED', cause: error })
  }
  const io = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    if (db.status !== 'open') throw new StoreError('Key store is closed', { code: 'STORE_CLOSED' })
    try {
      return await fn()
    } catch (error) {
      throw new StoreError(`Key store ${what} failed`, { code: 'STORE_IO_FAILED', cause: error })
    }
  }
  return {
    async putMany(entries) {
      for (const [i, entry] of entries.entries()) {
        assertContentHash(`entries[${i}].hash`, entry.hash)
        if (typeof entry.keys !== 'object' || entry.keys === null || Object.keys(entry.keys).length === 0) {
          throw new StoreError(`"entries[${i}].keys" expected at least one wrapped key`, { code: 'STORE_INVALID_ARGUMENT' })
        }
      }
      await io('write', () => db.batch(entries.map(({ hash, keys }) => ({ type: 'put' as const, key: dbKey(KEY, hash), value: encodeKeys(keys) })), { sync: true }))
    },
    async get(hash) {
      assertContentHash('hash', hash)
      const value = await io('read', () => db.get(dbKey(KEY, hash)))
      return value === undefined ? undefined : decodeKeys(value)
    },
    async shred(hash, reason) {
      assertContentHash('hash', hash)
      if (typeof reason !== 'string' || reason.length === 0 || reason.length > 256) {
        throw new StoreError('"reason" expected 1 to 256 characters', { code: 'STORE_INVALID_ARGUMENT' })
      }
      const erasure: Erasure = { reason, erasedAt: new Date().toISOString() }
      const key = dbKey(KEY, hash)
      await io('shred', async () => {
        await db.batch(
          [
            { type: 'del', key },
            { type: 'put', key: dbKey(TOMBSTONE, hash), value: Buffer.from(JSON.stringify(erasure)) },
          ],
          { sync: true },
        )
        // Flushes the memtable and rewrites the tables holding the key, so the deleted value
        // is gone from disk rather than only hidden.
        await db.compactRange(key, key)
      })
      return erasure
    },
    async erasure(hash) {
      assertContentHash('hash', hash)
      const value = await io('read', () => db.get(dbKey(TOMBSTONE, hash)))
      return value === undefined ? undefined : (JSON.parse(value.toString('utf8')) as Erasure)
    },
    async putManifest(root, manifestHash) {
      assertContentHash('root', root)
      assertContentHash('manifestHash', manifestHash)
      await io('write', () => db.put(dbKey(MANIFEST, root), Buffer.from(manifestHash.slice(2), 'hex'), { sync: true }))
    },
    async listManifests() {
      return io('read', async () => {
        const found: { root: Hex; manifestHash: Hex }[] = []
        for await (const [key, value] of db.iterator({ gte: Buffer.from([MANIFEST]), lt: Buffer.from([MANIFEST + 1]) })) {
          found.push({ root: `0x${key.subarray(1).toString('hex')}`, manifestHash: `0x${value.toString('hex')}` })
        }
        return found
      })
    },
    async close() {
      if (db.status === 'open') await db.close()
    },
  }
}
