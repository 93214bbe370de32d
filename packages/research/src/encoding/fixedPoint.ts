import { VALUE_BITS } from '@medchain/zk'
import { ResearchError } from '../errors.ts'

const LIMIT = 1n << BigInt(VALUE_BITS)

/**
 * Encodes a measurement as the integer round(x * 10^decimals) the circuits compare
 * (research-protocol.md "Encoding"): 36.9 C at 1 decimal is 369. Only values in [0, 2^24) once
 * scaled fit the circuits' range checks.
 */
export function encodeFixedPoint(value: number, decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new ResearchError('"decimals" expected an integer from 0 to 6', { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  if (!Number.isFinite(value)) throw new ResearchError('"value" expected a finite number', { code: 'RESEARCH_VALUE_OUT_OF_RANGE' })
  // Round on the decimal string, not on value * 10^d, so 36.95 at 1 decimal is 370 and not 369.
  const scaled = BigInt(Math.round(Number(`${value}e${decimals}`)))
  if (scaled < 0n || scaled >= LIMIT) {
    throw new ResearchError(`a value does not fit ${VALUE_BITS} bits at ${decimals} decimals`, { code: 'RESEARCH_VALUE_OUT_OF_RANGE' })
  }
  return scaled
}

/** The inverse of {@link encodeFixedPoint}. */
export function decodeFixedPoint(encoded: bigint, decimals: number): number {
  return Number(`${encoded}e-${decimals}`)
}
