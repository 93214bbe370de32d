import { checksumAddress } from './checksumAddress.ts';
import type { Address } from './types.ts';

const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;

/**
 * Whether `value` is a 20-byte `0x` address. All-lowercase and all-uppercase digits are
 * accepted as unchecksummed; mixed case must be a valid EIP-55 checksum (as viem's `isAddress`).
 */
export function isAddress(value: unknown): value is Address {
  if (typeof value !== 'string' || !ADDRESS_RE.test(value)) return false;
  const digits = value.slice(2);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return true;
  return checksumAddress(value) === value;
}
