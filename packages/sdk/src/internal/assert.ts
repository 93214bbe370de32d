// Input checks run at the top of each action, so that a bad argument fails with a message naming
// it before any request leaves the process.
import { bytesToHex, getAddress, isAddress, isHex, type Address, type Hex } from 'viem'
import { MedchainError } from '../errors.ts'

function invalid(message: string): MedchainError {
  return new MedchainError(message, { code: 'SDK_INVALID_ARGUMENT' })
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value)
  if (typeof value === 'bigint') return `${value}n`
  return String(value)
}

/** The checksummed form of `value`, which must be a 20-byte hex address. */
export function assertAddress(name: string, value: unknown): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) {
    throw invalid(`"${name}" expected an address (0x + 40 hex digits), got ${describe(value)}`)
  }
  return getAddress(value)
}

/** `value`, which must be a 33-byte SEC1 compressed secp256k1 public key (0x02/0x03 prefix). */
export function assertCompressedPublicKey(name: string, value: unknown): Hex {
  if (typeof value !== 'string' || !isHex(value, { strict: true }) || value.length !== 68 || !/^0x0[23]/.test(value)) {
    throw invalid(`"${name}" expected a 33-byte compressed secp256k1 public key (0x02 or 0x03 + 64 hex digits), got ${describe(value)}`)
  }
  return value.toLowerCase() as Hex
}

/** `value`, which must be a non-empty string of at most `maxLength` characters. */
export function assertNonEmptyString(name: string, value: unknown, maxLength = 1024): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw invalid(`"${name}" expected a non-empty string of at most ${maxLength} characters, got ${describe(value)}`)
  }
  return value
}

/** `value`, which must be a string of at most `maxLength` characters (empty allowed). */
export function assertString(name: string, value: unknown, maxLength = 1024): string {
  if (typeof value !== 'string' || value.length > maxLength) {
    throw invalid(`"${name}" expected a string of at most ${maxLength} characters, got ${describe(value)}`)
  }
  return value
}

/** `value` as a bigint; it must be a non-negative integer (bigint or safe integer number). */
export function assertUint(name: string, value: unknown, { min = 0n }: { min?: bigint } = {}): bigint {
  const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (big === undefined || big < min || big >= 2n ** 256n) {
    throw invalid(`"${name}" expected an integer >= ${min}, got ${describe(value)}`)
  }
  return big
}

/** `value`, which must be a boolean. */
export function assertBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid(`"${name}" expected a boolean, got ${describe(value)}`)
  return value
}

/** `value`, which must be a hex string (0x-prefixed, even length). */
export function assertHex(name: string, value: unknown): Hex {
  if (typeof value !== 'string' || !isHex(value, { strict: true }) || value.length % 2 !== 0) {
    throw invalid(`"${name}" expected 0x-prefixed hex bytes, got ${describe(value)}`)
  }
  return value
}

/** `value` as lower-case hex: 32 bytes given as hex or a Uint8Array (e.g. a Merkle root); optionally non-zero. */
export function assertBytes32(name: string, value: unknown, { nonZero = false }: { nonZero?: boolean } = {}): Hex {
  const hex = value instanceof Uint8Array ? bytesToHex(value) : value
  if (typeof hex !== 'string' || !isHex(hex, { strict: true }) || hex.length !== 66) {
    throw invalid(`"${name}" expected 32 bytes (0x + 64 hex digits or a Uint8Array), got ${describe(value)}`)
  }
  if (nonZero && /^0x0{64}$/.test(hex)) throw invalid(`"${name}" must not be zero`)
  return hex.toLowerCase() as Hex
}

/** `value` as an array of 32-byte hex strings (each given as hex or a Uint8Array), at most `maxLength` long. */
export function assertBytes32Array(name: string, value: unknown, { maxLength = 1024 }: { maxLength?: number } = {}): Hex[] {
  if (!Array.isArray(value) || value.length > maxLength) {
    throw invalid(`"${name}" expected an array of at most ${maxLength} 32-byte values, got ${describe(value)}`)
  }
  return value.map((item, i) => assertBytes32(`${name}[${i}]`, item))
}

/** `value` as a number: an integer in [min, 2^bits - 1] for a Solidity uint8, uint16 or uint32. */
export function assertSmallUint(name: string, value: unknown, bits: 8 | 16 | 32, { min = 0 }: { min?: number } = {}): number {
  const max = 2 ** bits - 1
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`"${name}" expected an integer in [${min}, ${max}], got ${describe(value)}`)
  }
  return value
}

/** `value` as a bigint that fits a Solidity uint64 (bigint or safe integer number). */
export function assertUint64(name: string, value: unknown): bigint {
  const big = assertUint(name, value)
  if (big >= 2n ** 64n) throw invalid(`"${name}" expected an integer below 2^64, got ${describe(value)}`)
  return big
}
