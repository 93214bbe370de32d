import assert from 'node:assert/strict';
import { createECDH, hkdfSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from './bytes.ts';
import { eciesDecrypt, eciesEncrypt } from './ecies.ts';
import { privateKeyToPublicKey } from './privateKeyToPublicKey.ts';
import type { Hex } from './types.ts';

const h = (hex: string) => hexToBytes(`0x${hex}`);

// Fixed vector pinning the payload format: recipient key 0x11..11, ephemeral key 0x22..22,
// nonce 0x33..33, aad "record-1".
const VECTOR = {
  recipientPrivateKey: `0x${'11'.repeat(32)}` as Hex,
  recipientPublicKey: '0x034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa',
  ephemeralPrivateKey: `0x${'22'.repeat(32)}` as Hex,
  nonce: new Uint8Array(12).fill(0x33),
  plaintext: utf8ToBytes('medchain data key 32 bytes long!'),
  aad: utf8ToBytes('record-1'),
  payload:
    '0x02466d7fcae563e5cb09a0d1870bb580344804617879a14949cf22285f1bae3f27' +
    '333333333333333333333333' +
    '792eede08af03d11231d547770301721cec827108fdfa966ab2cc2a3d4117926' +
    '98a88bab04954b785c32d323263f5be9',
};

const privateKeyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((k) => secp256k1.utils.isValidSecretKey(k));

describe('HKDF-SHA256 (the KDF of eciesEncrypt)', () => {
  it('matches RFC 5869 test case 1', () => {
    const okm = hkdf(sha256, h('0b'.repeat(22)), h('000102030405060708090a0b0c'), h('f0f1f2f3f4f5f6f7f8f9'), 42);
    assert.equal(
      bytesToHex(okm),
      '0x3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });
});

describe('eciesEncrypt / eciesDecrypt', () => {
  it('reproduces the fixed vector', () => {
    assert.equal(privateKeyToPublicKey(VECTOR.recipientPrivateKey), VECTOR.recipientPublicKey);
    const payload = eciesEncrypt({
      recipientPublicKey: VECTOR.recipientPublicKey as Hex,
      plaintext: VECTOR.plaintext,
      aad: VECTOR.aad,
      ephemeralPrivateKey: VECTOR.ephemeralPrivateKey,
      nonce: VECTOR.nonce,
    });
    assert.equal(bytesToHex(payload), VECTOR.payload);
    assert.deepEqual(eciesDecrypt({ privateKey: VECTOR.recipientPrivateKey, payload, aad: VECTOR.aad }), VECTOR.plaintext);
  });

  it('matches an independent construction with Node ECDH, Node HKDF and noble GCM', () => {
    const ecdh = createECDH('secp256k1');
    ecdh.setPrivateKey(hexToBytes(VECTOR.ephemeralPrivateKey));
    const ephemeralPublicKey = new Uint8Array(ecdh.getPublicKey(null, 'compressed'));
    const recipient = hexToBytes(VECTOR.recipientPublicKey as Hex);
    const x = ecdh.computeSecret(recipient);
    const key = new Uint8Array(hkdfSync('sha256', x, concatBytes(ephemeralPublicKey, recipient), 'medchain-ecies-v1', 32));
    const expected = concatBytes(ephemeralPublicKey, VECTOR.nonce, gcm(key, VECTOR.nonce, VECTOR.aad).encrypt(VECTOR.plaintext));
    assert.equal(bytesToHex(expected), VECTOR.payload);
  });

  it('round-trips for any key pair, plaintext and aad (property)', () => {
    fc.assert(
      fc.property(privateKeyArb, fc.uint8Array({ maxLength: 100 }), fc.option(fc.uint8Array({ maxLength: 40 }), { nil: undefined }), (privateKey, plaintext, aad) => {
        const recipientPublicKey = secp256k1.getPublicKey(privateKey, true);
        const payload = eciesEncrypt({ recipientPublicKey, plaintext, aad });
        assert.equal(payload.length, 33 + 12 + plaintext.length + 16);
        assert.deepEqual(eciesDecrypt({ privateKey, payload, aad }), plaintext);
      }),
      { numRuns: 30 },
    );
  });

  it('uses a fresh ephemeral key each call', () => {
    const recipientPublicKey = VECTOR.recipientPublicKey as Hex;
    const a = eciesEncrypt({ recipientPublicKey, plaintext: VECTOR.plaintext });
    const b = eciesEncrypt({ recipientPublicKey, plaintext: VECTOR.plaintext });
    assert.notDeepEqual(a.subarray(0, 33), b.subarray(0, 33));
  });

  it('refuses the wrong recipient and the wrong aad', async () => {
    const payload = hexToBytes(VECTOR.payload as Hex);
    const other = `0x${'12'.repeat(32)}` as Hex;
    await expectCryptoError(() => eciesDecrypt({ privateKey: other, payload, aad: VECTOR.aad }), 'CRYPTO_DECRYPTION_FAILED', {
      secrets: [other],
    });
    await expectCryptoError(() => eciesDecrypt({ privateKey: VECTOR.recipientPrivateKey, payload }), 'CRYPTO_DECRYPTION_FAILED');
    await expectCryptoError(
      () => eciesDecrypt({ privateKey: VECTOR.recipientPrivateKey, payload, aad: utf8ToBytes('record-2') }),
      'CRYPTO_DECRYPTION_FAILED',
    );
  });

  it('fails when any byte of the payload is changed', async () => {
    const payload = hexToBytes(VECTOR.payload as Hex);
    for (let i = 0; i < payload.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const tampered = Uint8Array.from(payload);
        tampered[i] = (tampered[i] as number) ^ mask;
        await expectCryptoError(
          () => eciesDecrypt({ privateKey: VECTOR.recipientPrivateKey, payload: tampered, aad: VECTOR.aad }),
          'CRYPTO_DECRYPTION_FAILED',
          { secrets: [VECTOR.recipientPrivateKey] },
        );
      }
    }
  });

  it('refuses invalid recipient public keys', async () => {
    const bad = 'CRYPTO_INVALID_ARGUMENT';
    const plaintext = new Uint8Array(32);
    const valid = hexToBytes(VECTOR.recipientPublicKey as Hex);
    const uncompressed = secp256k1.getPublicKey(hexToBytes(VECTOR.recipientPrivateKey), false);
    // x = 5 is not the x coordinate of any secp256k1 point (5^3 + 7 = 132 is a non-residue mod p).
    const offCurve = concatBytes(Uint8Array.of(2), h(`${'00'.repeat(31)}05`));
    const cases: [unknown, RegExp][] = [
      [uncompressed, /^"recipientPublicKey" expected 33 bytes, got 65$/],
      [valid.subarray(0, 32), /expected 33 bytes, got 32/],
      [new Uint8Array(33), /is not a compressed secp256k1 point/],
      [concatBytes(Uint8Array.of(4), valid.subarray(1)), /is not a compressed secp256k1 point/],
      [offCurve, /is not a compressed secp256k1 point/],
      [concatBytes(Uint8Array.of(2), h('ff'.repeat(32))), /is not a compressed secp256k1 point/],
      ['0x02zz', /"recipientPublicKey" expected 0x-prefixed hex/],
      [123, /"recipientPublicKey" expected 0x-prefixed hex or Uint8Array/],
    ];
    for (const [recipientPublicKey, message] of cases) {
      await expectCryptoError(() => eciesEncrypt({ recipientPublicKey: recipientPublicKey as Hex, plaintext }), bad, { message });
    }
    await expectCryptoError(() => eciesDecrypt({ privateKey: VECTOR.recipientPrivateKey, payload: new Uint8Array(60) }), bad, {
      message: /^"payload" expected at least 61 bytes, got 60$/,
    });
    await expectCryptoError(() => eciesDecrypt({ privateKey: '0x1234', payload: new Uint8Array(61) }), 'CRYPTO_INVALID_PRIVATE_KEY');
  });
});
