import { identityRegistryAbi } from '@medchain/contracts'
import { keccak256, type Address, type Hex, type LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertCompressedPublicKey, assertUint } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'

/** EIP-712 type of a signed key rotation, as IdentityRegistry hashes it. */
export const rotateKeyTypes = {
  RotateKey: [
    { name: 'pseudonym', type: 'address' },
    { name: 'newKeyHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

/** How long a rotation signature stays valid by default: long enough to reach a gateway. */
const DEFAULT_VALIDITY_SECONDS = 3600n

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
  const patient = toLocalAccount(parameters.patient)
  const newKey = assertCompressedPublicKey('newKey', parameters.newKey)
  const deadline =
    parameters.deadline === undefined
      ? BigInt(Math.floor(Date.now() / 1000)) + DEFAULT_VALIDITY_SECONDS
      : assertUint('deadline', parameters.deadline)
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
    domain: { name: 'medchain IdentityRegistry', version: '1', chainId: client.chain.id, verifyingContract: identityRegistry },
    types: rotateKeyTypes,
    primaryType: 'RotateKey',
    message: { pseudonym, newKeyHash: keccak256(newKey), nonce, deadline },
  })
  return { pseudonym, newKey, nonce, deadline, signature }
}

function toLocalAccount(patient: Hex | LocalAccount): LocalAccount {
  if (typeof patient === 'string') {
    try {
      return privateKeyToAccount(patient)
    } catch (cause) {
      throw new MedchainError('"patient" expected a 32-byte hex private key or a local account', { code: 'SDK_INVALID_ARGUMENT', cause })
    }
  }
  if (typeof patient !== 'object' || patient === null || typeof patient.signTypedData !== 'function') {
    throw new MedchainError('"patient" expected a 32-byte hex private key or a local account', { code: 'SDK_INVALID_ARGUMENT' })
  }
  return patient
}
