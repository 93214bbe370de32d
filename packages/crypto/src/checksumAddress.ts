import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import type { Address } from './types.ts';

const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;

/**
 * Returns the EIP-55 mixed-case checksummed form of a 20-byte address given in any case.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT` when `address` is not 0x + 40 hex digits.
 */
export function checksumAddress(address: string): Address {
  if (typeof address !== 'string' || !ADDRESS_RE.test(address)) {
    throw new CryptoError('"address" expected 0x-prefixed 20-byte hex', { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(utf8ToBytes(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    // Nibble i of the hash decides the case of hex digit i.
    const nibble = ((hash[i >> 1] as number) >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const char = lower[i] as string;
    out += nibble >= 8 ? char.toUpperCase() : char;
  }
  return out as Address;
}
