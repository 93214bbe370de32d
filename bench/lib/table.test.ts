import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatMetricsTable, formatNumber, targetStatus } from './table.ts'

describe('targetStatus', () => {
  it('compares in the direction that is better, and reports a miss without throwing', () => {
    assert.equal(targetStatus({ value: 260, unit: 'tx/s', better: 'higher', target: 250 }), 'met')
    assert.equal(targetStatus({ value: 180, unit: 'tx/s', better: 'higher', target: 250 }), 'MISSED')
    assert.equal(targetStatus({ value: 1.3, unit: 'x', better: 'lower', target: 1.2 }), 'MISSED')
    assert.equal(targetStatus({ value: 1.2, unit: 'x', better: 'lower', target: 1.2 }), 'met')
    assert.equal(targetStatus({ value: 5, unit: 'ms', better: 'lower' }), '')
  })
})

describe('formatMetricsTable', () => {
  it('lines up one row per metric with its target, status and baseline', () => {
    const table = formatMetricsTable(
      {
        seq_tx_per_s: { value: 185.4, unit: 'tx/s', better: 'higher', target: 250 },
        chain_disk_mb: { value: 31.6, unit: 'MB', better: 'lower' },
      },
      { seq_tx_per_s: { value: 138, source: 'anvil' } },
    )
    const lines = table.split('\n')
    assert.equal(lines.length, 4)
    assert.match(lines[2]!, /^seq_tx_per_s\s+185\s+tx\/s\s+higher\s+250\s+MISSED\s+138$/)
    assert.match(lines[3]!, /^chain_disk_mb\s+31\.6\s+MB\s+lower$/)
    assert.equal(lines[2]!.indexOf('185') + 3, lines[3]!.indexOf('31.6') + 4, 'values right-aligned')
  })

  it('formats numbers for reading', () => {
    assert.equal(formatNumber(100_200), '100,200')
    assert.equal(formatNumber(0.9041), '0.904')
    assert.equal(formatNumber(0), '0')
  })
})
