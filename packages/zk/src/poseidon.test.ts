import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ZkError } from './errors.ts'
import { hashMany } from './hashMany.ts'
import { loadPoseidon } from './poseidon.ts'
import { SNARK_FIELD } from './field.ts'

describe('poseidon', () => {
  it('matches the published circomlib vectors', async () => {
    const poseidon = await loadPoseidon()
    // iden3/circomlibjs test/poseidon.js ("Should check constrain reference implementation")
    assert.equal(poseidon([1n, 2n]), 0x115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189an)
    assert.equal(poseidon([1n, 2n, 3n, 4n]), 0x299c867db6c1fdd79dcefa40e4510b9837e60ebb1ce0663dbaa525df65250465n)
  })

  it('refuses non-field inputs and bad arities', async () => {
    const poseidon = await loadPoseidon()
    assert.throws(() => poseidon([SNARK_FIELD]), (e: unknown) => e instanceof ZkError && e.code === 'ZK_INVALID_ARGUMENT')
    assert.throws(() => poseidon([]), (e: unknown) => e instanceof ZkError && e.code === 'ZK_INVALID_ARGUMENT')
    assert.throws(() => poseidon(new Array(17).fill(1n)), (e: unknown) => e instanceof ZkError && e.code === 'ZK_INVALID_ARGUMENT')
  })

  it('hashMany chains 16 then 15 at a time, as the circuit does', async () => {
    const poseidon = await loadPoseidon()
    const elements = Array.from({ length: 35 }, (_, i) => BigInt(i + 1))
    const first = poseidon(elements.slice(0, 16))
    const second = poseidon([first, ...elements.slice(16, 31)])
    assert.equal(hashMany(poseidon, elements), poseidon([second, ...elements.slice(31)]))
    assert.equal(hashMany(poseidon, [5n, 6n]), poseidon([5n, 6n]))
    assert.throws(() => hashMany(poseidon, []), (e: unknown) => e instanceof ZkError && e.code === 'ZK_INVALID_ARGUMENT')
  })
})
