import { hashMany, type PoseidonHash } from '@medchain/zk'
import { loincToField } from '../encoding/loincCode.ts'
import { ResearchError } from '../errors.ts'
import type { AttestationOpening } from './createAttestation.ts'
import { indicatorRoot, leafOf } from './indicatorTree.ts'

/** Checks that an opening recomputes its commitment for this holder; throws RESEARCH_INVALID_OPENING. */
export function verifyOpening(poseidon: PoseidonHash, opening: AttestationOpening, identityCommitment: bigint): void {
  let recomputed: bigint
  try {
    const root = indicatorRoot(poseidon, opening.slots.map((slot) => leafOf(poseidon, loincToField(slot.code), BigInt(slot.value))))
    recomputed = hashMany(poseidon, [root, BigInt(opening.measuredAt), BigInt(opening.salt), identityCommitment])
  } catch (error) {
    throw new ResearchError('the attestation opening is malformed', { code: 'RESEARCH_INVALID_OPENING', cause: error })
  }
  if (recomputed.toString() !== opening.commitment) {
    throw new ResearchError('the attestation opening does not match its commitment', { code: 'RESEARCH_INVALID_OPENING' })
  }
}
