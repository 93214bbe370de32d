import { identityRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertCompressedPublicKey, assertHex, assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { rotatedKeyVersion } from '../../internal/rotatedKeyVersion.ts'
import type { SignedPatientKeyRotation } from './signPatientKeyRotation.ts'

/** A rotation signed with {@link signPatientKeyRotation}; `nonce` is informative, the contract uses its own. */
export type RelayPatientKeyRotationParameters = SignedPatientKeyRotation

export type RelayPatientKeyRotationReturnType = ContractWriteResult<typeof identityRegistryAbi> & { keyVersion: number }

/**
 * Sends a patient's signed key rotation from the client's account (any account: a gateway pays
 * the gas). A signature is good once: the rotation consumes the pseudonym's nonce.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (IdentitySignatureExpired, IdentityInvalidSigner for a wrong
 *   signer or a replay, IdentityUnknownPatient, IdentityInvalidKey), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function relayPatientKeyRotation(
  client: MedchainClient,
  parameters: RelayPatientKeyRotationParameters,
): Promise<RelayPatientKeyRotationReturnType> {
  const pseudonym = assertAddress('pseudonym', parameters.pseudonym)
  const newKey = assertCompressedPublicKey('newKey', parameters.newKey)
  const deadline = assertUint('deadline', parameters.deadline)
  const signature = assertHex('signature', parameters.signature)
  const { identityRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: identityRegistry,
    abi: identityRegistryAbi,
    functionName: 'rotatePatientKeyBySig',
    args: [pseudonym, newKey, deadline, signature],
    context: 'IdentityRegistry.rotatePatientKeyBySig',
  })
  return { ...result, keyVersion: rotatedKeyVersion(result) }
}
