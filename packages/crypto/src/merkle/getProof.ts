import { assertBytes, assertSafeInteger } from '../assert.ts';
import { equalBytes } from '../bytes.ts';
import { CryptoError } from '../errors.ts';
import type { MerkleTree } from './buildMerkleTree.ts';

/**
 * Inclusion proof of one leaf of `tree`: the sibling hashes from the leaf up to the root, in
 * the order Solidity's `MerkleProof.verify(bytes32[] proof, bytes32 root, bytes32 leaf)` and
 * `processProof` consume them. A leaf is named by its index in the array given to
 * `buildMerkleTree` or by its 32-byte hash; for a duplicated hash, the first occurrence's proof
 * is returned (every copy's proof verifies the same leaf against the same root).
 * A single-leaf tree gives the empty proof.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when the index is out of range or the hash is
 *   not a leaf of `tree`.
 */
export function getProof(tree: MerkleTree, leafIndexOrHash: number | Uint8Array): Uint8Array[] {
  let leafIndex: number;
  if (typeof leafIndexOrHash === 'number') {
    assertSafeInteger('leafIndexOrHash', leafIndexOrHash, { min: 0, max: tree.leaves.length - 1 });
    leafIndex = leafIndexOrHash;
  } else {
    assertBytes('leafIndexOrHash', leafIndexOrHash, 32);
    leafIndex = tree.leaves.findIndex((leaf) => equalBytes(leaf, leafIndexOrHash));
    if (leafIndex < 0) {
      throw new CryptoError('"leafIndexOrHash" is not a leaf of the tree', { code: 'CRYPTO_INVALID_ARGUMENT' });
    }
  }

  const proof: Uint8Array[] = [];
  // Walk up the array layout: the sibling of odd i is i + 1, of even i is i - 1.
  for (let i = tree.leafNodeIndices[leafIndex] as number; i > 0; i = (i - 1) >> 1) {
    proof.push(Uint8Array.from(tree.nodes[i % 2 === 1 ? i + 1 : i - 1] as Uint8Array));
  }
  return proof;
}
