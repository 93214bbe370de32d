import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { circuitFor, getCircuit } from './circuits.ts'
import { toSolidityProof } from './calldata.ts'
import { ZkError } from './errors.ts'

describe('circuit catalog', () => {
  it('picks the smallest size class of the mode', () => {
    assert.equal(circuitFor(4, false).name, 'enroll8')
    assert.equal(circuitFor(8, false).name, 'enroll8')
    assert.equal(circuitFor(9, false).name, 'enroll32')
    assert.equal(circuitFor(32, true).name, 'verified32')
    assert.throws(() => circuitFor(33, false), (e: unknown) => e instanceof ZkError && e.code === 'ZK_UNKNOWN_CIRCUIT')
    assert.throws(() => circuitFor(0, false), (e: unknown) => e instanceof ZkError && e.code === 'ZK_INVALID_ARGUMENT')
    assert.throws(() => getCircuit('toString'), (e: unknown) => e instanceof ZkError && e.code === 'ZK_UNKNOWN_CIRCUIT')
  })

  it('lays a proof out for the EVM, G2 coordinates swapped', () => {
    const proof = { pi_a: ['1', '2', '1'], pi_b: [['3', '4'], ['5', '6'], ['1', '0']], pi_c: ['7', '8', '1'], protocol: 'groth16', curve: 'bn128' }
    assert.deepEqual(toSolidityProof({ proof, publicSignals: [] }), { a: [1n, 2n], b: [[4n, 3n], [6n, 5n]], c: [7n, 8n] })
  })
})
