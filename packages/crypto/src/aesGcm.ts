import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { assertBytes } from './assert.ts';
import { concatBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';

/** Byte lengths of AES-256-GCM as used here: 256-bit key, 96-bit nonce, 128-bit tag. */
export const AES_GCM = { keyBytes: 32, nonceBytes: 12, tagBytes: 16 } as const;

/** Options of {@link encryptAesGcm}. */
export type EncryptAesGcmOptions = {
  /** 32-byte AES-256 key. */
  key: Uint8Array;
  plaintext: Uint8Array;
  /** Additional authenticated data: bound to the ciphertext but not encrypted. */
  aad?: Uint8Array | undefined;
  /**
   * 12-byte nonce; default random. Never reuse a nonce under the same key: pass one only to
   * reproduce test vectors.
   */
  nonce?: Uint8Array | undefined;
};

/** Return type of {@link encryptAesGcm}. */
export type EncryptAesGcmReturnType = {
  nonce: Uint8Array;
  /** Ciphertext with the 16-byte tag appended. */
  ciphertext: Uint8Array;
};

/** Options of {@link decryptAesGcm}. */
export type DecryptAesGcmOptions = {
  key: Uint8Array;
  nonce: Uint8Array;
  /** Ciphertext with the 16-byte tag appended. */
  ciphertext: Uint8Array;
  aad?: Uint8Array | undefined;
};

/**
 * Encrypts with AES-256-GCM (Node's OpenSSL implementation).
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function encryptAesGcm({ key, plaintext, aad, nonce }: EncryptAesGcmOptions): EncryptAesGcmReturnType {
  assertBytes('key', key, AES_GCM.keyBytes);
  assertBytes('plaintext', plaintext);
  if (aad !== undefined) assertBytes('aad', aad);
  const iv = nonce ?? new Uint8Array(randomBytes(AES_GCM.nonceBytes));
  assertBytes('nonce', iv, AES_GCM.nonceBytes);

  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: AES_GCM.tagBytes });
  if (aad !== undefined) cipher.setAAD(aad);
  const body = concatBytes(cipher.update(plaintext), cipher.final());
  return { nonce: Uint8Array.from(iv), ciphertext: concatBytes(body, cipher.getAuthTag()) };
}

/**
 * Decrypts and authenticates AES-256-GCM. Returns the plaintext only when the tag verifies;
 * any failure throws, and no partial plaintext escapes.
 * @throws CryptoError `CRYPTO_DECRYPTION_FAILED`, `CRYPTO_INVALID_ARGUMENT`
 */
export function decryptAesGcm({ key, nonce, ciphertext, aad }: DecryptAesGcmOptions): Uint8Array {
  assertBytes('key', key, AES_GCM.keyBytes);
  assertBytes('nonce', nonce, AES_GCM.nonceBytes);
  assertBytes('ciphertext', ciphertext);
  if (ciphertext.length < AES_GCM.tagBytes) {
    throw new CryptoError(`"ciphertext" expected at least ${AES_GCM.tagBytes} bytes (the tag), got ${ciphertext.length}`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  if (aad !== undefined) assertBytes('aad', aad);

  const split = ciphertext.length - AES_GCM.tagBytes;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: AES_GCM.tagBytes });
  decipher.setAuthTag(ciphertext.subarray(split));
  if (aad !== undefined) decipher.setAAD(aad);
  const body = decipher.update(ciphertext.subarray(0, split));
  try {
    decipher.final();
  } catch {
    // update() already produced unauthenticated plaintext: wipe it before refusing.
    body.fill(0);
    throw new CryptoError('AES-GCM decryption failed: authentication tag mismatch', { code: 'CRYPTO_DECRYPTION_FAILED' });
  }
  // Copy out of Node's Buffer (which may share a pooled allocation) and wipe the original.
  const plaintext = Uint8Array.from(body);
  body.fill(0);
  return plaintext;
}
