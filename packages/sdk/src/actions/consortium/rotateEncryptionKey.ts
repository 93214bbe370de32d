import { consortiumAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertCompressedPublicKey } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RotateEncryptionKeyParameters = {
  /** The calling member's new 33-byte compressed secp256k1 encryption key. */
  encryptionPublicKey: Hex
}

export type RotateEncryptionKeyReturnType = ContractWriteResult<typeof consortiumAbi>

/**
 * Replaces the calling member's encryption public key.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotMember, ConsortiumInvalidKey), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function rotateEncryptionKey(client: MedchainClient, parameters: RotateEncryptionKeyParameters): Promise<RotateEncryptionKeyReturnType> {
  const key = assertCompressedPublicKey('encryptionPublicKey', parameters.encryptionPublicKey)
  const { consortium } = requireDeployment(client)
  return writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'rotateEncryptionKey',
    args: [key],
    context: 'Consortium.rotateEncryptionKey',
  })
}
