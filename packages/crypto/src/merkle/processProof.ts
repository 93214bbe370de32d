import { assertBytes } from '../assert.ts';
import { CryptoError } from '../errors.ts';
import { hashPair } from './hashPair.ts';

/** Options of {@link processProof}. */
export type ProcessProofOptions = {
  /** The 32-byte leaf hash. */
  leaf: Uint8Array;
  /** The 32-byte sibling hashes, leaf level first. */
  proof: readonly Uint8Array[];
};

/**
 * The root a proof leads to from a leaf, exactly as OpenZeppelin's
 * `MerkleProof.processProof`: fold the proof over the leaf with the commutative
 * `keccak256(min(a, b) || max(a, b))`. An empty proof leads to the leaf itself.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `leaf` or an element of `proof` is not 32
 *   bytes, or `proof` is not an array.
 */
export function processProof({ leaf, proof }: ProcessProofOptions): Uint8Array {
  assertBytes('leaf', leaf, 32);
  if (!Array.isArray(proof)) {
    throw new CryptoError('"proof" expected an array of 32-byte Uint8Arrays', { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  proof.forEach((node, i) => assertBytes(`proof[${i}]`, node, 32));
  return proof.reduce<Uint8Array>((node, sibling) => hashPair(node, sibling), Uint8Array.from(leaf));
}
