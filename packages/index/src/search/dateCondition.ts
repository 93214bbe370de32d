import { toOneOf } from '../assert.ts'
import { fhirDateRange } from './fhirDateRange.ts'

/** The FHIR search prefixes the index answers for dates. */
export type DatePrefix = 'eq' | 'ge' | 'le' | 'gt' | 'lt'

/** One FHIR date condition, e.g. `{ prefix: 'ge', value: '2024-01' }` for `date=ge2024-01`. */
export type DateFilter = { prefix: DatePrefix; value: string }

const PREFIXES: readonly DatePrefix[] = ['eq', 'ge', 'le', 'gt', 'lt']

/**
 * SQL over a search parameter's range [start, end] (a missing end is an ongoing period, a missing
 * start an unknown past) for one date condition, with FHIR R4 semantics: `eq` the value's range
 * contains the target's, `gt`/`lt` the target's range reaches past it, `ge`/`le` either.
 * `param` adds a query parameter and returns its placeholder.
 */
export function dateCondition(name: string, filter: DateFilter, param: (value: string) => string): string {
  const prefix = toOneOf(`${name}.prefix`, filter?.prefix, PREFIXES)
  const range = fhirDateRange(`${name}.value`, filter.value)
  // Placeholders are made only for the bounds a prefix uses: an unused one has no type in SQL.
  const from = () => `${param(new Date(range.start).toISOString())}::timestamptz`
  const to = () => `${param(new Date(range.end).toISOString())}::timestamptz`
  const start = `coalesce(s.date_start, '-infinity')`
  const end = `coalesce(s.date_end, 'infinity')`
  switch (prefix) {
    case 'gt':
      return `${end} > ${to()}`
    case 'lt':
      return `${start} < ${from()}`
  }
  const [low, high] = [from(), to()]
  const within = `(${start} >= ${low} AND ${end} <= ${high})`
  return prefix === 'eq' ? within : prefix === 'ge' ? `(${end} > ${high} OR ${within})` : `(${start} < ${low} OR ${within})`
}
