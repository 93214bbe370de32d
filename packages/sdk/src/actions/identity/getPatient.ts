import { identityRegistryAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Patient } from '../../types.ts'

export type GetPatientParameters = {
  pseudonym: Address
}

/** The patient, or undefined for an unregistered pseudonym. */
export type GetPatientReturnType = Patient | undefined

/**
 * Reads a patient pseudonym's registration and current encryption key.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getPatient(client: MedchainClient, parameters: GetPatientParameters): Promise<GetPatientReturnType> {
  const pseudonym = assertAddress('pseudonym', parameters.pseudonym)
  const { identityRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: identityRegistry,
    abi: identityRegistryAbi,
    functionName: 'getPatient',
    args: [pseudonym],
    context: 'IdentityRegistry.getPatient',
  })
  // keyVersion starts at 1 on registration: 0 means unknown.
  if (raw.keyVersion === 0) return undefined
  return { pseudonym, encryptionPublicKey: raw.encryptionPublicKey, registrar: raw.registrar, registeredAt: raw.registeredAt, keyVersion: raw.keyVersion }
}
