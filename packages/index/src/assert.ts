import { IndexError } from './errors.ts'
import type { Address, Hex, Page, TimestampInput } from './types.ts'

// Checks at the top of each function (noble style). Messages name the argument and what was
// expected, never the value: arguments here are health data or pseudonyms.

// Checked with an even length and a flat character class: bulk inserts call this 15 times a row.
const HEX = /^0x[0-9a-fA-F]*$/

export function invalid(message: string): IndexError {
  return new IndexError(message, { code: 'INDEX_INVALID_ARGUMENT' })
}

/** Returns `value` lowercased after checking it is 0x hex of whole bytes (exactly `bytes` when given). */
export function toHex(name: string, value: unknown, bytes?: number): Hex {
  if (typeof value !== 'string' || value.length % 2 !== 0 || !HEX.test(value)) throw invalid(`"${name}" expected 0x-prefixed hex of whole bytes`)
  if (bytes !== undefined && value.length !== 2 + 2 * bytes) throw invalid(`"${name}" expected ${bytes} bytes`)
  return value.toLowerCase() as Hex
}

/** A 20-byte address, lowercased: checksums are checked at the edge, the index compares lowercase. */
export function toAddress(name: string, value: unknown): Address {
  return toHex(name, value, 20)
}

export function toBytes32(name: string, value: unknown): Hex {
  return toHex(name, value, 32)
}

export function toText(name: string, value: unknown, maxLength = 1024): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(`"${name}" expected a non-empty string`)
  if (value.length > maxLength) throw invalid(`"${name}" expected at most ${maxLength} characters`)
  // PostgreSQL text cannot hold NUL.
  if (value.includes('\0')) throw invalid(`"${name}" must not contain NUL characters`)
  return value
}

export function toInt(name: string, value: unknown, min = 0, max = 2 ** 31 - 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`"${name}" expected an integer in [${min}, ${max}]`)
  }
  return value
}

/** Block numbers are bigint in SQL and safe integers in TypeScript (2^53 blocks is ample). */
export function toBlock(name: string, value: unknown): number {
  return toInt(name, value, 0, Number.MAX_SAFE_INTEGER)
}

/** A uint256 as the decimal string SQL `numeric(78,0)` takes. */
export function toUint256(name: string, value: unknown): string {
  if (typeof value !== 'bigint' || value < 0n || value >= 2n ** 256n) throw invalid(`"${name}" expected a bigint in [0, 2^256)`)
  return value.toString()
}

// Years 1 to 9999: ISO strings of four-digit years, which PostgreSQL and Date.parse read alike.
const MIN_TIME = Date.parse('0001-01-01T00:00:00.000Z')
const MAX_TIME = Date.parse('9999-12-31T23:59:59.999Z')

/** An ISO 8601 instant, normalised to UTC with milliseconds so SQL and JavaScript agree. */
export function toTimestamp(name: string, value: unknown): string {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) throw invalid(`"${name}" expected an ISO 8601 timestamp or a valid Date`)
  if (time < MIN_TIME || time > MAX_TIME) throw invalid(`"${name}" expected a time in the years 1 to 9999`)
  return new Date(time).toISOString()
}

export function toOneOf<const T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw invalid(`"${name}" expected one of ${allowed.join(', ')}`)
  return value as T
}

export function toArray(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw invalid(`"${name}" expected an array`)
  return value
}

/** `undefined` and `null` both mean "absent" and become SQL NULL. */
export function optional<T>(value: unknown, parse: (value: unknown) => T): T | null {
  return value === undefined || value === null ? null : parse(value)
}

/** A Merkle proof: an array of 32-byte hashes. */
export function toProof(name: string, value: unknown): Hex[] {
  return toArray(name, value).map((node, i) => toBytes32(`${name}[${i}]`, node))
}

/** Bounds list sizes so one request cannot ask the database for everything. */
export function toPage(page: Partial<Page> | undefined, maxCount = 1000): { count: number; offset: number } {
  return {
    count: toInt('count', page?.count, 0, maxCount),
    offset: toInt('offset', page?.offset ?? 0, 0, 2 ** 31 - 1),
  }
}
