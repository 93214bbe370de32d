import { FhirError } from './errors.ts';

// Argument checks for the builders (noble style): they guard programming errors of the caller,
// not request data, so they throw FHIR_INVALID_ARGUMENT (a 500 if it ever reaches HTTP).

/** A FHIR_INVALID_ARGUMENT error naming the argument. */
export function invalidArgument(message: string): FhirError {
  return new FhirError(message, { code: 'FHIR_INVALID_ARGUMENT' });
}

/** Describes a JSON-ish value's type for messages, without echoing the value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const UINT64_MAX = (1n << 64n) - 1n;

/** Asserts `value` is a uint64 (chain timestamps, counters): a non-negative safe integer or a bigint. */
export function assertUint64(name: string, value: unknown): asserts value is number | bigint {
  const ok =
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX);
  if (!ok) throw invalidArgument(`"${name}" expected a uint64 (non-negative safe integer or bigint), got ${describe(value)}`);
}

/** Asserts `value` is a `0x`-prefixed hex string of exactly `bytes` bytes. */
export function assertHexBytes(name: string, value: unknown, bytes: number): asserts value is `0x${string}` {
  if (typeof value !== 'string' || !new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    throw invalidArgument(`"${name}" expected 0x-prefixed hex of ${bytes} bytes`);
  }
}

/** Asserts `value` is an absolute http(s) URL without a trailing slash, query or fragment. */
export function assertBaseUrl(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s?#]+[^\s?#/]$/.test(value)) {
    throw invalidArgument(`"${name}" expected an absolute http(s) URL without a trailing slash, query or fragment`);
  }
}
