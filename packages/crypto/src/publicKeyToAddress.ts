import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { assertBytes } from './assert.ts';
import { bytesToHex, hexToBytes } from './bytes.ts';
import { checksumAddress } from './checksumAddress.ts';
import { CryptoError } from './errors.ts';
import type { Address, Hex } from './types.ts';

/**
 * Derives the EIP-55 address of a secp256k1 public key given compressed (33 bytes) or
 * uncompressed (65 bytes); the point is checked to lie on the curve.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function publicKeyToAddress(publicKey: Hex | Uint8Array): Address {
  const bytes = typeof publicKey === 'string' ? hexToBytes(publicKey, 'publicKey') : publicKey;
  assertBytes('publicKey', bytes);
  if (bytes.length !== 33 && bytes.length !== 65) {
    throw new CryptoError(`"publicKey" expected 33 or 65 bytes, got ${bytes.length}`, { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  let uncompressed: Uint8Array;
  try {
    uncompressed = secp256k1.Point.fromBytes(bytes).toBytes(false);
  } catch (cause) {
    throw new CryptoError('"publicKey" is not a point on secp256k1', { code: 'CRYPTO_INVALID_ARGUMENT', cause });
  }
  return checksumAddress(bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12)));
}
