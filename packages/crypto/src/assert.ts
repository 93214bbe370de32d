import { isHex } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { isAddress } from './isAddress.ts';
import type { Address, Hex } from './types.ts';

// Assertion helpers (noble style): each names the argument and states what was expected,
// mentioning types and lengths only, never the value, so secrets cannot leak through them.

function invalid(message: string): CryptoError {
  return new CryptoError(message, { code: 'CRYPTO_INVALID_ARGUMENT' });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'Uint8Array';
  return typeof value;
}

/** Asserts `value` is a Uint8Array, of exactly `length` bytes when given. */
export function assertBytes(name: string, value: unknown, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalid(`"${name}" expected Uint8Array, got ${describe(value)}`);
  if (length !== undefined && value.length !== length) {
    throw invalid(`"${name}" expected ${length} bytes, got ${value.length}`);
  }
}

/** Asserts `value` is `0x`-prefixed hex of whole bytes, of exactly `length` bytes when given. */
export function assertHex(name: string, value: unknown, length?: number): asserts value is Hex {
  if (typeof value !== 'string') throw invalid(`"${name}" expected 0x-prefixed hex string, got ${describe(value)}`);
  if (!isHex(value)) throw invalid(`"${name}" expected 0x-prefixed hex of whole bytes`);
  const bytes = (value.length - 2) / 2;
  if (length !== undefined && bytes !== length) throw invalid(`"${name}" expected ${length} bytes, got ${bytes}`);
}

/** Options of {@link assertString}. */
export type AssertStringOptions = {
  /** Upper bound on the UTF-16 length, to keep inputs bounded. */
  maxLength?: number;
  /** Refuse the empty string. */
  nonEmpty?: boolean;
  /** Refuse CR and LF, for values embedded in line-based canonical strings. */
  singleLine?: boolean;
};

/** Asserts `value` is a string meeting the given bounds. */
export function assertString(name: string, value: unknown, options: AssertStringOptions = {}): asserts value is string {
  if (typeof value !== 'string') throw invalid(`"${name}" expected string, got ${describe(value)}`);
  if (options.nonEmpty && value.length === 0) throw invalid(`"${name}" must not be empty`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw invalid(`"${name}" expected at most ${options.maxLength} characters, got ${value.length}`);
  }
  if (options.singleLine && /[\r\n]/.test(value)) throw invalid(`"${name}" must not contain line breaks`);
}

/** Asserts `value` is a safe integer within `[min, max]`. */
export function assertSafeInteger(
  name: string,
  value: unknown,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid(`"${name}" expected safe integer, got ${describe(value)}`);
  }
  if (value < min || value > max) throw invalid(`"${name}" expected an integer in [${min}, ${max}], got ${value}`);
}

/** Asserts `value` is a 20-byte address; mixed case must carry a valid EIP-55 checksum. */
export function assertAddress(name: string, value: unknown): asserts value is Address {
  if (typeof value !== 'string') throw invalid(`"${name}" expected address string, got ${describe(value)}`);
  if (!isAddress(value)) throw invalid(`"${name}" expected 0x-prefixed 20-byte address with a valid EIP-55 checksum`);
}
