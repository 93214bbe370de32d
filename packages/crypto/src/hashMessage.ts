import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, utf8ToBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import type { Hex } from './types.ts';

/**
 * EIP-191 (version 0x45, "personal_sign") hash of a message:
 * `keccak256("\x19Ethereum Signed Message:\n" + byteLength + message)`. Strings are UTF-8.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `message` is neither string nor bytes.
 */
export function hashMessage(message: string | Uint8Array): Hex {
  let bytes: Uint8Array;
  if (typeof message === 'string') bytes = utf8ToBytes(message);
  else if (message instanceof Uint8Array) bytes = message;
  else throw new CryptoError('"message" expected string or Uint8Array', { code: 'CRYPTO_INVALID_ARGUMENT' });
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${bytes.length}`);
  return bytesToHex(keccak_256(concatBytes(prefix, bytes)));
}
