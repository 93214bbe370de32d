import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { signHash } from './fastSecp256k1.ts'

/**
 * The authority's seal on a block: an Ethereum-style signature r || s || v (v = 27 or 28) over the
 * block hash. Post-merge headers cap extraData at 32 bytes, so the seal lives beside the block.
 */
export function sealBlockHash(blockHash: Uint8Array, authorityKey: Uint8Array): Uint8Array {
  const { signature, recovery } = signHash(blockHash, authorityKey)
  const out = new Uint8Array(65)
  out.set(signature, 0)
  out[64] = 27 + recovery
  return out
}

/** The address that made `seal` over `blockHash`. */
export function recoverSealer(blockHash: Uint8Array, seal: Uint8Array): Uint8Array {
  if (seal.length !== 65) throw new Error(`"seal" expected 65 bytes, got ${seal.length}`)
  const recovered = new Uint8Array(65)
  recovered[0] = seal[64]! - 27
  recovered.set(seal.subarray(0, 64), 1)
  const publicKey = secp256k1.recoverPublicKey(recovered, blockHash, { prehash: false })
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false)
  return keccak_256(uncompressed.subarray(1)).subarray(12)
}
