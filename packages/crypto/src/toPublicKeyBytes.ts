import { secp256k1 } from '@noble/curves/secp256k1.js';
import { assertBytes } from './assert.ts';
import { hexToBytes, isHex } from './bytes.ts';
import { CryptoError } from './errors.ts';
import type { Hex } from './types.ts';

/** A secp256k1 public key in 33-byte SEC1 compressed form, as `0x` hex or raw bytes. */
export type PublicKey = Hex | Uint8Array;

/** Whether `bytes` encode a secp256k1 point on the curve other than the identity. */
export function isValidPublicKeyBytes(bytes: Uint8Array): boolean {
  try {
    const point = secp256k1.Point.fromBytes(bytes);
    point.assertValidity();
    return !point.is0();
  } catch {
    return false;
  }
}

/**
 * Checks a compressed secp256k1 public key (33 bytes, prefix 02/03, on the curve, not the
 * identity) and returns it as a fresh byte array.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function toPublicKeyBytes(publicKey: PublicKey, name = 'publicKey'): Uint8Array {
  let bytes: Uint8Array;
  if (publicKey instanceof Uint8Array) bytes = Uint8Array.from(publicKey);
  else if (isHex(publicKey)) bytes = hexToBytes(publicKey, name);
  else throw new CryptoError(`"${name}" expected 0x-prefixed hex or Uint8Array`, { code: 'CRYPTO_INVALID_ARGUMENT' });
  assertBytes(name, bytes, 33);
  if (!isValidPublicKeyBytes(bytes)) {
    throw new CryptoError(`"${name}" is not a compressed secp256k1 point`, { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  return bytes;
}
