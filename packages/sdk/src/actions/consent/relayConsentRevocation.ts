import { consentRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertHex, assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SignedConsentRevocation } from './signConsentRevocation.ts'

/** A revocation signed with {@link signConsentRevocation}; `patient` and `nonce` are informative. */
export type RelayConsentRevocationParameters = Pick<SignedConsentRevocation, 'consentId' | 'deadline' | 'signature'> &
  Partial<Pick<SignedConsentRevocation, 'patient' | 'nonce'>>

export type RelayConsentRevocationReturnType = ContractWriteResult<typeof consentRegistryAbi>

/**
 * Submits a patient's signed revocation from the client's account (any account).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsentSignatureExpired, ConsentInvalidSigner for a wrong
 *   signer or a replay, ConsentUnknown, ConsentAlreadyRevoked), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function relayConsentRevocation(
  client: MedchainClient,
  parameters: RelayConsentRevocationParameters,
): Promise<RelayConsentRevocationReturnType> {
  const consentId = assertBytes32('consentId', parameters.consentId)
  const deadline = assertUint('deadline', parameters.deadline)
  const signature = assertHex('signature', parameters.signature)
  const { consentRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'revokeBySig',
    args: [consentId, deadline, signature],
    context: 'ConsentRegistry.revokeBySig',
  })
}
