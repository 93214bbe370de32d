import { randomBytes } from 'node:crypto';
import { sha256 } from './sha256.ts';
import { AES_GCM, decryptAesGcm, encryptAesGcm } from './aesGcm.ts';
import { assertBytes, assertHex, assertString } from './assert.ts';
import { bytesToHex, concatBytes, equalBytes, hexToBytes, utf8ToBytes } from './bytes.ts';
import { eciesDecrypt, eciesEncrypt } from './ecies.ts';
import type { EciesReceiver, EciesSender } from './eciesSession.ts';
import { CryptoError } from './errors.ts';
import type { PrivateKey } from './toPrivateKeyBytes.ts';
import { type PublicKey, toPublicKeyBytes } from './toPublicKeyBytes.ts';
import type { Hex } from './types.ts';

// Envelope encryption of a record: the body is AES-256-GCM under a fresh data key; the data
// key is ECIES-wrapped per reader with the ciphertext hash as aad, so a wrapped key only opens
// the record it was made for. The three functions share that binding, hence one file.

/** Bounds of {@link sealEnvelope}. */
export const ENVELOPE_LIMITS = { maxRecipients: 64, maxIdLength: 256 } as const;

const WRAP_DOMAIN = utf8ToBytes('medchain-envelope-v1/data-key');

/**
 * One reader of an envelope: an application id (an address, "patient", ...) and either its key
 * or an ECIES session to it (one ECDH for many envelopes; see createEciesSender).
 */
export type EnvelopeRecipient = { id: string; publicKey: PublicKey } | { id: string; sender: EciesSender };

/** The reader's side: its private key, or an ECIES receiver caching derived keys. */
export type EnvelopeReader = { privateKey: PrivateKey; receiver?: undefined } | { receiver: EciesReceiver; privateKey?: undefined };

/** The data key of an envelope wrapped for one reader. */
export type WrappedKey = { id: string; wrappedKey: Uint8Array };

/** Options of {@link sealEnvelope}. */
export type SealEnvelopeOptions = {
  plaintext: Uint8Array;
  /** One to 64 readers with distinct ids. */
  recipients: readonly EnvelopeRecipient[];
  /** Additional data bound to the body; every opener must pass it identically. */
  aad?: Uint8Array | undefined;
};

/** Return type of {@link sealEnvelope}. */
export type SealEnvelopeReturnType = {
  /** `nonce (12) || ciphertext || tag (16)`: what the blob store holds. */
  ciphertext: Uint8Array;
  /** SHA-256 of `ciphertext`, lowercase `0x` hex: the content address the chain stores. */
  ciphertextHash: Hex;
  /** The data key wrapped for each recipient, in the order given. */
  wrappedKeys: WrappedKey[];
};

/** Options of {@link openEnvelope}. */
export type OpenEnvelopeOptions = {
  ciphertext: Uint8Array;
  /** The reader's wrapped data key. */
  wrappedKey: Uint8Array;
  /** Content address from the chain; when given, checked before any decryption. */
  expectedHash?: Hex | undefined;
  aad?: Uint8Array | undefined;
} & EnvelopeReader;

/** Options of {@link rewrapKey}. */
export type RewrapKeyOptions = {
  /** A data key wrapped for the reader given by `privateKey` or `receiver`. */
  wrappedKey: Uint8Array;
  /** Content address of the record the key belongs to. */
  ciphertextHash: Hex;
} & EnvelopeReader &
  (
    | { /** The new reader's 33-byte compressed public key. */ recipientPublicKey: PublicKey; recipientSender?: undefined }
    | { /** An ECIES session to the new reader. */ recipientSender: EciesSender; recipientPublicKey?: undefined }
  );

function wrapAad(hash: Uint8Array): Uint8Array {
  return concatBytes(WRAP_DOMAIN, hash);
}

function unwrapDataKey(wrappedKey: Uint8Array, reader: EnvelopeReader, hash: Uint8Array): Uint8Array {
  const aad = wrapAad(hash);
  const dataKey =
    reader.receiver !== undefined
      ? reader.receiver.decrypt(wrappedKey, aad)
      : eciesDecrypt({ privateKey: reader.privateKey, payload: wrappedKey, aad });
  if (dataKey.length !== AES_GCM.keyBytes) {
    dataKey.fill(0);
    throw new CryptoError(`"wrappedKey" does not hold a ${AES_GCM.keyBytes}-byte data key`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  return dataKey;
}

function assertRecipients(recipients: unknown): asserts recipients is readonly EnvelopeRecipient[] {
  if (!Array.isArray(recipients) || recipients.length < 1 || recipients.length > ENVELOPE_LIMITS.maxRecipients) {
    throw new CryptoError(`"recipients" expected an array of 1 to ${ENVELOPE_LIMITS.maxRecipients} recipients`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  const seen = new Set<string>();
  recipients.forEach((recipient: unknown, i) => {
    if (typeof recipient !== 'object' || recipient === null) {
      throw new CryptoError(`"recipients[${i}]" expected { id, publicKey }`, { code: 'CRYPTO_INVALID_ARGUMENT' });
    }
    const { id } = recipient as { id: unknown };
    assertString(`recipients[${i}].id`, id, { nonEmpty: true, maxLength: ENVELOPE_LIMITS.maxIdLength });
    if (seen.has(id)) throw new CryptoError(`"recipients[${i}].id" repeats an earlier id`, { code: 'CRYPTO_INVALID_ARGUMENT' });
    seen.add(id);
  });
}

/**
 * Encrypts a record for several readers: a fresh random 32-byte data key encrypts the body
 * (AES-256-GCM), and is ECIES-wrapped for each recipient with the ciphertext hash as aad.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function sealEnvelope({ plaintext, recipients, aad }: SealEnvelopeOptions): SealEnvelopeReturnType {
  assertBytes('plaintext', plaintext);
  assertRecipients(recipients);
  if (aad !== undefined) assertBytes('aad', aad);
  // Check every public key before the data key exists, so a bad key fails with nothing to wipe.
  const publicKeys = recipients.map((recipient, i) =>
    'sender' in recipient ? undefined : toPublicKeyBytes(recipient.publicKey, `recipients[${i}].publicKey`),
  );

  const dataKey = new Uint8Array(randomBytes(AES_GCM.keyBytes));
  try {
    const sealed = encryptAesGcm({ key: dataKey, plaintext, aad });
    const ciphertext = concatBytes(sealed.nonce, sealed.ciphertext);
    const hash = sha256(ciphertext);
    const keyAad = wrapAad(hash);
    const wrappedKeys = recipients.map((recipient, i) => ({
      id: recipient.id,
      wrappedKey:
        'sender' in recipient
          ? recipient.sender.encrypt(dataKey, keyAad)
          : eciesEncrypt({ recipientPublicKey: publicKeys[i] as Uint8Array, plaintext: dataKey, aad: keyAad }),
    }));
    return { ciphertext, ciphertextHash: bytesToHex(hash), wrappedKeys };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Opens an envelope with one reader's wrapped key and private key. With `expectedHash`, the
 * ciphertext is checked against it before any decryption.
 * @throws CryptoError `CRYPTO_HASH_MISMATCH`, `CRYPTO_DECRYPTION_FAILED` (wrong key, wrapped
 * key of another record, wrong aad, tampering), `CRYPTO_INVALID_ARGUMENT`, `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function openEnvelope(options: OpenEnvelopeOptions): Uint8Array {
  const { ciphertext, wrappedKey, expectedHash, aad } = options;
  assertBytes('ciphertext', ciphertext);
  const minimum = AES_GCM.nonceBytes + AES_GCM.tagBytes;
  if (ciphertext.length < minimum) {
    throw new CryptoError(`"ciphertext" expected at least ${minimum} bytes, got ${ciphertext.length}`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  assertBytes('wrappedKey', wrappedKey);
  if (aad !== undefined) assertBytes('aad', aad);
  const hash = sha256(ciphertext);
  if (expectedHash !== undefined) {
    assertHex('expectedHash', expectedHash, 32);
    if (!equalBytes(hash, hexToBytes(expectedHash, 'expectedHash'))) {
      throw new CryptoError('Ciphertext hash does not match "expectedHash"', {
        code: 'CRYPTO_HASH_MISMATCH',
        details: `sha256(ciphertext) is ${bytesToHex(hash)}`,
      });
    }
  }
  const dataKey = unwrapDataKey(wrappedKey, options, hash);
  try {
    return decryptAesGcm({
      key: dataKey,
      nonce: ciphertext.subarray(0, AES_GCM.nonceBytes),
      ciphertext: ciphertext.subarray(AES_GCM.nonceBytes),
      aad,
    });
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps a record's data key for another reader (what a custodian does for a peer) without
 * touching the body. The new wrap is bound to the same `ciphertextHash`.
 * @throws CryptoError `CRYPTO_DECRYPTION_FAILED` (wrong key, or `wrappedKey` is not for this
 * record), `CRYPTO_INVALID_ARGUMENT`, `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function rewrapKey(options: RewrapKeyOptions): Uint8Array {
  const { wrappedKey, ciphertextHash, recipientSender } = options;
  assertBytes('wrappedKey', wrappedKey);
  assertHex('ciphertextHash', ciphertextHash, 32);
  const hash = hexToBytes(ciphertextHash, 'ciphertextHash');
  // Validate the new reader's key before the data key exists in memory.
  const recipient =
    recipientSender === undefined ? toPublicKeyBytes(options.recipientPublicKey, 'recipientPublicKey') : undefined;
  const dataKey = unwrapDataKey(wrappedKey, options, hash);
  try {
    const aad = wrapAad(hash);
    if (recipientSender !== undefined) return recipientSender.encrypt(dataKey, aad);
    return eciesEncrypt({ recipientPublicKey: recipient as Uint8Array, plaintext: dataKey, aad });
  } finally {
    dataKey.fill(0);
  }
}
