import assert from 'node:assert/strict'
import { it } from 'node:test'
import { ByteBoundedLru } from './byteBoundedLru.ts'

const value = (length: number) => new Uint8Array(length)

it('evicts the least recently used entries once over its byte budget', () => {
  const lru = new ByteBoundedLru(3 * (1 + 100 + 96))
  lru.set('a', value(100))
  lru.set('b', value(100))
  lru.set('c', value(100))
  assert.equal(lru.size, 3)
  lru.get('a') // a is now the most recent; b the least
  lru.set('d', value(100))
  assert.equal(lru.get('b'), undefined)
  assert.ok(lru.get('a'))
  assert.ok(lru.get('c'))
  assert.ok(lru.get('d'))
  assert.ok(lru.bytes <= 3 * 197)
})

it('counts a replaced value once and remembers known absences', () => {
  const lru = new ByteBoundedLru(10_000)
  lru.set('k', value(500))
  lru.set('k', value(10))
  assert.equal(lru.bytes, 1 + 10 + 96)
  lru.set('gone', null)
  assert.equal(lru.get('gone'), null)
  assert.equal(lru.get('never'), undefined)
})

it('holds nothing with a zero budget', () => {
  const lru = new ByteBoundedLru(0)
  lru.set('a', value(1))
  assert.equal(lru.size, 0)
  assert.equal(lru.bytes, 0)
})
