import { secp256k1 } from '@noble/curves/secp256k1.js';
import { publicKeyToAddress } from './publicKeyToAddress.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';
import type { Address } from './types.ts';

/**
 * Derives the EIP-55 checksummed account address of a private key.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`
 */
export function privateKeyToAddress(privateKey: PrivateKey): Address {
  return publicKeyToAddress(secp256k1.getPublicKey(toPrivateKeyBytes(privateKey), false));
}
