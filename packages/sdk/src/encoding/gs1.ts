// GS1 identifiers and attributes as medchain takes them: GTIN (AI 01), serial (AI 21), lot
// (AI 10), expiry (AI 17, YYMMDD), GLN (AI 414). Checked here with messages naming the argument,
// and in the contracts again (contracts/src/supply/GS1.sol).
import { bytesToString, stringToHex, type Hex } from 'viem'
import { MedchainError } from '../errors.ts'

function invalid(message: string): MedchainError {
  return new MedchainError(message, { code: 'SDK_INVALID_ARGUMENT' })
}

/** GS1 AI encodable character set 82 (serials, lots): what may appear in a serial or lot. */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/

/** The GS1 mod-10 check digit of `digits` (the key without its check digit). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1)
  return (10 - (sum % 10)) % 10
}

/**
 * `value` as a GTIN-14 string: 8, 12, 13 or 14 digits (shorter GTINs are zero-padded, as in a GS1
 * Digital Link) with a valid check digit.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` naming `name` and saying what is wrong
 */
export function normalizeGtin(name: string, value: unknown): string {
  const text = typeof value === 'bigint' || typeof value === 'number' ? String(value).padStart(14, '0') : value
  if (typeof text !== 'string' || !/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(text)) {
    throw invalid(`"${name}" expected a GTIN of 8, 12, 13 or 14 digits, got ${JSON.stringify(String(value)).slice(0, 40)}`)
  }
  const gtin = text.padStart(14, '0')
  const expected = gs1CheckDigit(gtin.slice(0, 13))
  if (Number(gtin[13]) !== expected) throw invalid(`"${name}" has a wrong check digit: ${gtin.slice(0, 13)}${expected} expected, got ${gtin}`)
  return gtin
}

/** A GLN (13 digits, valid check digit) as a string. @throws MedchainError `SDK_INVALID_ARGUMENT` */
export function normalizeGln(name: string, value: unknown): string {
  const text = typeof value === 'bigint' || typeof value === 'number' ? String(value).padStart(13, '0') : value
  if (typeof text !== 'string' || !/^\d{13}$/.test(text) || Number(text[12]) !== gs1CheckDigit(text.slice(0, 12))) {
    throw invalid(`"${name}" expected a GLN of 13 digits with a valid check digit, got ${JSON.stringify(String(value)).slice(0, 40)}`)
  }
  return text
}

/**
 * A serial, lot or UDI production identifier (1-20 characters of GS1 character set 82) as the
 * left-aligned bytes32 the contracts take.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`
 */
export function encodeGs1Value(name: string, value: unknown): Hex {
  if (typeof value !== 'string' || !CSET_82.test(value)) {
    throw invalid(`"${name}" expected 1 to 20 characters of GS1 set 82 (letters, digits, !"%&'()*+,-./:;<=>?_), got ${JSON.stringify(String(value)).slice(0, 40)}`)
  }
  return stringToHex(value, { size: 32 })
}

/** The text of a bytes32 from {@link encodeGs1Value}. */
export function decodeGs1Value(value: Hex): string {
  return bytesToString(Uint8Array.from(Buffer.from(value.slice(2), 'hex')).filter((byte) => byte !== 0))
}

/**
 * A YYMMDD expiry (AI 17) as the number the contracts take. Month 01-12, day 00-31 (00: end of
 * the month).
 * @throws MedchainError `SDK_INVALID_ARGUMENT`
 */
export function parseExpiry(name: string, value: unknown): number {
  const text = typeof value === 'number' ? String(value).padStart(6, '0') : value
  if (typeof text !== 'string' || !/^\d{6}$/.test(text)) throw invalid(`"${name}" expected a YYMMDD date, got ${JSON.stringify(String(value)).slice(0, 20)}`)
  const month = Number(text.slice(2, 4))
  const day = Number(text.slice(4, 6))
  if (month < 1 || month > 12 || day > 31) throw invalid(`"${name}" expected a YYMMDD date with month 01-12 and day 00-31, got ${text}`)
  return Number(text)
}

/** YYMMDD as six digits. */
export function formatExpiry(expiry: number): string {
  return String(expiry).padStart(6, '0')
}

/**
 * Unix seconds at which a product of expiry `yymmdd` expires: the end of that day (UTC), or of
 * the month for day 00; years 20YY. The same rule as GS1.expiresAt on chain.
 */
export function expiryToUnix(yymmdd: number): number {
  const year = 2000 + Math.floor(yymmdd / 10_000)
  const month = Math.floor(yymmdd / 100) % 100
  const day = yymmdd % 100
  return day === 0 ? Date.UTC(year, month, 1) / 1000 : Date.UTC(year, month - 1, day + 1) / 1000
}

/** The ISO date (YYYY-MM-DD) an expiry names; day 00 is the last day of its month. */
export function expiryToIsoDate(yymmdd: number): string {
  return new Date((expiryToUnix(yymmdd) - 86_400) * 1000).toISOString().slice(0, 10)
}
