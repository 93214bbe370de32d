import { assertBytes, assertSafeInteger } from '../assert.ts';
import { CryptoError } from '../errors.ts';
import { hashPair } from './hashPair.ts';

/** An order-keeping Merkle tree: `levels[0]` the leaves as given, the last level the root alone. */
export type OrderedMerkleTree = {
  /** The 32-byte root; for a single leaf, the leaf itself. */
  readonly root: Uint8Array;
  readonly levels: readonly (readonly Uint8Array[])[];
};

/**
 * Builds the Merkle tree a contract can compute from calldata (contracts/src/supply/BatchTree.sol):
 * leaves keep their order, each level hashes pairs (2k, 2k+1) with OpenZeppelin's commutative
 * keccak256, an odd last node moves up unchanged. Unlike {@link buildMerkleTree} (sorted leaves),
 * a Solidity loop can rebuild it without sorting; its proofs pass the same `MerkleProof.verify`.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `leaves` is not a non-empty array of
 *   32-byte Uint8Arrays.
 */
export function buildOrderedTree(leaves: readonly Uint8Array[]): OrderedMerkleTree {
  if (!Array.isArray(leaves) || leaves.length === 0) {
    throw new CryptoError('"leaves" expected a non-empty array of 32-byte Uint8Arrays', { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  leaves.forEach((leaf, i) => assertBytes(`leaves[${i}]`, leaf, 32));
  const levels: Uint8Array[][] = [leaves.map((leaf) => Uint8Array.from(leaf))];
  for (let level = levels[0] as Uint8Array[]; level.length > 1; ) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(hashPair(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    levels.push(next);
    level = next;
  }
  return { root: (levels[levels.length - 1] as Uint8Array[])[0] as Uint8Array, levels };
}

/**
 * The proof of leaf `index` in an ordered tree: its siblings from the leaf up, levels where it
 * had none skipped. A single-leaf tree gives the empty proof.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `index` is out of range.
 */
export function getOrderedProof(tree: OrderedMerkleTree, index: number): Uint8Array[] {
  const leaves = tree.levels[0] as readonly Uint8Array[];
  assertSafeInteger('index', index, { min: 0, max: leaves.length - 1 });
  const proof: Uint8Array[] = [];
  let i = index;
  for (const level of tree.levels.slice(0, -1)) {
    const sibling = i % 2 === 1 ? i - 1 : i + 1;
    if (sibling < level.length) proof.push(Uint8Array.from(level[sibling] as Uint8Array));
    i >>= 1;
  }
  return proof;
}
