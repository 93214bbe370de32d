import { ctr } from '@noble/ciphers/aes.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes } from './bytes.ts';

/** AES-128-CTR under the first 16 bytes of the derived key (encryption and decryption alike). */
export function keystoreAes128Ctr(derivedKey: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return ctr(derivedKey.subarray(0, 16), iv).encrypt(data);
}

/** The v3 keystore MAC: keccak256(derivedKey[16..32] || ciphertext). */
export function keystoreMac(derivedKey: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return keccak_256(concatBytes(derivedKey.subarray(16, 32), ciphertext));
}
