import type { Observation } from 'fhir/r4.js'

/** One measured indicator, in the clear, as a hospital reads it from its records. */
export type IndicatorReading = { code: string; value: number }

/** Readings to attest together, with the time that bounds how old they may be. */
export type IndicatorSnapshot = {
  /** Unix seconds of the OLDEST reading kept: a study's freshness limit then holds for all of them. */
  measuredAt: number
  readings: IndicatorReading[]
}

export type LatestReadingsOptions = {
  /** Keep only readings at most this many seconds older than the newest one. Default 30 days. */
  windowSeconds?: number | undefined
  /** Keep only these LOINC codes (e.g. the vital signs a hospital attests). Default: all. */
  codes?: readonly string[] | undefined
}

const LOINC_SYSTEM = 'http://loinc.org'
const DEFAULT_WINDOW_SECONDS = 30 * 86_400

/**
 * The latest numeric value of each LOINC code in a patient's Observations (panel components
 * included, such as the two pressures of a blood-pressure panel), keeping those taken within a
 * window of the newest. Entered-in-error Observations are skipped.
 */
export function latestReadings(observations: readonly Observation[], options: LatestReadingsOptions = {}): IndicatorSnapshot | undefined {
  const window = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS
  const wanted = options.codes ? new Set(options.codes) : undefined
  const latest = new Map<string, { at: number; value: number }>()
  const consider = (coding: Observation['code']['coding'], value: number | undefined, at: number) => {
    const code = coding?.find((c) => c.system === LOINC_SYSTEM)?.code
    if (code === undefined || typeof value !== 'number' || (wanted && !wanted.has(code))) return
    const seen = latest.get(code)
    if (!seen || at > seen.at) latest.set(code, { at, value })
  }
  for (const observation of observations) {
    const at = observation.effectiveDateTime ? Math.floor(Date.parse(observation.effectiveDateTime) / 1000) : Number.NaN
    if (!Number.isFinite(at) || observation.status === 'entered-in-error') continue
    consider(observation.code.coding, observation.valueQuantity?.value, at)
    for (const component of observation.component ?? []) consider(component.code.coding, component.valueQuantity?.value, at)
  }
  if (latest.size === 0) return undefined
  const newest = Math.max(...[...latest.values()].map((reading) => reading.at))
  const kept = [...latest].filter(([, reading]) => reading.at >= newest - window)
  return {
    measuredAt: Math.min(...kept.map(([, reading]) => reading.at)),
    readings: kept.map(([code, reading]) => ({ code, value: reading.value })),
  }
}
