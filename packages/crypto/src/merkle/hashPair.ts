import { keccak_256 } from '@noble/hashes/sha3.js';

// Commutative node hash of OpenZeppelin's MerkleProof (`Hashes.commutativeKeccak256`):
// keccak256 of the two 32-byte children, smaller first (compared as big-endian integers,
// i.e. bytewise). Order-free hashing is what lets a proof omit left/right flags.
// Callers pass checked 32-byte values; internal to the merkle module.
export function hashPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  const pair = new Uint8Array(64);
  const aFirst = compareBytes(a, b) <= 0;
  pair.set(aFirst ? a : b, 0);
  pair.set(aFirst ? b : a, 32);
  return keccak_256(pair);
}

/** Bytewise (big-endian) order of two equal-length byte strings: negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
