import { assertBytes } from '../assert.ts';
import { CryptoError } from '../errors.ts';
import { compareBytes, hashPair } from './hashPair.ts';

/**
 * A Merkle tree in the layout of `@openzeppelin/merkle-tree`'s `StandardMerkleTree`: a
 * complete binary tree in one array, root at index 0, children of `i` at `2i + 1` and `2i + 2`,
 * leaves in the last `n` slots in ascending hash order from the end backwards.
 */
export type MerkleTree = {
  /** The 32-byte root (`nodes[0]`); for a single leaf, the leaf itself. */
  readonly root: Uint8Array;
  /** All `2n - 1` nodes in array layout. */
  readonly nodes: readonly Uint8Array[];
  /** The leaf hashes in the order given to {@link buildMerkleTree}. */
  readonly leaves: readonly Uint8Array[];
  /** For each leaf in input order, its position in `nodes`. */
  readonly leafNodeIndices: readonly number[];
};

/**
 * Builds the OpenZeppelin-compatible Merkle tree of 32-byte leaf hashes (see `hashLeaf`):
 * leaves sorted by hash, inner nodes `keccak256(min(a, b) || max(a, b))`, so that the root
 * equals `StandardMerkleTree.of(...).root` for the same leaves and its proofs pass Solidity's
 * `MerkleProof.verify`. Duplicate leaves are kept, each in its own slot. Inputs are copied.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `leaves` is not a non-empty array of
 *   32-byte Uint8Arrays.
 */
export function buildMerkleTree(leaves: readonly Uint8Array[]): MerkleTree {
  if (!Array.isArray(leaves)) {
    throw new CryptoError('"leaves" expected an array of 32-byte Uint8Arrays', { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  if (leaves.length === 0) throw new CryptoError('"leaves" must not be empty', { code: 'CRYPTO_INVALID_ARGUMENT' });
  leaves.forEach((leaf, i) => assertBytes(`leaves[${i}]`, leaf, 32));

  const copies = leaves.map((leaf) => Uint8Array.from(leaf));
  // Array.prototype.sort is stable, so equal (duplicate) leaves keep their input order.
  const order = copies.map((_, i) => i).sort((i, j) => compareBytes(copies[i] as Uint8Array, copies[j] as Uint8Array));

  const nodes = new Array<Uint8Array>(2 * copies.length - 1);
  const leafNodeIndices = new Array<number>(copies.length);
  order.forEach((inputIndex, sortedIndex) => {
    const nodeIndex = nodes.length - 1 - sortedIndex;
    nodes[nodeIndex] = copies[inputIndex] as Uint8Array;
    leafNodeIndices[inputIndex] = nodeIndex;
  });
  for (let i = nodes.length - 1 - copies.length; i >= 0; i--) {
    nodes[i] = hashPair(nodes[2 * i + 1] as Uint8Array, nodes[2 * i + 2] as Uint8Array);
  }
  return { root: nodes[0] as Uint8Array, nodes, leaves: copies, leafNodeIndices };
}
