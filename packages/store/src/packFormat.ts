// The layout of a pack segment, shared by the writer and the scanner that rebuilds the index of
// a segment at open. A segment is a sequence of records, each `magic (4) | length u32 BE (4) |
// hash (32) | payload (length)`. Blob records carry a blob; a commit record (empty payload,
// zero hash) closes each putMany and is written only after the
// batch's blobs are fsynced, so whatever follows the last commit record was never acknowledged.

export const PACK = {
  blobMagic: 0x4d434231, // "MCB1"
  commitMagic: 0x4d434331, // "MCC1"
  headerBytes: 40,
  /** Largest blob, in bytes: large files are chunked above this layer. */
  maxBlobBytes: 64 * 1024 * 1024,
  segmentExtension: '.pack',
} as const

/** Encodes a record header. */
export function encodeHeader(magic: number, length: number, hash: Uint8Array): Buffer {
  const header = Buffer.allocUnsafe(PACK.headerBytes)
  header.writeUInt32BE(magic, 0)
  header.writeUInt32BE(length, 4)
  header.set(hash, 8)
  return header
}

/** The file name of segment number `n`: zero-padded so that names sort in order. */
export function segmentName(n: number): string {
  return `${String(n).padStart(8, '0')}${PACK.segmentExtension}`
}
