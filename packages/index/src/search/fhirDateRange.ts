import { invalid } from '../assert.ts'

// FHIR date, dateTime and instant values (year, month, day, minute, second or ms precision),
// e.g. "2024", "2024-03", "2024-03-05", "2024-03-05T10:30+01:00", "2024-03-05T10:30:15.250Z".
const FHIR_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/

/**
 * The instants a FHIR date value stands for, as an inclusive range in epoch milliseconds:
 * "2024-03" is [2024-03-01T00:00:00.000, 2024-03-31T23:59:59.999]. A value without a time zone
 * is read as UTC (FHIR leaves it to the server).
 */
export function fhirDateRange(name: string, value: string): { start: number; end: number } {
  const match = typeof value === 'string' ? FHIR_DATE.exec(value) : null
  if (!match) throw invalid(`"${name}" expected a FHIR date, dateTime or instant`)
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const parts = [year, month ?? '01', day ?? '01', hour ?? '00', minute ?? '00', second ?? '00'].map(Number) as [number, number, number, number, number, number]
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0
  const offset = zone && zone !== 'Z' ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) : 0
  const [y, mo, d, h, mi, s] = parts
  const start = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000
  // Date.UTC rolls over (month 13, day 32), so check the fields survived to catch "2024-02-30".
  const check = new Date(start + offset * 60_000)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw invalid(`"${name}" expected a valid calendar date and time`)
  }
  const next =
    fraction !== undefined ? start + 1
    : second !== undefined ? start + 1000
    : minute !== undefined ? start + 60_000
    : day !== undefined ? Date.UTC(y, mo - 1, d + 1) - offset * 60_000
    : month !== undefined ? Date.UTC(y, mo, 1)
    : Date.UTC(y + 1, 0, 1)
  return { start, end: next - 1 }
}
