// The expected outcome of the acceptance study, computed in the clear straight from the
// Observations, independently of the attestation code: latest value per code, the oldest of
// them as the measurement time, each value rounded to its documented scale.
import type { Observation } from 'fhir/r4.js'
import type { StudyIndicatorDefinition } from '../src/index.ts'

export type ClearOutcome =
  | { eligible: true; classes: (-1 | 0 | 1)[] }
  | { eligible: false; reason: 'RESEARCH_MISSING_INDICATOR' | 'RESEARCH_STALE_MEASUREMENT' | 'RESEARCH_IMPLAUSIBLE_VALUE' }

const DECIMALS: Record<string, number> = { '8480-6': 0, '8462-4': 0, '8867-4': 0, '8310-5': 1 }

export function clearOutcome(observations: readonly Observation[], indicators: readonly StudyIndicatorDefinition[], notBefore: number): ClearOutcome {
  const latest = new Map<string, { at: string; value: number }>()
  for (const o of observations) {
    const parts = [{ coding: o.code.coding, value: o.valueQuantity?.value }, ...(o.component ?? []).map((c) => ({ coding: c.code.coding, value: c.valueQuantity?.value }))]
    for (const part of parts) {
      const code = part.coding?.find((c) => c.system === 'http://loinc.org')?.code
      if (!code || part.value === undefined || !o.effectiveDateTime) continue
      const seen = latest.get(code)
      if (!seen || o.effectiveDateTime > seen.at) latest.set(code, { at: o.effectiveDateTime, value: part.value })
    }
  }
  const readings = indicators.map((indicator) => latest.get(indicator.code))
  if (readings.some((reading) => reading === undefined)) return { eligible: false, reason: 'RESEARCH_MISSING_INDICATOR' }
  const oldest = Math.min(...readings.map((reading) => Date.parse(reading!.at) / 1000))
  if (oldest < notBefore) return { eligible: false, reason: 'RESEARCH_STALE_MEASUREMENT' }
  const scaled = (code: string, x: number) => Math.round(x * 10 ** DECIMALS[code]!)
  const classes = indicators.map((indicator, j) => {
    const v = scaled(indicator.code, readings[j]!.value)
    if (v < scaled(indicator.code, indicator.plausible.low) || v > scaled(indicator.code, indicator.plausible.high)) return undefined
    return v < scaled(indicator.code, indicator.range.low) ? -1 : v > scaled(indicator.code, indicator.range.high) ? 1 : 0
  })
  if (classes.some((c) => c === undefined)) return { eligible: false, reason: 'RESEARCH_IMPLAUSIBLE_VALUE' }
  return { eligible: true, classes: classes as (-1 | 0 | 1)[] }
}
