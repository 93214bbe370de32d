import { identityRegistryAbi } from '@medchain/contracts'
import { keccak256, type Address, type Hex, type LocalAccount } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertCompressedPublicKey, assertUint } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { deadlineOrDefault, medchainDomain, toLocalAccount } from '../../internal/signing.ts'

/** EIP-712 type of a signed key rotation, as IdentityRegistry hashes it. */
export const rotateKeyTypes = {
  RotateKey: [
    { name: 'pseudonym', type: 'address' },
    { name: 'newKeyHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

export type SignPatientKeyRotationParameters = {
  /** The pseudonym's private key or local account: the patient signs, anyone relays. */
  patient: Hex | LocalAccount
  /** The new 33-byte compressed secp256k1 encryption key. */
  newKey: Hex
  /** Last accepted block timestamp (unix seconds, inclusive). Default: one hour from now. */
  deadline?: bigint | undefined
  /** The pseudonym's rotation nonce. Default: read from the chain. */
  nonce?: bigint | undefined
}

/** A signed rotation, everything a relayer needs. */
export type SignedPatientKeyRotation = {
  pseudonym: Address
  newKey: Hex
  nonce: bigint
  deadline: bigint
  signature: Hex
}

export type SignPatientKeyRotationReturnType = SignedPatientKeyRotation

/**
 * Signs a patient key rotation as EIP-712 typed data (domain "medchain IdentityRegistry" v1,
 * this chain, the deployment's IdentityRegistry), so that a gateway can relay it with
 * {@link relayPatientKeyRotation} and the patient needs no gas. Signing sends nothing.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function signPatientKeyRotation(
  client: MedchainClient,
  parameters: SignPatientKeyRotationParameters,
): Promise<SignPatientKeyRotationReturnType> {
  const patient = toLocalAccount('patient', parameters.patient)
  const newKey = assertCompressedPublicKey('newKey', parameters.newKey)
  const deadline = await deadlineOrDefault(client, parameters.deadline)
  const { identityRegistry } = requireDeployment(client)
  const pseudonym = patient.address
  const nonce =
    parameters.nonce === undefined
      ? await readContract(client, {
          address: identityRegistry,
          abi: identityRegistryAbi,
          functionName: 'nonces',
          args: [pseudonym],
          context: 'IdentityRegistry.nonces',
        })
      : assertUint('nonce', parameters.nonce)
  const signature = await patient.signTypedData({
    domain: medchainDomain(client, 'medchain IdentityRegistry', identityRegistry),
    types: rotateKeyTypes,
    primaryType: 'RotateKey',
    message: { pseudonym, newKeyHash: keccak256(newKey), nonce, deadline },
  })
  return { pseudonym, newKey, nonce, deadline, signature }
}
