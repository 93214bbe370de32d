import { consentRegistryAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertAddress } from '../../internal/assert.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Consent } from '../../types.ts'
import { getConsent } from './getConsent.ts'

export type ListConsentsParameters = {
  patient: Address
}

/** Every consent the patient granted, revoked and expired ones included, in grant order. */
export type ListConsentsReturnType = Consent[]

/**
 * Lists a patient's consents, all read at one block so that the list is consistent.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function listConsents(client: MedchainClient, parameters: ListConsentsParameters): Promise<ListConsentsReturnType> {
  const patient = assertAddress('patient', parameters.patient)
  const { consentRegistry } = requireDeployment(client)
  const blockNumber = await latestBlockNumber(client)
  const ids = await readContract(client, {
    address: consentRegistry,
    abi: consentRegistryAbi,
    functionName: 'consentsOf',
    args: [patient],
    blockNumber,
    context: 'ConsentRegistry.consentsOf',
  })
  return Promise.all(
    ids.map(async (consentId) => {
      const consent = await getConsent(client, { consentId, blockNumber })
      // consentsOf lists only granted ids: a missing one means a mismatched ABI.
      if (!consent) throw new MedchainError(`Consent ${consentId} listed but not found`, { code: 'SDK_UNKNOWN_ERROR' })
      return consent
    }),
  )
}
