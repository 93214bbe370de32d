import { PaillierError } from './errors.ts';

// Assertion helpers (noble style): each names the argument and says what was expected, with
// types and sizes only, never the value, so plaintexts and primes cannot leak through them.

/** A `PAILLIER_INVALID_ARGUMENT` error naming the argument. */
export function invalidArgument(message: string): PaillierError {
  return new PaillierError(message, { code: 'PAILLIER_INVALID_ARGUMENT' });
}

/** The type of `value` as an error message shows it. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Asserts `value` is a bigint, at least `min` when given. */
export function assertBigInt(name: string, value: unknown, min?: bigint): asserts value is bigint {
  if (typeof value !== 'bigint') throw invalidArgument(`"${name}" expected bigint, got ${describeType(value)}`);
  if (min !== undefined && value < min) throw invalidArgument(`"${name}" expected a bigint >= ${min}`);
}

/** Asserts `value` is a safe integer within `[min, max]`. */
export function assertInteger(name: string, value: unknown, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalidArgument(`"${name}" expected an integer, got ${describeType(value)}`);
  }
  if (value < min || value > max) throw invalidArgument(`"${name}" expected an integer in [${min}, ${max}], got ${value}`);
}
