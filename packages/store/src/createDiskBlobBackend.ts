import { createHash } from 'node:crypto'
import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { Hex } from '@medchain/crypto'
import type { BlobBackend, BlobInput } from './blobBackend.ts'
import { assertContentHash, contentHash } from './contentHash.ts'
import { StoreError } from './errors.ts'
import { encodeHeader, PACK, segmentName } from './packFormat.ts'
import { type BlobLocation, scanSegment } from './scanSegment.ts'

/** Options of {@link createDiskBlobBackend}. */
export type CreateDiskBlobBackendOptions = {
  /** Directory of the pack segments; created if missing. */
  dir: string
  /** A new segment starts once the current one is this large (default 256 MiB). */
  maxSegmentBytes?: number | undefined
  /** fsync before acknowledging (default true; false only for throwaway test data). */
  fsync?: boolean | undefined
}

const ZERO_HASH = new Uint8Array(32)

/**
 * The local-disk blob backend: append-only pack segments, one write and two fsyncs per putMany
 * (blobs, then the commit record). A file per blob would cost an fsync per record, which caps an
 * import near 5,000 records/s with nothing else running; packs keep that cost per batch. At open,
 * every segment's headers are scanned into an in-memory map (about 150 bytes per blob) and an
 * uncommitted tail left by a crash is cut off.
 * @throws StoreError `STORE_IO_FAILED`, `STORE_INVALID_ARGUMENT`
 */
export async function createDiskBlobBackend({ dir, maxSegmentBytes = 256 * 1024 * 1024, fsync = true }: CreateDiskBlobBackendOptions): Promise<BlobBackend> {
  const index = new Map<string, BlobLocation>()
  const files = new Map<number, FileHandle>()
  let active = 0
  let activeBytes = 0
  try {
    await mkdir(dir, { recursive: true })
    const numbers = (await readdir(dir))
      .filter((name) => /^\d{8}\.pack$/.test(name))
      .map((name) => Number(name.slice(0, 8)))
      .sort((a, b) => a - b)
    for (const n of numbers) {
      const file = await open(join(dir, segmentName(n)), 'r+')
      const { size } = await file.stat()
      const scan = await scanSegment(file, size)
      if (scan.committedBytes < size) await file.truncate(scan.committedBytes)
      for (const [hash, location] of scan.blobs) index.set(hash, { segment: n, ...location })
      files.set(n, file)
      active = n
      activeBytes = scan.committedBytes
    }
    if (files.size === 0) {
      active = 1
      files.set(active, await open(join(dir, segmentName(active)), 'w+'))
    }
  } catch (error) {
    await Promise.all([...files.values()].map((file) => file.close()))
    throw new StoreError(`Cannot open the blob store at ${dir}`, { code: 'STORE_IO_FAILED', cause: error })
  }

  let closed = false
  let queue: Promise<void> = Promise.resolve()
  const refuseIfClosed = () => {
    if (closed) throw new StoreError('Blob store is closed', { code: 'STORE_CLOSED' })
  }

  async function append(blobs: readonly BlobInput[]): Promise<void> {
    const fresh = new Map<string, Uint8Array>()
    for (const { hash, bytes } of blobs) if (!index.has(hash) && !fresh.has(hash)) fresh.set(hash, bytes)
    if (fresh.size === 0) return
    if (activeBytes >= maxSegmentBytes) {
      active += 1
      activeBytes = 0
      files.set(active, await open(join(dir, segmentName(active)), 'w+'))
    }
    const file = files.get(active) as FileHandle
    const chunks: Uint8Array[] = []
    const located: [string, BlobLocation][] = []
    let offset = activeBytes
    for (const [hash, bytes] of fresh) {
      chunks.push(encodeHeader(PACK.blobMagic, bytes.length, Buffer.from(hash.slice(2), 'hex')), bytes)
      located.push([hash, { segment: active, offset: offset + PACK.headerBytes, length: bytes.length }])
      offset += PACK.headerBytes + bytes.length
    }
    try {
      await file.writev(chunks, activeBytes)
      if (fsync) await file.datasync()
      await file.write(encodeHeader(PACK.commitMagic, 0, ZERO_HASH), 0, PACK.headerBytes, offset)
      if (fsync) await file.datasync()
    } catch (error) {
      // Leave the tail to the next open's scan; nothing of this batch is visible.
      throw new StoreError('Writing blobs to disk failed', { code: 'STORE_IO_FAILED', cause: error })
    }
    activeBytes = offset + PACK.headerBytes
    for (const [hash, location] of located) index.set(hash, location)
  }

  return {
    putMany(blobs) {
      refuseIfClosed()
      for (const [i, blob] of blobs.entries()) {
        assertContentHash(`blobs[${i}].hash`, blob.hash)
        if (!(blob.bytes instanceof Uint8Array) || blob.bytes.length > PACK.maxBlobBytes) {
          throw new StoreError(`"blobs[${i}].bytes" expected at most ${PACK.maxBlobBytes} bytes`, { code: 'STORE_INVALID_ARGUMENT' })
        }
        if (contentHash(blob.bytes) !== blob.hash) {
          throw new StoreError(`"blobs[${i}]" does not hash to ${blob.hash}`, { code: 'STORE_HASH_MISMATCH' })
        }
      }
      const run = queue.then(() => append(blobs))
      queue = run.catch(() => undefined)
      return run
    },
    async get(hash: Hex) {
      refuseIfClosed()
      assertContentHash('hash', hash)
      const location = index.get(hash)
      if (location === undefined) return undefined
      const bytes = new Uint8Array(location.length)
      try {
        await (files.get(location.segment) as FileHandle).read(bytes, 0, location.length, location.offset)
      } catch (error) {
        throw new StoreError(`Reading blob ${hash} failed`, { code: 'STORE_IO_FAILED', cause: error })
      }
      if (`0x${createHash('sha256').update(bytes).digest('hex')}` !== hash) {
        throw new StoreError(`Stored blob ${hash} no longer matches its content address`, { code: 'STORE_CORRUPT_BLOB' })
      }
      return bytes
    },
    has(hash) {
      return index.has(hash)
    },
    get size() {
      return index.size
    },
    async close() {
      if (closed) return
      closed = true
      await queue
      await Promise.all([...files.values()].map((file) => file.close()))
    },
  }
}
