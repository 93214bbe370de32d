import type { FileHandle } from 'node:fs/promises'
import { PACK } from './packFormat.ts'

/** Where one blob sits in a segment. */
export type BlobLocation = { segment: number; offset: number; length: number }

/** What {@link scanSegment} found. */
export type SegmentScan = {
  /** Committed blobs: hex hash -> payload offset and length. */
  blobs: Map<string, { offset: number; length: number }>
  /** End of the last commit record: the segment's committed length. */
  committedBytes: number
}

const READ_AHEAD = 1 << 20

/**
 * Reads a segment's record headers and returns its committed blobs. Records after the last
 * commit record (a putMany cut short by a crash) are left out: the caller truncates them.
 */
export async function scanSegment(file: FileHandle, fileBytes: number): Promise<SegmentScan> {
  const blobs = new Map<string, { offset: number; length: number }>()
  let pending: [string, { offset: number; length: number }][] = []
  let committedBytes = 0
  let offset = 0
  const buffer = Buffer.allocUnsafe(READ_AHEAD)
  let bufferStart = 0
  let bufferEnd = 0
  const header = async (at: number): Promise<Buffer | undefined> => {
    if (at + PACK.headerBytes > fileBytes) return undefined
    if (at < bufferStart || at + PACK.headerBytes > bufferEnd) {
      const { bytesRead } = await file.read(buffer, 0, READ_AHEAD, at)
      bufferStart = at
      bufferEnd = at + bytesRead
      if (bytesRead < PACK.headerBytes) return undefined
    }
    return buffer.subarray(at - bufferStart, at - bufferStart + PACK.headerBytes)
  }
  for (;;) {
    const head = await header(offset)
    if (head === undefined) break
    const magic = head.readUInt32BE(0)
    const length = head.readUInt32BE(4)
    const payloadAt = offset + PACK.headerBytes
    if (magic === PACK.commitMagic && length === 0) {
      for (const [hash, location] of pending) blobs.set(hash, location)
      pending = []
      offset = payloadAt
      committedBytes = offset
      continue
    }
    if (magic !== PACK.blobMagic || length > PACK.maxBlobBytes || payloadAt + length > fileBytes) break
    pending.push([`0x${head.subarray(8, 40).toString('hex')}`, { offset: payloadAt, length }])
    offset = payloadAt + length
  }
  return { blobs, committedBytes }
}
