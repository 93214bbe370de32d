import { identityRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertCompressedPublicKey } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { rotatedKeyVersion } from '../../internal/rotatedKeyVersion.ts'

export type RotatePatientKeyParameters = {
  /** The new 33-byte compressed secp256k1 encryption key. */
  newKey: Hex
}

export type RotatePatientKeyReturnType = ContractWriteResult<typeof identityRegistryAbi> & { keyVersion: number }

/**
 * Replaces the key of the pseudonym that is the client's own account, paying for the transaction.
 * A patient without gas signs with {@link signPatientKeyRotation} and has a gateway relay it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (IdentityUnknownPatient, IdentityInvalidKey), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function rotatePatientKey(client: MedchainClient, parameters: RotatePatientKeyParameters): Promise<RotatePatientKeyReturnType> {
  const newKey = assertCompressedPublicKey('newKey', parameters.newKey)
  const { identityRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: identityRegistry,
    abi: identityRegistryAbi,
    functionName: 'rotatePatientKey',
    args: [newKey],
    context: 'IdentityRegistry.rotatePatientKey',
  })
  return { ...result, keyVersion: rotatedKeyVersion(result) }
}
