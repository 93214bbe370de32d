import type { PoseidonHash } from './poseidon.ts'
import { ZkError } from './errors.ts'

/**
 * Poseidon over any number of field elements, exactly as circuits/lib/hashMany.circom: the
 * first call absorbs up to 16 elements, each later call the previous digest and up to 15 more.
 */
export function hashMany(poseidon: PoseidonHash, elements: readonly bigint[]): bigint {
  if (elements.length === 0) throw new ZkError('"elements" expected at least one field element', { code: 'ZK_INVALID_ARGUMENT' })
  let digest = poseidon(elements.slice(0, 16))
  for (let next = 16; next < elements.length; next += 15) {
    digest = poseidon([digest, ...elements.slice(next, next + 15)])
  }
  return digest
}
