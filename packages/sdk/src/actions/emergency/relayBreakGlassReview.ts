import { emergencyAccessAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBoolean, assertBytes32, assertHex, assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SignedBreakGlassReview } from './signBreakGlassReview.ts'

/** A review signed with {@link signBreakGlassReview}; `patient` and `nonce` are informative. */
export type RelayBreakGlassReviewParameters = Pick<SignedBreakGlassReview, 'accessId' | 'justified' | 'noteHash' | 'deadline' | 'signature'> &
  Partial<Pick<SignedBreakGlassReview, 'patient' | 'nonce'>>

export type RelayBreakGlassReviewReturnType = ContractWriteResult<typeof emergencyAccessAbi>

/**
 * Submits a patient's signed review from the client's account (any account).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (BreakGlassSignatureExpired, BreakGlassInvalidSigner for a
 *   wrong signer, altered terms or a replay, BreakGlassAlreadyReviewed, BreakGlassUnknownAccess),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function relayBreakGlassReview(client: MedchainClient, parameters: RelayBreakGlassReviewParameters): Promise<RelayBreakGlassReviewReturnType> {
  const accessId = assertBytes32('accessId', parameters.accessId)
  const justified = assertBoolean('justified', parameters.justified)
  const noteHash = assertBytes32('noteHash', parameters.noteHash)
  const deadline = assertUint('deadline', parameters.deadline)
  const signature = assertHex('signature', parameters.signature)
  const { emergencyAccess } = requireDeployment(client)
  return writeContract(client, {
    address: emergencyAccess,
    abi: emergencyAccessAbi,
    functionName: 'reviewBySig',
    args: [accessId, justified, noteHash, deadline, signature],
    context: 'EmergencyAccess.reviewBySig',
  })
}
