import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from './bytes.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';
import type { Hex } from './types.ts';

/** Options of {@link privateKeyToPublicKey}. */
export type PrivateKeyToPublicKeyOptions = {
  /**
   * `true` (default): 33-byte SEC1 compressed key, the form the chain stores as an account's
   * encryption public key. `false`: 65-byte uncompressed key (`0x04 || x || y`), as viem returns.
   */
  compressed?: boolean;
};

/**
 * Derives the secp256k1 public key of a private key.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function privateKeyToPublicKey(privateKey: PrivateKey, { compressed = true }: PrivateKeyToPublicKeyOptions = {}): Hex {
  return bytesToHex(secp256k1.getPublicKey(toPrivateKeyBytes(privateKey), compressed));
}
