import { assertBytes } from '../assert.ts';
import { equalBytes } from '../bytes.ts';
import { processProof } from './processProof.ts';

/** Options of {@link verifyMerkleProof}. */
export type VerifyMerkleProofOptions = {
  /** The 32-byte root, as anchored on chain. */
  root: Uint8Array;
  /** The 32-byte leaf hash (see `hashLeaf`). */
  leaf: Uint8Array;
  /** The 32-byte sibling hashes from `getProof`, leaf level first. */
  proof: readonly Uint8Array[];
};

/**
 * Whether `proof` shows `leaf` to be in the tree of `root`: the same check as Solidity's
 * `MerkleProof.verify(proof, root, leaf)`, so a proof accepted here is accepted on chain.
 * Pure; a wrong proof gives `false`, malformed arguments throw.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `root`, `leaf` or a proof element is not 32
 *   bytes, or `proof` is not an array.
 */
export function verifyMerkleProof({ root, leaf, proof }: VerifyMerkleProofOptions): boolean {
  assertBytes('root', root, 32);
  return equalBytes(processProof({ leaf, proof }), root);
}
