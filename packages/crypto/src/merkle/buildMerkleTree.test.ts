import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { concat, encodeAbiParameters, type Hex as ViemHex, keccak256 } from 'viem';
import { expectCryptoError } from '../../test/expectCryptoError.ts';
import { bytesToHex, hexToBytes } from '../bytes.ts';
import { buildMerkleTree } from './buildMerkleTree.ts';
import { getProof } from './getProof.ts';
import { hashLeaf } from './hashLeaf.ts';
import { processProof } from './processProof.ts';
import { verifyMerkleProof } from './verifyMerkleProof.ts';

// OpenZeppelin's published dump `test/dumps/standard-v1.sorted.1_0_6.json` of
// @openzeppelin/merkle-tree 1.0.6: StandardMerkleTree.of([['a'], ..., ['f']], ['string']).
const OZ_DUMP_VALUES = ['a', 'b', 'c', 'd', 'e', 'f'];
const OZ_DUMP_TREE: ViemHex[] = [
  '0x6deb52b5da8fd108f79fab00341f38d2587896634c646ee52e49f845680a70c8',
  '0x52426e0f1f65ff7e209a13b8c29cffe82e3acaf3dad0a9b9088f3b9a61a929c3',
  '0xfd3cf45654e88d1cc5d663578c82c76f4b5e3826bacaa1216441443504538f51',
  '0x8076923e76cf01a7c048400a2304c9a9c23bbbdac3a98ea3946340fdafbba34f',
  '0x965b92c6cf08303cc4feb7f3e0819c436c2cec17c6f0688a6af139c9a368707c',
  '0xeba909cf4bb90c6922771d7f126ad0fd11dfde93f3937a196274e1ac20fd2f5b',
  '0xc62a8cfa41edc0ef6f6ae27a2985b7d39c7fea770787d7e104696c6e81f64848',
  '0x9cf5a63718145ba968a01c1d557020181c5b252f665cf7386d370eddb176517b',
  '0x9c15a6a0eaeed500fd9eed4cbeab71f797cefcc67bfd46683e4d2e6ff7f06d1c',
  '0x9a4f64e953595df82d1b4f570d34c4f4f0cfaf729a61e9d60e83e579e1aa283e',
  '0x19ba6c6333e0e9a15bf67523e0676e2f23eb8e574092552d5e888c64a4bb3681',
];
const OZ_DUMP_TREE_INDICES = [8, 10, 7, 5, 9, 6];

// The @openzeppelin/merkle-tree README example, whose root and proof are used verbatim by
// many Solidity `MerkleProof.verify` tests.
const README_VALUES: [ViemHex, bigint][] = [
  ['0x1111111111111111111111111111111111111111', 5000000000000000000n],
  ['0x2222222222222222222222222222222222222222', 2500000000000000000n],
];
const README_ROOT = '0xd4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77';
const README_LEAVES = [
  '0xeb02c421cfa48976e66dfb29120745909ea3a0f843456c263cf8f1253483e283',
  '0xb92c48e9d7abe27fd8dfd6b5dfdbfb1c9a463f80c712b66f3a5180a090cccafc',
];

/**
 * Independent reference, written from the documented scheme with viem: sort leaf hashes
 * ascending, put the i-th at `tree[len - 1 - i]`, fill `tree[i] = keccak256(sorted(left, right))`.
 */
function referenceTree(leafHashes: ViemHex[]): ViemHex[] {
  const sorted = [...leafHashes].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  const tree: ViemHex[] = new Array(2 * sorted.length - 1);
  sorted.forEach((leaf, i) => {
    tree[tree.length - 1 - i] = leaf;
  });
  for (let i = tree.length - 1 - sorted.length; i >= 0; i--) {
    const left = tree[2 * i + 1] as ViemHex;
    const right = tree[2 * i + 2] as ViemHex;
    tree[i] = keccak256(BigInt(left) <= BigInt(right) ? concat([left, right]) : concat([right, left]));
  }
  return tree;
}

/** Solidity-style `MerkleProof.processProof` over hex, written out separately. */
function referenceProcessProof(leaf: ViemHex, proof: ViemHex[]): ViemHex {
  return proof.reduce((node, sibling) => keccak256(BigInt(node) < BigInt(sibling) ? concat([node, sibling]) : concat([sibling, node])), leaf);
}

const hexes = (nodes: readonly Uint8Array[]) => nodes.map((node) => bytesToHex(node));
const leafArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const leavesArb = fc.array(leafArb, { minLength: 1, maxLength: 200, size: 'max' });

describe('hashLeaf', () => {
  it('is keccak256(keccak256(data)) of the ABI encoding, as StandardMerkleTree leaves', () => {
    README_VALUES.forEach((value, i) => {
      const data = hexToBytes(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], value));
      assert.equal(bytesToHex(hashLeaf(data)), README_LEAVES[i]);
    });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        assert.equal(bytesToHex(hashLeaf(data)), keccak256(keccak256(bytesToHex(data))));
      }),
    );
  });

  it('refuses non-bytes', async () => {
    await expectCryptoError(() => hashLeaf('0x00' as unknown as Uint8Array), 'CRYPTO_INVALID_ARGUMENT', { message: /^"data"/ });
  });
});

describe('buildMerkleTree (OpenZeppelin StandardMerkleTree layout)', () => {
  it('reproduces OpenZeppelin\'s published standard-v1 sorted dump node for node', () => {
    const leaves = OZ_DUMP_VALUES.map((v) => hashLeaf(hexToBytes(encodeAbiParameters([{ type: 'string' }], [v]))));
    const tree = buildMerkleTree(leaves);
    assert.deepEqual(hexes(tree.nodes), OZ_DUMP_TREE);
    assert.deepEqual(tree.leafNodeIndices, OZ_DUMP_TREE_INDICES);
    assert.equal(bytesToHex(tree.root), '0x6deb52b5da8fd108f79fab00341f38d2587896634c646ee52e49f845680a70c8');
    // OZ getProof(tree, 8) for "a": siblings of 8, 3, 1.
    assert.deepEqual(hexes(getProof(tree, 0)), [OZ_DUMP_TREE[7], OZ_DUMP_TREE[4], OZ_DUMP_TREE[2]]);
    assert.deepEqual(hexes(tree.nodes), referenceTree(hexes(leaves)));
  });

  it('reproduces the README example root and its on-chain proof', () => {
    const tree = buildMerkleTree(README_LEAVES.map((leaf) => hexToBytes(leaf as `0x${string}`)));
    assert.equal(bytesToHex(tree.root), README_ROOT);
    assert.deepEqual(hexes(getProof(tree, 0)), [README_LEAVES[1]]);
    assert.deepEqual(hexes(getProof(tree, hexToBytes(README_LEAVES[1] as `0x${string}`))), [README_LEAVES[0]]);
  });

  it('a single leaf is its own root, with the empty proof', () => {
    const leaf = hashLeaf(Uint8Array.of(1));
    const tree = buildMerkleTree([leaf]);
    assert.deepEqual(tree.root, leaf);
    assert.deepEqual(getProof(tree, 0), []);
    assert.equal(verifyMerkleProof({ root: tree.root, leaf, proof: [] }), true);
  });

  it('matches the reference implementation on random leaf sets (property)', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        assert.deepEqual(hexes(buildMerkleTree(leaves).nodes), referenceTree(hexes(leaves)));
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on input order and copies its input', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, seed) => {
        const cut = seed % leaves.length;
        const shuffled = [...leaves.slice(cut), ...leaves.slice(0, cut)].reverse();
        const tree = buildMerkleTree(leaves);
        assert.deepEqual(buildMerkleTree(shuffled).root, tree.root);
        (leaves[0] as Uint8Array)[0] = ((leaves[0] as Uint8Array)[0] as number) ^ 1;
        assert.deepEqual(buildMerkleTree(tree.leaves).root, tree.root);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses empty input and leaves that are not 32 bytes', async () => {
    await expectCryptoError(() => buildMerkleTree([]), 'CRYPTO_INVALID_ARGUMENT', { message: /^"leaves" must not be empty/ });
    await expectCryptoError(() => buildMerkleTree('x' as unknown as Uint8Array[]), 'CRYPTO_INVALID_ARGUMENT', { message: /^"leaves"/ });
    await expectCryptoError(() => buildMerkleTree([new Uint8Array(32), new Uint8Array(31)]), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"leaves\[1\]" expected 32 bytes, got 31/,
    });
  });
});

describe('getProof / processProof / verifyMerkleProof', () => {
  it('every leaf of a random tree verifies with its proof, as Solidity would compute (property)', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        const tree = buildMerkleTree(leaves);
        leaves.forEach((leaf, i) => {
          const proof = getProof(tree, i);
          assert.ok(proof.length <= Math.ceil(Math.log2(leaves.length)));
          assert.equal(verifyMerkleProof({ root: tree.root, leaf, proof }), true);
          assert.equal(referenceProcessProof(bytesToHex(leaf), hexes(proof)), bytesToHex(tree.root));
        });
      }),
      { numRuns: 30 },
    );
  });

  it('a proof for one leaf never verifies a different leaf (property)', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, a, b) => {
        const i = a % leaves.length;
        const j = b % leaves.length;
        fc.pre(bytesToHex(leaves[i] as Uint8Array) !== bytesToHex(leaves[j] as Uint8Array));
        const tree = buildMerkleTree(leaves);
        assert.equal(verifyMerkleProof({ root: tree.root, leaf: leaves[j] as Uint8Array, proof: getProof(tree, i) }), false);
      }),
      { numRuns: 100 },
    );
  });

  it('flipping any one bit of the proof, leaf or root fails verification (property)', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, a, bit) => {
        const tree = buildMerkleTree(leaves);
        const leafIndex = a % leaves.length;
        const proof = getProof(tree, leafIndex);
        const parts = [Uint8Array.from(leaves[leafIndex] as Uint8Array), Uint8Array.from(tree.root), ...proof];
        const position = bit % (parts.length * 256);
        const part = parts[Math.floor(position / 256)] as Uint8Array;
        const byte = Math.floor((position % 256) / 8);
        part[byte] = (part[byte] as number) ^ (1 << position % 8);
        const [leaf, root, ...tampered] = parts as [Uint8Array, Uint8Array, ...Uint8Array[]];
        assert.equal(verifyMerkleProof({ root, leaf, proof: tampered }), false);
      }),
      { numRuns: 300 },
    );
  });

  it('duplicate leaves occupy separate slots; each copy\'s proof verifies, lookup by hash gives the first', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, a) => {
        const duplicated = [...leaves, leaves[a % leaves.length] as Uint8Array];
        const tree = buildMerkleTree(duplicated);
        assert.equal(tree.nodes.length, 2 * duplicated.length - 1);
        assert.deepEqual(hexes(tree.nodes), referenceTree(hexes(duplicated)));
        const first = duplicated.findIndex((leaf) => bytesToHex(leaf) === bytesToHex(duplicated.at(-1) as Uint8Array));
        assert.notEqual(tree.leafNodeIndices[first], tree.leafNodeIndices[duplicated.length - 1]);
        assert.deepEqual(getProof(tree, duplicated.at(-1) as Uint8Array), getProof(tree, first));
        for (const index of [first, duplicated.length - 1]) {
          const proof = getProof(tree, index);
          assert.equal(verifyMerkleProof({ root: tree.root, leaf: duplicated.at(-1) as Uint8Array, proof }), true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('processProof of an empty proof is the leaf; verify is false for a wrong root', () => {
    const leaf = hashLeaf(Uint8Array.of(7));
    assert.deepEqual(processProof({ leaf, proof: [] }), leaf);
    assert.equal(verifyMerkleProof({ root: new Uint8Array(32), leaf, proof: [] }), false);
  });

  it('refuses malformed arguments, naming them', async () => {
    const tree = buildMerkleTree([new Uint8Array(32), new Uint8Array(32).fill(1)]);
    const leaf = new Uint8Array(32);
    await expectCryptoError(() => getProof(tree, 2), 'CRYPTO_INVALID_ARGUMENT', { message: /^"leafIndexOrHash" expected an integer in \[0, 1\]/ });
    await expectCryptoError(() => getProof(tree, 0.5), 'CRYPTO_INVALID_ARGUMENT', { message: /^"leafIndexOrHash"/ });
    await expectCryptoError(() => getProof(tree, new Uint8Array(32).fill(2)), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"leafIndexOrHash" is not a leaf/,
    });
    await expectCryptoError(() => verifyMerkleProof({ root: new Uint8Array(31), leaf, proof: [] }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"root" expected 32 bytes/,
    });
    await expectCryptoError(() => verifyMerkleProof({ root: leaf, leaf: new Uint8Array(33), proof: [] }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"leaf" expected 32 bytes/,
    });
    await expectCryptoError(
      () => verifyMerkleProof({ root: leaf, leaf, proof: [leaf, new Uint8Array(0)] }),
      'CRYPTO_INVALID_ARGUMENT',
      { message: /^"proof\[1\]" expected 32 bytes/ },
    );
    await expectCryptoError(() => processProof({ leaf, proof: 'x' as unknown as Uint8Array[] }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"proof"/,
    });
  });
});
