import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import { getAddress } from 'viem';
import { privateKeyToAccount, privateKeyToAddress as viemPrivateKeyToAddress } from 'viem/accounts';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex } from './bytes.ts';
import { checksumAddress } from './checksumAddress.ts';
import { generatePrivateKey } from './generatePrivateKey.ts';
import { isAddress } from './isAddress.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { privateKeyToPublicKey } from './privateKeyToPublicKey.ts';
import { publicKeyToAddress } from './publicKeyToAddress.ts';
import type { Hex } from './types.ts';

const privateKeyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((bytes) => secp256k1.utils.isValidSecretKey(bytes))
  .map((bytes) => bytesToHex(bytes));

const N = secp256k1.Point.CURVE().n;

describe('checksumAddress (EIP-55)', () => {
  // The test vectors listed in EIP-55 itself.
  const vectors = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it('reproduces the EIP-55 vectors from any case', () => {
    for (const vector of vectors) {
      assert.equal(checksumAddress(vector.toLowerCase()), vector);
      assert.equal(checksumAddress(vector.toUpperCase().replace('0X', '0x')), vector);
      assert.equal(isAddress(vector), true);
    }
  });

  it('agrees with viem getAddress (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        assert.equal(checksumAddress(bytesToHex(bytes)), getAddress(bytesToHex(bytes)));
      }),
      { numRuns: 100 },
    );
  });

  it('isAddress refuses a broken checksum, bad length and non-strings', () => {
    assert.equal(isAddress('0xD1220A0CF47c7B9Be7A2E6BA89F429762e7b9aDb'), false);
    assert.equal(isAddress('0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9a'), false);
    assert.equal(isAddress(42), false);
  });

  it('refuses malformed input with CRYPTO_INVALID_ARGUMENT', async () => {
    await expectCryptoError(() => checksumAddress('0x1234'), 'CRYPTO_INVALID_ARGUMENT', { message: /^"address"/ });
  });
});

describe('privateKeyToAddress / privateKeyToPublicKey', () => {
  it('derives known addresses', () => {
    const one = `0x${'00'.repeat(31)}01` as Hex;
    assert.equal(privateKeyToAddress(one), '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');
    // The key of the Web3 Secret Storage test vectors.
    assert.equal(
      privateKeyToAddress('0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d'),
      '0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b',
    );
    assert.equal(
      privateKeyToPublicKey(one),
      '0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798', // the generator G
    );
  });

  it('agrees with viem for random keys, as hex or bytes (property)', () => {
    fc.assert(
      fc.property(privateKeyArb, (privateKey) => {
        const address = privateKeyToAddress(privateKey);
        assert.equal(address, viemPrivateKeyToAddress(privateKey));
        assert.equal(privateKeyToAddress(Uint8Array.from(Buffer.from(privateKey.slice(2), 'hex'))), address);
        const uncompressed = privateKeyToPublicKey(privateKey, { compressed: false });
        assert.equal(uncompressed, privateKeyToAccount(privateKey).publicKey);
        const compressed = privateKeyToPublicKey(privateKey);
        assert.equal((compressed.length - 2) / 2, 33);
        assert.equal(publicKeyToAddress(compressed), address);
        assert.equal(publicKeyToAddress(uncompressed), address);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses invalid private keys without echoing them', async () => {
    const cases: [Hex | Uint8Array, RegExp][] = [
      [`0x${'00'.repeat(32)}`, /^"privateKey" is not a valid secp256k1 scalar/],
      [`0x${N.toString(16)}`, /^"privateKey" is not a valid secp256k1 scalar/],
      [`0x${'ab'.repeat(31)}`, /^"privateKey" expected 32 bytes, got 31$/],
      [new Uint8Array(33).fill(7), /^"privateKey" expected 32 bytes, got 33$/],
      ['0xnothex' as Hex, /^"privateKey" expected 0x-prefixed hex or Uint8Array$/],
    ];
    for (const [privateKey, message] of cases) {
      const secrets = typeof privateKey === 'string' ? [privateKey] : [];
      await expectCryptoError(() => privateKeyToAddress(privateKey), 'CRYPTO_INVALID_PRIVATE_KEY', { message, secrets });
      await expectCryptoError(() => privateKeyToPublicKey(privateKey), 'CRYPTO_INVALID_PRIVATE_KEY', { message, secrets });
    }
  });

  it('publicKeyToAddress refuses wrong lengths and points off the curve', async () => {
    await expectCryptoError(() => publicKeyToAddress(`0x02${'00'.repeat(31)}`), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"publicKey" expected 33 or 65 bytes, got 32$/,
    });
    await expectCryptoError(() => publicKeyToAddress(`0x04${'00'.repeat(64)}`), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"publicKey" is not a point on secp256k1$/,
    });
  });
});

describe('generatePrivateKey', () => {
  it('returns distinct valid 32-byte keys', () => {
    const keys = new Set(Array.from({ length: 20 }, () => generatePrivateKey()));
    assert.equal(keys.size, 20);
    for (const key of keys) {
      assert.match(key, /^0x[0-9a-f]{64}$/);
      assert.ok(isAddress(privateKeyToAddress(key)));
    }
  });
});
