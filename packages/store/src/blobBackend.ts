import type { Hex } from '@medchain/crypto'

/** One blob to store under its content address (SHA-256 of `bytes`, lowercase `0x` hex). */
export type BlobInput = { hash: Hex; bytes: Uint8Array }

/**
 * Where encrypted blobs live. Content-addressed and immutable: a blob is never overwritten, so
 * a second put of the same hash is a no-op. Erasure is crypto-shredding in the key store, not
 * deletion here. Backends: local disk (createDiskBlobBackend); object storage comes with
 * replication (issue 9).
 */
export type BlobBackend = {
  /** Stores every blob durably (fsynced) before resolving; all or, after a crash, a prefix. */
  putMany(blobs: readonly BlobInput[]): Promise<void>
  /**
   * The blob's bytes, checked against `hash`; undefined when absent.
   * @throws StoreError `STORE_CORRUPT_BLOB` when the stored bytes no longer match `hash`
   */
  get(hash: Hex): Promise<Uint8Array | undefined>
  has(hash: Hex): boolean
  /** Blobs held. */
  readonly size: number
  close(): Promise<void>
}
