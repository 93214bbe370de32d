import { ResearchError } from '../errors.ts'

/** Below the reference range, inside it, above it. */
export type IndicatorClass = -1 | 0 | 1

/** The class of an encoded value against [low, high], as the verified circuit computes it. */
export function classOf(value: bigint, low: bigint, high: bigint): IndicatorClass {
  return value < low ? -1 : value > high ? 1 : 0
}

/** Packs classes as the circuit does: (class + 1) in base 4, first indicator lowest. */
export function packClasses(classes: readonly IndicatorClass[]): bigint {
  return classes.reduce((packed, c, j) => packed + (BigInt(c + 1) << BigInt(2 * j)), 0n)
}

/** Reads a class vector sent to the institution, refusing anything but -1, 0 and 1. */
export function parseClasses(value: unknown, count: number): IndicatorClass[] {
  if (!Array.isArray(value) || value.length !== count || !value.every((c) => c === -1 || c === 0 || c === 1)) {
    throw new ResearchError(`a class vector expected ${count} entries of -1, 0 or 1`, { code: 'RESEARCH_INVALID_RESULT' })
  }
  return value as IndicatorClass[]
}
