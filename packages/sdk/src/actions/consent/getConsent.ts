import { consentRegistryAbi } from '@medchain/contracts'
import { zeroAddress, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { toConsent } from '../../internal/consentRecord.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Consent } from '../../types.ts'

export type GetConsentParameters = {
  consentId: Hex
  /** Read at this block instead of the latest. */
  blockNumber?: bigint | undefined
}

/** The consent, or undefined for an unknown id. */
export type GetConsentReturnType = Consent | undefined

/**
 * Reads a consent, revoked or expired ones included.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getConsent(client: MedchainClient, parameters: GetConsentParameters): Promise<GetConsentReturnType> {
  const consentId = assertBytes32('consentId', parameters.consentId)
  const { consentRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'getConsent',
    args: [consentId],
    blockNumber: parameters.blockNumber,
    context: 'ConsentRegistry.getConsent',
  })
  return raw.patient === zeroAddress ? undefined : toConsent(consentId, raw)
}
