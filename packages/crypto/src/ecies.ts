import { secp256k1 } from '@noble/curves/secp256k1.js';
import { AES_GCM, decryptAesGcm, encryptAesGcm } from './aesGcm.ts';
import { assertBytes } from './assert.ts';
import { concatBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { deriveEciesKey } from './eciesKdf.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';
import { isValidPublicKeyBytes, type PublicKey, toPublicKeyBytes } from './toPublicKeyBytes.ts';

/** Layout of an ECIES payload: `ephemeralPublicKey (33) || nonce (12) || ciphertext || tag (16)`. */
export const ECIES = {
  info: 'medchain-ecies-v1',
  publicKeyBytes: 33,
  overheadBytes: 33 + AES_GCM.nonceBytes + AES_GCM.tagBytes,
} as const;

/** Options of {@link eciesEncrypt}. */
export type EciesEncryptOptions = {
  /** The recipient's 33-byte compressed secp256k1 public key. */
  recipientPublicKey: PublicKey;
  plaintext: Uint8Array;
  /** Additional authenticated data the decrypting side must pass identically. */
  aad?: Uint8Array | undefined;
  /** Fixed ephemeral key (default: random). For reproducing test vectors only; never reuse one. */
  ephemeralPrivateKey?: PrivateKey | undefined;
  /** Fixed AES-GCM nonce (default: random). For reproducing test vectors only. */
  nonce?: Uint8Array | undefined;
};

/** Options of {@link eciesDecrypt}. */
export type EciesDecryptOptions = {
  privateKey: PrivateKey;
  /** `ephemeralPublicKey (33) || nonce (12) || ciphertext || tag (16)`, as {@link eciesEncrypt} returns. */
  payload: Uint8Array;
  aad?: Uint8Array | undefined;
};

/**
 * Encrypts to a secp256k1 public key (ECIES: ephemeral ECDH, HKDF-SHA256 with
 * salt = ephemeralPublicKey || recipientPublicKey and info "medchain-ecies-v1", AES-256-GCM).
 * Returns `ephemeralPublicKey (33) || nonce (12) || ciphertext || tag (16)`.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`, `CRYPTO_INVALID_PRIVATE_KEY` (bad `ephemeralPrivateKey`)
 */
export function eciesEncrypt({ recipientPublicKey, plaintext, aad, ephemeralPrivateKey, nonce }: EciesEncryptOptions): Uint8Array {
  const recipient = toPublicKeyBytes(recipientPublicKey, 'recipientPublicKey');
  assertBytes('plaintext', plaintext);
  const ephemeral =
    ephemeralPrivateKey === undefined
      ? secp256k1.utils.randomSecretKey()
      : toPrivateKeyBytes(ephemeralPrivateKey, 'ephemeralPrivateKey');
  const ephemeralPublicKey = secp256k1.getPublicKey(ephemeral, true);
  const key = deriveEciesKey(ephemeral, recipient, concatBytes(ephemeralPublicKey, recipient));
  ephemeral.fill(0);
  try {
    const sealed = encryptAesGcm({ key, plaintext, aad, nonce });
    return concatBytes(ephemeralPublicKey, sealed.nonce, sealed.ciphertext);
  } finally {
    key.fill(0);
  }
}

/**
 * Decrypts an {@link eciesEncrypt} payload with the recipient's private key.
 * @throws CryptoError `CRYPTO_DECRYPTION_FAILED` (wrong key, wrong aad, tampered payload),
 * `CRYPTO_INVALID_ARGUMENT` (payload too short), `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function eciesDecrypt({ privateKey, payload, aad }: EciesDecryptOptions): Uint8Array {
  const secret = toPrivateKeyBytes(privateKey);
  assertBytes('payload', payload);
  if (payload.length < ECIES.overheadBytes) {
    secret.fill(0);
    throw new CryptoError(`"payload" expected at least ${ECIES.overheadBytes} bytes, got ${payload.length}`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  const ephemeralPublicKey = payload.subarray(0, ECIES.publicKeyBytes);
  const nonce = payload.subarray(ECIES.publicKeyBytes, ECIES.publicKeyBytes + AES_GCM.nonceBytes);
  const ciphertext = payload.subarray(ECIES.publicKeyBytes + AES_GCM.nonceBytes);
  // A tampered ephemeral key is a tampered payload: same code as any other authentication failure.
  if (!isValidPublicKeyBytes(ephemeralPublicKey)) {
    secret.fill(0);
    throw new CryptoError('ECIES decryption failed: invalid ephemeral public key', { code: 'CRYPTO_DECRYPTION_FAILED' });
  }
  const recipient = secp256k1.getPublicKey(secret, true);
  const key = deriveEciesKey(secret, ephemeralPublicKey, concatBytes(ephemeralPublicKey, recipient));
  secret.fill(0);
  try {
    return decryptAesGcm({ key, nonce, ciphertext, aad });
  } finally {
    key.fill(0);
  }
}
