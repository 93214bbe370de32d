import { emergencyAccessAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertBytes32, assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { requireEvent } from '../../internal/requireEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type OpenBreakGlassParameters = {
  patient: Address
  /** Non-zero, application-defined reason (uint16). */
  reasonCode: number
  /** Hash of the clinician's free-text justification, which stays off chain. */
  justificationHash: Hex
}

export type OpenBreakGlassReturnType = ContractWriteResult<typeof emergencyAccessAbi> & {
  accessId: Hex
  /** Unix seconds at which the access ends. */
  expiresAt: bigint
}

/**
 * Opens break-glass access to a patient's records, without consent, for the contract's window
 * (4 hours by default). The client's account must be an active clinician of a hospital member. The
 * access is public and will be reviewed by a regulator or the patient.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotIndividual, BreakGlassUnknownPatient,
 *   BreakGlassInvalidReason), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function openBreakGlass(client: MedchainClient, parameters: OpenBreakGlassParameters): Promise<OpenBreakGlassReturnType> {
  const patient = assertAddress('patient', parameters.patient)
  const reasonCode = assertSmallUint('reasonCode', parameters.reasonCode, 16)
  const justificationHash = assertBytes32('justificationHash', parameters.justificationHash)
  const { emergencyAccess } = requireDeployment(client)
  const result = await writeContract(client, {
    address: emergencyAccess,
    abi: emergencyAccessAbi,
    functionName: 'open',
    args: [patient, reasonCode, justificationHash],
    context: 'EmergencyAccess.open',
  })
  const { accessId, expiresAt } = requireEvent(result, 'BreakGlassOpened').args
  return { ...result, accessId, expiresAt }
}
