import { consentRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertHex, assertUint } from '../../internal/assert.ts'
import { assertConsentGrantInput } from '../../internal/consentGrant.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { requireEvent } from '../../internal/requireEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SignedConsentGrant } from './signConsentGrant.ts'

/** A grant signed with {@link signConsentGrant}; `nonce` and `consentId` are informative, the contract uses its own. */
export type RelayConsentGrantParameters = Pick<SignedConsentGrant, 'patient' | 'grant' | 'deadline' | 'signature'> &
  Partial<Pick<SignedConsentGrant, 'nonce' | 'consentId'>>

export type RelayConsentGrantReturnType = ContractWriteResult<typeof consentRegistryAbi> & { consentId: Hex }

/**
 * Submits a patient's signed grant from the client's account (any account: a gateway pays the gas).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsentSignatureExpired, ConsentInvalidSigner for a
 *   wrong signer, altered terms or a replay, ConsentUnknownPatient, and the grant's own errors),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function relayConsentGrant(client: MedchainClient, parameters: RelayConsentGrantParameters): Promise<RelayConsentGrantReturnType> {
  const patient = assertAddress('patient', parameters.patient)
  const grant = assertConsentGrantInput('grant', parameters.grant)
  const deadline = assertUint('deadline', parameters.deadline)
  const signature = assertHex('signature', parameters.signature)
  const { consentRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'grantBySig',
    args: [patient, grant, deadline, signature],
    context: 'ConsentRegistry.grantBySig',
  })
  return { ...result, consentId: requireEvent(result, 'ConsentGranted').args.consentId }
}
