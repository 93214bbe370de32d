import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeAbiParameters } from 'viem';
import { expectCryptoError } from '../../test/expectCryptoError.ts';
import { hexToBytes } from '../bytes.ts';
import { buildMerkleTree } from './buildMerkleTree.ts';
import { createMerkleBatch } from './createMerkleBatch.ts';
import { hashLeaf } from './hashLeaf.ts';
import { verifyMerkleProof } from './verifyMerkleProof.ts';

describe('createMerkleBatch', () => {
  it('seals to the StandardMerkleTree README root', () => {
    const batch = createMerkleBatch();
    const encode = (account: `0x${string}`, amount: bigint) =>
      hexToBytes(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [account, amount]));
    assert.equal(batch.add(encode('0x1111111111111111111111111111111111111111', 5000000000000000000n)), 0);
    assert.equal(batch.add(encode('0x2222222222222222222222222222222222222222', 2500000000000000000n)), 1);
    assert.equal(batch.size, 2);
    const { root, proofs } = batch.seal();
    assert.equal(Buffer.from(root).toString('hex'), 'd4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77');
    assert.equal(proofs.length, 2);
  });

  it('gives, by insertion index, leaves and proofs that verify against the root (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 1, maxLength: 120, size: 'max' }), (datas) => {
        const batch = createMerkleBatch();
        datas.forEach((data, i) => assert.equal(batch.add(data), i));
        const { root, proofs, leaves } = batch.seal();
        assert.deepEqual(root, buildMerkleTree(datas.map(hashLeaf)).root);
        assert.equal(leaves.length, datas.length);
        datas.forEach((data, i) => {
          assert.deepEqual(leaves[i], hashLeaf(data));
          assert.equal(verifyMerkleProof({ root, leaf: leaves[i] as Uint8Array, proof: proofs[i] as Uint8Array[] }), true);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('refuses sealing empty, sealing twice, adding after sealing and non-bytes', async () => {
    const batch = createMerkleBatch();
    await expectCryptoError(() => batch.seal(), 'CRYPTO_INVALID_ARGUMENT', { message: /empty/ });
    await expectCryptoError(() => batch.add('ab' as unknown as Uint8Array), 'CRYPTO_INVALID_ARGUMENT', { message: /^"leafData"/ });
    batch.add(Uint8Array.of(1));
    batch.seal();
    await expectCryptoError(() => batch.seal(), 'CRYPTO_INVALID_ARGUMENT', { message: /already sealed: cannot seal/ });
    await expectCryptoError(() => batch.add(Uint8Array.of(2)), 'CRYPTO_INVALID_ARGUMENT', { message: /already sealed: cannot add/ });
  });
});
