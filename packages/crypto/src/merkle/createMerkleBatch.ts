import { assertBytes } from '../assert.ts';
import { CryptoError } from '../errors.ts';
import { buildMerkleTree } from './buildMerkleTree.ts';
import { getProof } from './getProof.ts';
import { hashLeaf } from './hashLeaf.ts';

/** What {@link MerkleBatch.seal} returns: everything to anchor and to serve, by insertion index. */
export type SealedMerkleBatch = {
  /** The 32-byte root to anchor on chain. */
  root: Uint8Array;
  /** `proofs[i]` proves `leaves[i]` against `root`. */
  proofs: Uint8Array[][];
  /** The 32-byte leaf hashes, `hashLeaf(leafData)`, in insertion order. */
  leaves: Uint8Array[];
};

/** An accumulator of leaves for one Merkle batch; see {@link createMerkleBatch}. */
export type MerkleBatch = {
  /**
   * Adds one leaf's pre-encoded data (ABI-encoded values) and returns its insertion index.
   * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `leafData` is not bytes or the batch
   *   is already sealed.
   */
  add(leafData: Uint8Array): number;
  /**
   * Builds the tree and the proof of every leaf; the batch accepts nothing more afterwards.
   * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when the batch is empty or already sealed.
   */
  seal(): SealedMerkleBatch;
  /** Leaves added so far. */
  readonly size: number;
};

/**
 * Creates an empty Merkle batch for writers that anchor many records under one root: `add`
 * each record's encoded leaf data, `seal` once, anchor `root`, serve `proofs[i]` with record
 * `i`. Identical leaf data added twice gives two leaves, both provable.
 */
export function createMerkleBatch(): MerkleBatch {
  const leaves: Uint8Array[] = [];
  let sealed = false;
  const refuseIfSealed = (action: string) => {
    if (sealed) throw new CryptoError(`Merkle batch already sealed: cannot ${action}`, { code: 'CRYPTO_INVALID_ARGUMENT' });
  };
  return {
    add(leafData) {
      refuseIfSealed('add');
      assertBytes('leafData', leafData);
      leaves.push(hashLeaf(leafData));
      return leaves.length - 1;
    },
    seal() {
      refuseIfSealed('seal');
      if (leaves.length === 0) throw new CryptoError('Merkle batch is empty: cannot seal', { code: 'CRYPTO_INVALID_ARGUMENT' });
      sealed = true;
      const tree = buildMerkleTree(leaves);
      return {
        root: Uint8Array.from(tree.root),
        proofs: leaves.map((_, i) => getProof(tree, i)),
        leaves: leaves.map((leaf) => Uint8Array.from(leaf)),
      };
    },
    get size() {
      return leaves.length;
    },
  };
}
