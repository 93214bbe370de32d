import { consentRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RevokeConsentParameters = {
  consentId: Hex
}

export type RevokeConsentReturnType = ContractWriteResult<typeof consentRegistryAbi>

/**
 * Revokes a consent from the client's account, its patient. Also voids the patient's signed grants
 * and revocations not yet relayed (they carry the old nonce).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsentUnknown, ConsentNotPatient, ConsentAlreadyRevoked),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function revokeConsent(client: MedchainClient, parameters: RevokeConsentParameters): Promise<RevokeConsentReturnType> {
  const consentId = assertBytes32('consentId', parameters.consentId)
  const { consentRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'revoke',
    args: [consentId],
    context: 'ConsentRegistry.revoke',
  })
}
