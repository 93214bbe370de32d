import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { expectCryptoError } from '../../test/expectCryptoError.ts';
import { bytesToHex } from '../bytes.ts';
import { buildOrderedTree, getOrderedProof } from './buildOrderedTree.ts';
import { hashPair } from './hashPair.ts';
import { processProof } from './processProof.ts';

const leaf = (i: number) => keccak_256(new Uint8Array([i]));

describe('buildOrderedTree', () => {
  it('keeps leaf order and promotes an odd last node', () => {
    const [a, b, c] = [leaf(1), leaf(2), leaf(3)] as [Uint8Array, Uint8Array, Uint8Array];
    assert.deepEqual(buildOrderedTree([a]).root, a);
    assert.deepEqual(buildOrderedTree([a, b, c]).root, hashPair(hashPair(a, b), c));
    assert.deepEqual(getOrderedProof(buildOrderedTree([a, b, c]), 2).map(bytesToHex), [bytesToHex(hashPair(a, b))]);
    assert.deepEqual(getOrderedProof(buildOrderedTree([a]), 0), []);
  });

  it('gives every leaf a proof that processes to the root (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), (n) => {
        const leaves = Array.from({ length: n }, (_, i) => leaf(i));
        const tree = buildOrderedTree(leaves);
        leaves.forEach((l, i) => assert.deepEqual(processProof({ leaf: l, proof: getOrderedProof(tree, i) }), tree.root));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an empty tree, a short leaf and an index out of range', async () => {
    await expectCryptoError(() => buildOrderedTree([]), 'CRYPTO_INVALID_ARGUMENT');
    await expectCryptoError(() => buildOrderedTree([new Uint8Array(31)]), 'CRYPTO_INVALID_ARGUMENT', { message: /leaves\[0\]/ });
    await expectCryptoError(() => getOrderedProof(buildOrderedTree([leaf(1)]), 1), 'CRYPTO_INVALID_ARGUMENT', { message: /index/ });
  });
});
