import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes, isHex } from './bytes.ts';
import { CryptoError } from './errors.ts';
import type { Hex } from './types.ts';

/** A secp256k1 private key: 32 bytes, as `0x` hex or raw bytes. */
export type PrivateKey = Hex | Uint8Array;

function invalidKey(message: string): CryptoError {
  return new CryptoError(message, { code: 'CRYPTO_INVALID_PRIVATE_KEY' });
}

/**
 * Checks a private key and returns it as a fresh 32-byte array. Errors name the argument and
 * state lengths only, never key material.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function toPrivateKeyBytes(privateKey: PrivateKey, name = 'privateKey'): Uint8Array {
  let bytes: Uint8Array;
  if (privateKey instanceof Uint8Array) bytes = Uint8Array.from(privateKey);
  else if (isHex(privateKey)) bytes = hexToBytes(privateKey);
  else throw invalidKey(`"${name}" expected 0x-prefixed hex or Uint8Array`);
  if (bytes.length !== 32) throw invalidKey(`"${name}" expected 32 bytes, got ${bytes.length}`);
  if (!secp256k1.utils.isValidSecretKey(bytes)) {
    throw invalidKey(`"${name}" is not a valid secp256k1 scalar (must be in [1, n-1])`);
  }
  return bytes;
}
