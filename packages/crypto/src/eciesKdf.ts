import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { AES_GCM } from './aesGcm.ts';
import { utf8ToBytes } from './bytes.ts';

const INFO = utf8ToBytes('medchain-ecies-v1');

/**
 * ECDH x coordinate -> HKDF-SHA256 -> AES-256 key. The salt binds both public keys
 * (`ephemeralPublicKey || recipientPublicKey`), so a payload cannot be replayed as if made for
 * another recipient or with another ephemeral key. Shared by one-shot ECIES and its sessions.
 */
export function deriveEciesKey(privateKey: Uint8Array, peerPublicKey: Uint8Array, salt: Uint8Array): Uint8Array {
  const shared = secp256k1.getSharedSecret(privateKey, peerPublicKey, true);
  const key = hkdf(sha256, shared.subarray(1), salt, INFO, AES_GCM.keyBytes);
  shared.fill(0);
  return key;
}
