import { consentRegistryAbi } from '@medchain/contracts'
import type { Address, Hex, LocalAccount } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertUint } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { deadlineOrDefault, medchainDomain, toLocalAccount } from '../../internal/signing.ts'

/** EIP-712 type of a signed revocation, as ConsentRegistry hashes it. */
export const consentRevocationTypes = {
  Revoke: [
    { name: 'consentId', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

export type SignConsentRevocationParameters = {
  /** The consent's patient: its pseudonym's private key or local account. */
  patient: Hex | LocalAccount
  consentId: Hex
  /** Last accepted block timestamp (unix seconds, inclusive). Default: one hour from now. */
  deadline?: bigint | number | undefined
  /** The patient's consent nonce. Default: read from the chain. */
  nonce?: bigint | undefined
}

/** A signed revocation, everything a relayer needs. */
export type SignedConsentRevocation = {
  patient: Address
  consentId: Hex
  nonce: bigint
  deadline: bigint
  signature: Hex
}

export type SignConsentRevocationReturnType = SignedConsentRevocation

/**
 * Signs the revocation of a consent as EIP-712 typed data, for {@link relayConsentRevocation}.
 * Signing sends nothing.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function signConsentRevocation(
  client: MedchainClient,
  parameters: SignConsentRevocationParameters,
): Promise<SignConsentRevocationReturnType> {
  const account = toLocalAccount('patient', parameters.patient)
  const consentId = assertBytes32('consentId', parameters.consentId)
  const deadline = await deadlineOrDefault(client, parameters.deadline)
  const { consentRegistry } = requireDeployment(client)
  const patient = account.address
  const nonce =
    parameters.nonce === undefined
      ? await readContract(client, {
          address: consentRegistry,
          abi: consentRegistryAbi,
          functionName: 'nonces',
          args: [patient],
          context: 'ConsentRegistry.nonces',
        })
      : assertUint('nonce', parameters.nonce)
  const signature = await account.signTypedData({
    domain: medchainDomain(client, 'medchain ConsentRegistry', consentRegistry),
    types: consentRevocationTypes,
    primaryType: 'Revoke',
    message: { consentId, nonce, deadline },
  })
  return { patient, consentId, nonce, deadline, signature }
}
