import { createHash } from 'node:crypto'
import { type Hex, isHex } from '@medchain/crypto'
import { StoreError } from './errors.ts'

/** SHA-256 of `bytes` as lowercase `0x` hex: a blob's content address. */
export function contentHash(bytes: Uint8Array): Hex {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`
}

/** Asserts `hash` is a lowercase 32-byte `0x` hex content address. */
export function assertContentHash(name: string, hash: unknown): asserts hash is Hex {
  if (typeof hash !== 'string' || hash.length !== 66 || !isHex(hash) || hash !== hash.toLowerCase()) {
    throw new StoreError(`"${name}" expected a lowercase 0x-prefixed 32-byte hex hash`, { code: 'STORE_INVALID_ARGUMENT' })
  }
}
