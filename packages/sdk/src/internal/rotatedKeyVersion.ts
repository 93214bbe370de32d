import type { identityRegistryAbi } from '@medchain/contracts'
import { MedchainError } from '../errors.ts'
import type { ContractWriteResult } from './writeContract.ts'

/** The key version a successful rotation set, from its PatientKeyRotated event. */
export function rotatedKeyVersion(result: ContractWriteResult<typeof identityRegistryAbi>): number {
  const rotated = result.events.find((event) => event.eventName === 'PatientKeyRotated')
  if (!rotated || rotated.eventName !== 'PatientKeyRotated') {
    throw new MedchainError(`Transaction ${result.hash} emitted no PatientKeyRotated`, { code: 'SDK_UNKNOWN_ERROR' })
  }
  return rotated.args.keyVersion
}
