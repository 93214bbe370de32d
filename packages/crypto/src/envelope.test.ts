import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, utf8ToBytes } from './bytes.ts';
import { canonicalJson } from './canonicalJson.ts';
import { openEnvelope, rewrapKey, sealEnvelope } from './envelope.ts';
import { privateKeyToPublicKey } from './privateKeyToPublicKey.ts';
import type { Hex } from './types.ts';

const PATIENT = `0x${'a1'.repeat(32)}` as Hex;
const HOSPITAL = `0x${'b2'.repeat(32)}` as Hex;
const PEER = `0x${'c3'.repeat(32)}` as Hex;
const OUTSIDER = `0x${'d4'.repeat(32)}` as Hex;
const pub = (key: Hex) => privateKeyToPublicKey(key);
const RECORD = utf8ToBytes(canonicalJson({ resourceType: 'Observation', status: 'final', valueQuantity: { value: 5.4, unit: 'mmol/L' } }));

function seal(plaintext = RECORD, aad?: Uint8Array) {
  return sealEnvelope({
    plaintext,
    recipients: [
      { id: 'patient', publicKey: pub(PATIENT) },
      { id: 'hospital', publicKey: pub(HOSPITAL) },
    ],
    aad,
  });
}

function wrappedFor(envelope: ReturnType<typeof seal>, id: string): Uint8Array {
  const found = envelope.wrappedKeys.find((w) => w.id === id);
  assert.ok(found);
  return found.wrappedKey;
}

describe('sealEnvelope / openEnvelope / rewrapKey', () => {
  it('lets each recipient open the envelope, and content-addresses the ciphertext', () => {
    const envelope = seal();
    assert.equal(envelope.ciphertextHash, bytesToHex(sha256(envelope.ciphertext)));
    assert.equal(envelope.ciphertext.length, 12 + RECORD.length + 16);
    assert.deepEqual(envelope.wrappedKeys.map((w) => w.id), ['patient', 'hospital']);
    for (const [id, privateKey] of [['patient', PATIENT], ['hospital', HOSPITAL]] as const) {
      const plaintext = openEnvelope({
        ciphertext: envelope.ciphertext,
        wrappedKey: wrappedFor(envelope, id),
        privateKey,
        expectedHash: envelope.ciphertextHash,
      });
      assert.deepEqual(plaintext, RECORD);
    }
  });

  it('uses a fresh data key and nonce per call', () => {
    const a = seal();
    const b = seal();
    assert.notEqual(a.ciphertextHash, b.ciphertextHash);
    assert.notDeepEqual(a.ciphertext.subarray(0, 12), b.ciphertext.subarray(0, 12));
  });

  it('keeps out a third party, even with a recipient wrapped key', async () => {
    const envelope = seal();
    for (const id of ['patient', 'hospital']) {
      await expectCryptoError(
        () => openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey: wrappedFor(envelope, id), privateKey: OUTSIDER }),
        'CRYPTO_DECRYPTION_FAILED',
        { secrets: [OUTSIDER] },
      );
    }
  });

  it('detects a hash mismatch before any decryption', async () => {
    const envelope = seal();
    const tampered = Uint8Array.from(envelope.ciphertext);
    tampered[20] = (tampered[20] as number) ^ 1;
    const error = await expectCryptoError(
      () => openEnvelope({ ciphertext: tampered, wrappedKey: wrappedFor(envelope, 'patient'), privateKey: PATIENT, expectedHash: envelope.ciphertextHash }),
      'CRYPTO_HASH_MISMATCH',
      { secrets: [PATIENT] },
    );
    assert.match(error.shortMessage, /"expectedHash"/);
    // The hash check comes first: even an unusable wrapped key and a wrong private key give HASH_MISMATCH.
    await expectCryptoError(
      () => openEnvelope({ ciphertext: tampered, wrappedKey: new Uint8Array(0), privateKey: OUTSIDER, expectedHash: envelope.ciphertextHash }),
      'CRYPTO_HASH_MISMATCH',
    );
    // Upper-case hex from the chain still matches.
    const upper = `0x${envelope.ciphertextHash.slice(2).toUpperCase()}` as Hex;
    openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey: wrappedFor(envelope, 'patient'), privateKey: PATIENT, expectedHash: upper });
    // Without expectedHash, tampering is still caught, by the wrap's aad binding.
    await expectCryptoError(
      () => openEnvelope({ ciphertext: tampered, wrappedKey: wrappedFor(envelope, 'patient'), privateKey: PATIENT }),
      'CRYPTO_DECRYPTION_FAILED',
    );
  });

  it('binds the body aad', async () => {
    const aad = utf8ToBytes('Patient/123');
    const envelope = seal(RECORD, aad);
    const wrappedKey = wrappedFor(envelope, 'patient');
    assert.deepEqual(openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey, privateKey: PATIENT, aad }), RECORD);
    await expectCryptoError(() => openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey, privateKey: PATIENT }), 'CRYPTO_DECRYPTION_FAILED');
  });

  it('rewraps a data key for a peer, bound to the same record', () => {
    const envelope = seal();
    const peerKey = rewrapKey({
      wrappedKey: wrappedFor(envelope, 'hospital'),
      privateKey: HOSPITAL,
      ciphertextHash: envelope.ciphertextHash,
      recipientPublicKey: pub(PEER),
    });
    assert.deepEqual(openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey: peerKey, privateKey: PEER, expectedHash: envelope.ciphertextHash }), RECORD);
  });

  it('refuses a wrapped key moved from another record (aad binding)', async () => {
    const mine = seal(utf8ToBytes('record A'));
    const other = seal(utf8ToBytes('record B'));
    const foreign = wrappedFor(other, 'patient');
    await expectCryptoError(
      () => openEnvelope({ ciphertext: mine.ciphertext, wrappedKey: foreign, privateKey: PATIENT, expectedHash: mine.ciphertextHash }),
      'CRYPTO_DECRYPTION_FAILED',
    );
    // Nor can a custodian be tricked into rewrapping another record's key under this record's hash.
    await expectCryptoError(
      () => rewrapKey({ wrappedKey: foreign, privateKey: PATIENT, ciphertextHash: mine.ciphertextHash, recipientPublicKey: pub(PEER) }),
      'CRYPTO_DECRYPTION_FAILED',
    );
    // And a key rewrapped for record B does not open record A either.
    const rewrapped = rewrapKey({ wrappedKey: foreign, privateKey: PATIENT, ciphertextHash: other.ciphertextHash, recipientPublicKey: pub(PEER) });
    await expectCryptoError(
      () => openEnvelope({ ciphertext: mine.ciphertext, wrappedKey: rewrapped, privateKey: PEER }),
      'CRYPTO_DECRYPTION_FAILED',
    );
  });

  it('round-trips any plaintext for every recipient (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (plaintext) => {
        const envelope = seal(plaintext);
        assert.deepEqual(openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey: wrappedFor(envelope, 'patient'), privateKey: PATIENT }), plaintext);
        assert.deepEqual(openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey: wrappedFor(envelope, 'hospital'), privateKey: HOSPITAL }), plaintext);
      }),
      { numRuns: 15 },
    );
  });

  it('checks its arguments, naming them', async () => {
    const bad = 'CRYPTO_INVALID_ARGUMENT';
    const plaintext = RECORD;
    await expectCryptoError(() => sealEnvelope({ plaintext, recipients: [] }), bad, { message: /^"recipients" expected an array of 1 to 64/ });
    await expectCryptoError(
      () => sealEnvelope({ plaintext, recipients: [{ id: 'a', publicKey: pub(PATIENT) }, { id: 'a', publicKey: pub(HOSPITAL) }] }),
      bad,
      { message: /^"recipients\[1\]\.id" repeats an earlier id$/ },
    );
    await expectCryptoError(() => sealEnvelope({ plaintext, recipients: [{ id: '', publicKey: pub(PATIENT) }] }), bad, {
      message: /^"recipients\[0\]\.id" must not be empty$/,
    });
    await expectCryptoError(
      () => sealEnvelope({ plaintext, recipients: [{ id: 'a', publicKey: pub(PATIENT) }, { id: 'b', publicKey: `0x02${'00'.repeat(32)}` }] }),
      bad,
      { message: /^"recipients\[1\]\.publicKey" is not a compressed secp256k1 point$/ },
    );
    await expectCryptoError(() => sealEnvelope({ plaintext: 'x' as unknown as Uint8Array, recipients: [{ id: 'a', publicKey: pub(PATIENT) }] }), bad, {
      message: /^"plaintext"/,
    });
    const envelope = seal();
    const wrappedKey = wrappedFor(envelope, 'patient');
    await expectCryptoError(() => openEnvelope({ ciphertext: new Uint8Array(27), wrappedKey, privateKey: PATIENT }), bad, {
      message: /^"ciphertext" expected at least 28 bytes, got 27$/,
    });
    await expectCryptoError(() => openEnvelope({ ciphertext: envelope.ciphertext, wrappedKey, privateKey: PATIENT, expectedHash: '0x1234' }), bad, {
      message: /^"expectedHash" expected 32 bytes, got 2$/,
    });
    await expectCryptoError(
      () => rewrapKey({ wrappedKey, privateKey: PATIENT, ciphertextHash: envelope.ciphertextHash, recipientPublicKey: '0x03' }),
      bad,
      { message: /^"recipientPublicKey" expected 33 bytes, got 1$/ },
    );
    await expectCryptoError(() => rewrapKey({ wrappedKey, privateKey: PATIENT, ciphertextHash: 'abc' as Hex, recipientPublicKey: pub(PEER) }), bad, {
      message: /^"ciphertextHash"/,
    });
  });
});
