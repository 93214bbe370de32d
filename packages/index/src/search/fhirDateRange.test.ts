import assert from 'node:assert/strict'
import { it } from 'node:test'
import { fhirDateRange } from './fhirDateRange.ts'

const iso = (value: string) => {
  const { start, end } = fhirDateRange('date', value)
  return [new Date(start).toISOString(), new Date(end).toISOString()]
}

it('turns each FHIR date precision into the inclusive range of instants it stands for', () => {
  assert.deepEqual(iso('2024'), ['2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z'])
  assert.deepEqual(iso('2024-02'), ['2024-02-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z'])
  assert.deepEqual(iso('2024-12-31'), ['2024-12-31T00:00:00.000Z', '2024-12-31T23:59:59.999Z'])
  assert.deepEqual(iso('2024-03-05T10:30+01:00'), ['2024-03-05T09:30:00.000Z', '2024-03-05T09:30:59.999Z'])
  assert.deepEqual(iso('2024-03-05T10:30:15Z'), ['2024-03-05T10:30:15.000Z', '2024-03-05T10:30:15.999Z'])
  assert.deepEqual(iso('2024-03-05T10:30:15.25-02:00'), ['2024-03-05T12:30:15.250Z', '2024-03-05T12:30:15.250Z'])
})

it('refuses values that are not FHIR dates or not on the calendar', () => {
  for (const value of ['2024-2', '2023-02-29', '2024-13', '2024-01-01T25:00Z', '2024-01-01 10:00', 'yesterday']) {
    assert.throws(() => fhirDateRange('date', value), { code: 'INDEX_INVALID_ARGUMENT' }, value)
  }
})
