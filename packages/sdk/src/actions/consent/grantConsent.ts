import { consentRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { toConsentGrantInput } from '../../internal/consentGrant.ts'
import type { ConsentTerms } from '../../types.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { requireEvent } from '../../internal/requireEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type GrantConsentParameters = ConsentTerms

export type GrantConsentReturnType = ContractWriteResult<typeof consentRegistryAbi> & { consentId: Hex }

/**
 * Grants a consent from the client's account, which must be a registered patient pseudonym holding
 * gas. A patient without gas signs with {@link signConsentGrant} and has a gateway relay it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsentUnknownPatient, ConsentInvalidGrantee,
 *   ConsentEmptyScope, ConsentInvalidWindow, ConsentTooManyRecords...), `SDK_INVALID_ARGUMENT`
 *   (e.g. an unknown purpose or resource type name), `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function grantConsent(client: MedchainClient, parameters: GrantConsentParameters): Promise<GrantConsentReturnType> {
  const input = toConsentGrantInput(parameters)
  const { consentRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'grant',
    args: [input],
    context: 'ConsentRegistry.grant',
  })
  return { ...result, consentId: requireEvent(result, 'ConsentGranted').args.consentId }
}
