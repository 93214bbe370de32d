import { emergencyAccessAbi } from '@medchain/contracts'
import { zeroHash, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBoolean, assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type ReviewBreakGlassParameters = {
  accessId: Hex
  justified: boolean
  /** Hash of the reviewer's off-chain note. Default zero. */
  noteHash?: Hex | undefined
}

export type ReviewBreakGlassReturnType = ContractWriteResult<typeof emergencyAccessAbi>

/**
 * Records the review of a break-glass access, once, from a regulator member or the patient itself.
 * An unjustified review ends a running access at once.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (BreakGlassNotReviewer, BreakGlassAlreadyReviewed,
 *   BreakGlassUnknownAccess), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function reviewBreakGlass(client: MedchainClient, parameters: ReviewBreakGlassParameters): Promise<ReviewBreakGlassReturnType> {
  const accessId = assertBytes32('accessId', parameters.accessId)
  const justified = assertBoolean('justified', parameters.justified)
  const noteHash = assertBytes32('noteHash', parameters.noteHash ?? zeroHash)
  const { emergencyAccess } = requireDeployment(client)
  return writeContract(client, {
    address: emergencyAccess,
    abi: emergencyAccessAbi,
    functionName: 'review',
    args: [accessId, justified, noteHash],
    context: 'EmergencyAccess.review',
  })
}
