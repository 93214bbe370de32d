import { bytesToHex as nobleBytesToHex, hexToBytes as nobleHexToBytes } from '@noble/hashes/utils.js';
import { CryptoError } from './errors.ts';
import type { Hex } from './types.ts';

// The lowest layer of the package: imports no other module of it except errors, so that
// assertion helpers and address code can build on it without import cycles.

const HEX_RE = /^0x(?:[0-9a-fA-F]{2})*$/;

/** Whether `value` is a `0x`-prefixed hex string of whole bytes (an even digit count). */
export function isHex(value: unknown): value is Hex {
  return typeof value === 'string' && HEX_RE.test(value);
}

/** Decodes `0x`-prefixed hex into bytes; `name` is the argument named in the error. */
export function hexToBytes(hex: Hex, name = 'hex'): Uint8Array {
  if (!isHex(hex)) {
    throw new CryptoError(`"${name}" expected 0x-prefixed hex of whole bytes`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  return nobleHexToBytes(hex.slice(2));
}

/** Encodes bytes as lowercase `0x`-prefixed hex. */
export function bytesToHex(bytes: Uint8Array): Hex {
  return `0x${nobleBytesToHex(bytes)}`;
}

/** Encodes a string as UTF-8. */
export function utf8ToBytes(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

/** Concatenates byte arrays into a new one. */
export function concatBytes(...arrays: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/**
 * Compares two byte arrays in time that depends only on their length (lengths are public),
 * so that MACs and signatures can be compared without a timing oracle.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
