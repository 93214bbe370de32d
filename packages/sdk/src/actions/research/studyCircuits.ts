import { MedchainError } from '../../errors.ts'

/** Circuit ids of the StudyRegistry, by circuit name (@medchain/zk CIRCUITS). */
export const STUDY_CIRCUITS = ['enroll8', 'enroll32', 'verified8', 'verified32'] as const
export type StudyCircuitName = (typeof STUDY_CIRCUITS)[number]

/** The on-chain id of a circuit name. */
export function studyCircuitId(name: string): number {
  const id = STUDY_CIRCUITS.indexOf(name as StudyCircuitName)
  if (id < 0) throw new MedchainError(`"circuit" expected one of ${STUDY_CIRCUITS.join(', ')}`, { code: 'SDK_INVALID_ARGUMENT' })
  return id
}

/** A Groth16 proof laid out for the generated verifiers (G2 coordinates already swapped). */
export type StudyProof = {
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}
