import assert from 'node:assert/strict'
import { it } from 'node:test'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { keccak256 } from './fastKeccak.ts'

it('matches the published Keccak-256 vectors', () => {
  // Empty input and "abc", as in the Keccak team's known-answer tests (and Ethereum's KECCAK256_NULL).
  assert.equal(bytesToHex(keccak256(new Uint8Array(0))), 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470')
  assert.equal(bytesToHex(keccak256(utf8ToBytes('abc'))), '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45')
})

it('agrees with the reference implementation on every length across the rate boundary', () => {
  for (let length = 0; length <= 300; length++) {
    const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff)
    assert.equal(bytesToHex(keccak256(data)), bytesToHex(keccak_256(data)), `length ${length}`)
  }
})

it('returns a fresh array each time', () => {
  const first = keccak256(utf8ToBytes('a'))
  const copy = bytesToHex(first)
  keccak256(utf8ToBytes('b'))
  assert.equal(bytesToHex(first), copy)
})
