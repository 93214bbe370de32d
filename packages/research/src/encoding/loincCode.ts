import { ResearchError } from '../errors.ts'

// LOINC numbers are below 1,000,000: with the check digit a code fits the circuits' 24 bits.
const LOINC = /^(\d{1,6})-(\d)$/

/**
 * Maps a LOINC code to the field element circuits use: its digits without the dash
 * ("8480-6" -> 84806n). The check digit is verified (mod 10 algorithm), so a typo cannot
 * silently name another indicator.
 */
export function loincToField(code: string): bigint {
  const match = LOINC.exec(code)
  if (!match) throw new ResearchError(`"${code}" is not a LOINC observation code`, { code: 'RESEARCH_UNSUPPORTED_CODE' })
  if (loincCheckDigit(match[1]!) !== Number(match[2])) {
    throw new ResearchError(`"${code}" has a wrong LOINC check digit`, { code: 'RESEARCH_UNSUPPORTED_CODE' })
  }
  return BigInt(match[1]! + match[2]!)
}

/** The inverse of {@link loincToField}. */
export function fieldToLoinc(field: bigint): string {
  const digits = field.toString()
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`
}

// LOINC's Mod 10 check digit: double every other digit from the right, sum the digits.
function loincCheckDigit(body: string): number {
  let sum = 0
  const digits = [...body].reverse().map(Number)
  for (const [i, digit] of digits.entries()) {
    if (i % 2 === 0) {
      const doubled = digit * 2
      sum += Math.floor(doubled / 10) + (doubled % 10)
    } else sum += digit
  }
  return (10 - (sum % 10)) % 10
}
