import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex } from './bytes.ts';
import type { Hex } from './types.ts';

/** Generates a uniformly random secp256k1 private key from the platform CSPRNG. */
export function generatePrivateKey(): Hex {
  return bytesToHex(secp256k1.utils.randomSecretKey());
}
