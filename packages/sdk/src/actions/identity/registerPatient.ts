import { identityRegistryAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertCompressedPublicKey } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RegisterPatientParameters = {
  /** The patient's pseudonym address (the address of a key the patient holds). */
  pseudonym: Address
  /** The patient's 33-byte compressed secp256k1 encryption key. */
  encryptionPublicKey: Hex
}

export type RegisterPatientReturnType = ContractWriteResult<typeof identityRegistryAbi>

/**
 * Registers a patient pseudonym. The caller is a hospital member or one of its clinicians, who
 * checked the patient's identity off chain; nothing identifying goes on chain.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumNotMember, ConsortiumMissingRole,
 *   IdentityAlreadyRegistered, IdentityInvalidKey), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function registerPatient(client: MedchainClient, parameters: RegisterPatientParameters): Promise<RegisterPatientReturnType> {
  const pseudonym = assertAddress('pseudonym', parameters.pseudonym)
  const key = assertCompressedPublicKey('encryptionPublicKey', parameters.encryptionPublicKey)
  const { identityRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: identityRegistry,
    abi: identityRegistryAbi,
    functionName: 'registerPatient',
    args: [pseudonym, key],
    context: 'IdentityRegistry.registerPatient',
  })
}
