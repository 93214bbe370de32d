import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createProgress, formatDuration, formatProgress } from './progress.ts'

function fakeStream(isTTY: boolean) {
  const writes: string[] = []
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } }
}

describe('formatProgress', () => {
  it('shows the bar, count, percent, rate and time left', () => {
    const line = formatProgress({ label: 'growth', current: 4_500, total: 10_000, elapsedMs: 9_000, unit: 'tx' })
    assert.equal(line, 'growth [###########-------------] 4,500/10,000  45%  500 tx/s  ETA 11s')
  })

  it('has no rate or ETA before anything is done, and clamps past the total', () => {
    assert.match(formatProgress({ label: 'x', current: 0, total: 10, elapsedMs: 0, unit: 'tx' }), /0\/10 {3}0%  0\.0 tx\/s  ETA --$/)
    assert.match(formatProgress({ label: 'x', current: 12, total: 10, elapsedMs: 1000, unit: 'tx' }), /\[#{24}\] 12\/10 100%/)
  })
})

describe('formatDuration', () => {
  it('reads naturally at every scale', () => {
    assert.equal(formatDuration(42.4), '42s')
    assert.equal(formatDuration(107), '1m47s')
    assert.equal(formatDuration(3725), '1h02m')
    assert.equal(formatDuration(Infinity), '--')
  })
})

describe('createProgress', () => {
  it('prints a line about every tenth when not on a terminal', () => {
    const { writes, stream } = fakeStream(false)
    let time = 0
    const progress = createProgress({ label: 'p', total: 100, unit: 'tx', stream, now: () => time })
    for (let i = 0; i < 100; i++) {
      time += 10
      progress.tick()
    }
    progress.done()
    assert.equal(writes.length, 10)
    assert.ok(writes.every((text) => text.endsWith('\n') && !text.includes('\r')))
    assert.match(writes.at(-1)!, /100\/100 100%/)
  })

  it('redraws in place on a terminal, throttled, and ends the line when done', () => {
    const { writes, stream } = fakeStream(true)
    let time = 0
    const progress = createProgress({ label: 'p', total: 1000, unit: 'tx', stream, now: () => time })
    for (let i = 0; i < 1000; i++) {
      time += 1
      progress.tick()
    }
    progress.done()
    assert.ok(writes.length >= 10 && writes.length <= 12, `${writes.length} redraws`)
    assert.ok(writes.every((text) => text.startsWith('\r')))
    assert.match(writes.at(-1)!, /1,000\/1,000 100%.*\n$/)
  })
})
