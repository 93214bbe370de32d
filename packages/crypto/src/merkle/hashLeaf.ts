import { keccak_256 } from '@noble/hashes/sha3.js';
import { assertBytes } from '../assert.ts';

/**
 * Leaf hash of the OpenZeppelin "standard Merkle tree": `keccak256(keccak256(data))`, where
 * `data` is the ABI encoding of the leaf's values (callers encode with viem's
 * `encodeAbiParameters`). Hashing twice makes a leaf hash differ in kind from an inner node
 * (`keccak256` of 64 bytes), so a 64-byte leaf cannot pass for a node (second preimage).
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `data` is not a Uint8Array.
 */
export function hashLeaf(data: Uint8Array): Uint8Array {
  assertBytes('data', data);
  return keccak_256(keccak_256(data));
}
