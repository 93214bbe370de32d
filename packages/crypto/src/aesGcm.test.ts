import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gcm } from '@noble/ciphers/aes.js';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { decryptAesGcm, encryptAesGcm } from './aesGcm.ts';
import { bytesToHex, hexToBytes } from './bytes.ts';

const h = (hex: string) => hexToBytes(`0x${hex}`);
const KEY_F = 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308';
const IV_F = 'cafebabefacedbaddecaf888';
const P_F =
  'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255';
const C_F =
  '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad';

// McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13-16 (AES-256).
const VECTORS = [
  { name: 'test case 13', key: '00'.repeat(32), iv: '00'.repeat(12), p: '', a: '', c: '', t: '530f8afbc74536b9a963b4f1c4cb738b' },
  {
    name: 'test case 14',
    key: '00'.repeat(32),
    iv: '00'.repeat(12),
    p: '00'.repeat(16),
    a: '',
    c: 'cea7403d4d606b6e074ec5d3baf39d18',
    t: 'd0d1c8a799996bf0265b98b5d48ab919',
  },
  { name: 'test case 15', key: KEY_F, iv: IV_F, p: P_F, a: '', c: C_F, t: 'b094dac5d93471bdec1a502270e3cc6c' },
  {
    name: 'test case 16',
    key: KEY_F,
    iv: IV_F,
    p: P_F.slice(0, 120),
    a: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    c: C_F.slice(0, 120),
    t: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
];

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7));
  return out;
}

describe('encryptAesGcm / decryptAesGcm', () => {
  for (const v of VECTORS) {
    it(`matches GCM spec ${v.name}`, () => {
      const aad = v.a ? h(v.a) : undefined;
      const sealed = encryptAesGcm({ key: h(v.key), plaintext: h(v.p), aad, nonce: h(v.iv) });
      assert.equal(bytesToHex(sealed.nonce), `0x${v.iv}`);
      assert.equal(bytesToHex(sealed.ciphertext), `0x${v.c}${v.t}`);
      const opened = decryptAesGcm({ key: h(v.key), nonce: h(v.iv), ciphertext: h(v.c + v.t), aad });
      assert.equal(bytesToHex(opened), `0x${v.p}`);
    });
  }

  it('agrees with @noble/ciphers gcm (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 40 }),
        (key, nonce, plaintext, aad) => {
          const { ciphertext } = encryptAesGcm({ key, nonce, plaintext, aad });
          assert.deepEqual(ciphertext, gcm(key, nonce, aad).encrypt(plaintext));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('round-trips with a random nonce (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), fc.option(fc.uint8Array({ maxLength: 40 }), { nil: undefined }), (key, plaintext, aad) => {
        const { nonce, ciphertext } = encryptAesGcm({ key, plaintext, aad });
        assert.equal(nonce.length, 12);
        assert.equal(ciphertext.length, plaintext.length + 16);
        assert.deepEqual(decryptAesGcm({ key, nonce, ciphertext, aad }), plaintext);
      }),
      { numRuns: 100 },
    );
  });

  it('draws a fresh nonce each call', () => {
    const key = new Uint8Array(32);
    const a = encryptAesGcm({ key, plaintext: new Uint8Array(1) });
    const b = encryptAesGcm({ key, plaintext: new Uint8Array(1) });
    assert.notDeepEqual(a.nonce, b.nonce);
  });

  it('fails on any single flipped bit of nonce, ciphertext, tag or aad (property)', async () => {
    const key = h(KEY_F);
    const plaintext = h(P_F);
    const aad = h('feedfacedeadbeef');
    const { nonce, ciphertext } = encryptAesGcm({ key, plaintext, aad });
    const parts = { nonce, ciphertext, aad } as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('nonce', 'ciphertext', 'aad'), fc.nat(), async (part, n) => {
        const bit = n % (parts[part].length * 8);
        const tampered = { ...parts, [part]: flipBit(parts[part], bit) };
        await expectCryptoError(() => decryptAesGcm({ key, ...tampered }), 'CRYPTO_DECRYPTION_FAILED');
      }),
      { numRuns: 200 },
    );
    // Every bit of the tag, exhaustively; and a missing or added aad.
    for (let bit = (ciphertext.length - 16) * 8; bit < ciphertext.length * 8; bit++) {
      await expectCryptoError(() => decryptAesGcm({ key, nonce, ciphertext: flipBit(ciphertext, bit), aad }), 'CRYPTO_DECRYPTION_FAILED');
    }
    await expectCryptoError(() => decryptAesGcm({ key, nonce, ciphertext }), 'CRYPTO_DECRYPTION_FAILED');
    await expectCryptoError(() => decryptAesGcm({ key: new Uint8Array(32), nonce, ciphertext, aad }), 'CRYPTO_DECRYPTION_FAILED', {
      message: /^AES-GCM decryption failed/,
    });
  });

  it('checks its arguments, naming them', async () => {
    const key = new Uint8Array(32);
    const nonce = new Uint8Array(12);
    const plaintext = new Uint8Array(0);
    const bad = 'CRYPTO_INVALID_ARGUMENT';
    await expectCryptoError(() => encryptAesGcm({ key: new Uint8Array(16), plaintext }), bad, { message: /^"key" expected 32 bytes, got 16$/ });
    await expectCryptoError(() => encryptAesGcm({ key, plaintext, nonce: new Uint8Array(16) }), bad, { message: /^"nonce" expected 12 bytes, got 16$/ });
    await expectCryptoError(() => encryptAesGcm({ key, plaintext: 'text' as unknown as Uint8Array }), bad, { message: /^"plaintext" expected Uint8Array/ });
    await expectCryptoError(() => encryptAesGcm({ key, plaintext, aad: [] as unknown as Uint8Array }), bad, { message: /^"aad"/ });
    await expectCryptoError(() => decryptAesGcm({ key, nonce, ciphertext: new Uint8Array(15) }), bad, { message: /^"ciphertext" expected at least 16 bytes/ });
    await expectCryptoError(() => decryptAesGcm({ key, nonce: new Uint8Array(8), ciphertext: new Uint8Array(16) }), bad, { message: /^"nonce"/ });
  });
});
