import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes, isHex } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { hashMessage } from './hashMessage.ts';
import { publicKeyToAddress } from './publicKeyToAddress.ts';
import type { Address, Hex } from './types.ts';

/** Options of {@link recoverMessageAddress}. */
export type RecoverMessageAddressOptions = {
  message: string | Uint8Array;
  /** 65-byte `r || s || v` hex; `v` in {27, 28} or {0, 1}. */
  signature: Hex;
};

function badSignature(message: string, cause?: unknown): CryptoError {
  return new CryptoError(message, { code: 'CRYPTO_BAD_SIGNATURE', cause });
}

/**
 * Recovers the signer address of an EIP-191 personal-message signature. High-s signatures
 * are refused so that each (message, signer) has one valid signature (no malleability).
 * @throws CryptoError `CRYPTO_BAD_SIGNATURE` when the signature is malformed or unrecoverable.
 */
export function recoverMessageAddress({ message, signature }: RecoverMessageAddressOptions): Address {
  const digest = hexToBytes(hashMessage(message));
  if (!isHex(signature)) throw badSignature('"signature" expected 0x-prefixed hex');
  const bytes = hexToBytes(signature);
  if (bytes.length !== 65) throw badSignature(`"signature" expected 65 bytes, got ${bytes.length}`);
  const v = bytes[64] as number;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) throw badSignature('"signature" has an invalid v (expected 27, 28, 0 or 1)');
  let sig;
  try {
    sig = secp256k1.Signature.fromBytes(bytes.subarray(0, 64), 'compact').addRecoveryBit(recovery);
  } catch (cause) {
    throw badSignature('"signature" has r or s outside [1, n-1]', cause);
  }
  if (sig.hasHighS()) throw badSignature('"signature" has a high s-value (malleable form refused)');
  try {
    return publicKeyToAddress(sig.recoverPublicKey(digest).toBytes(false));
  } catch (cause) {
    throw badSignature('"signature" does not recover to a public key', cause);
  }
}
