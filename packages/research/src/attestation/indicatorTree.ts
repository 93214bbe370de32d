import { INDICATOR_SLOTS, type PoseidonHash } from '@medchain/zk'
import { ResearchError } from '../errors.ts'

/** Leaf of one indicator: Poseidon(code, value), as circuits/lib/enroll.circom hashes it. */
export function leafOf(poseidon: PoseidonHash, code: bigint, value: bigint): bigint {
  return poseidon([code, value])
}

/** The 32 slot leaves, empty slots as 0 (circuits/lib/indicatorTree.circom). */
export function slotLeaves(leaves: readonly bigint[]): bigint[] {
  if (leaves.length > INDICATOR_SLOTS) {
    throw new ResearchError(`an attestation holds at most ${INDICATOR_SLOTS} indicators`, { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  return [...leaves, ...new Array<bigint>(INDICATOR_SLOTS - leaves.length).fill(0n)]
}

/** Root of the 16-ary, depth-2 Poseidon tree over the slots. */
export function indicatorRoot(poseidon: PoseidonHash, leaves: readonly bigint[]): bigint {
  const slots = slotLeaves(leaves)
  return poseidon([poseidon(slots.slice(0, 16)), poseidon(slots.slice(16, 32))])
}
