// Synthea patients for the research tests, with the screening visit the fixtures lack.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Bundle, Observation } from 'fhir/r4.js'
import { SYNTHEA_DIR } from '../../../scripts/syntheaFixtures.ts'

export type ScreenedPatient = { id: string; observations: Observation[] }

const BLOOD_PRESSURE_PANEL = '55284-4'

/**
 * Every fixture patient's Observations, plus a screening visit: the fixtures record blood
 * pressure but never heart rate (8867-4) or body temperature (8310-5), which the acceptance
 * study needs. The visit adds both at the time of the patient's latest blood pressure, with
 * values from a generator seeded by the patient id (docs/decisions.md, "Research").
 */
export function loadScreenedPatients(): ScreenedPatient[] {
  return readdirSync(SYNTHEA_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const bundle = JSON.parse(readFileSync(join(SYNTHEA_DIR, file), 'utf8')) as Bundle
      const observations = (bundle.entry ?? []).map((entry) => entry.resource).filter((r): r is Observation => r?.resourceType === 'Observation')
      const patientId = bundle.entry?.find((entry) => entry.resource?.resourceType === 'Patient')?.resource?.id ?? file
      return { id: patientId, observations: [...observations, ...screeningVisit(patientId, observations)] }
    })
}

function screeningVisit(patientId: string, observations: readonly Observation[]): Observation[] {
  const latestPressure = observations
    .filter((o) => o.code.coding?.some((c) => c.code === BLOOD_PRESSURE_PANEL) && o.effectiveDateTime)
    .map((o) => o.effectiveDateTime!)
    .sort()
    .at(-1)
  if (!latestPressure) return []
  const random = seeded(patientId)
  const heartRate = Math.round(48 + random() * 70)
  const temperature = Math.round((35.6 + random() * 3) * 10) / 10
  return [
    vitalSign(patientId, latestPressure, '8867-4', 'Heart rate', heartRate, '/min'),
    vitalSign(patientId, latestPressure, '8310-5', 'Body temperature', temperature, 'Cel'),
  ]
}

function vitalSign(patientId: string, at: string, code: string, display: string, value: number, unit: string): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code, display }], text: display },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  }
}

// A small deterministic generator (xorshift on a SHA-256 seed): same patient, same visit.
function seeded(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
}
