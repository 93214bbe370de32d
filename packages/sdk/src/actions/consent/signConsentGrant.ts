import { consentRegistryAbi } from '@medchain/contracts'
import { encodeAbiParameters, keccak256, type Address, type Hex, type LocalAccount } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { recordIdsHash, toConsentGrantInput } from '../../internal/consentGrant.ts'
import type { ConsentGrantInput, ConsentTerms } from '../../types.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { deadlineOrDefault, medchainDomain, toLocalAccount } from '../../internal/signing.ts'

/** EIP-712 type of a signed grant, as ConsentRegistry hashes it. */
export const consentGrantTypes = {
  Grant: [
    { name: 'patient', type: 'address' },
    { name: 'grantee', type: 'address' },
    { name: 'purposes', type: 'uint16' },
    { name: 'resourceTypes', type: 'uint256' },
    { name: 'recordIdsHash', type: 'bytes32' },
    { name: 'start', type: 'uint64' },
    { name: 'expiry', type: 'uint64' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

export type SignConsentGrantParameters = ConsentTerms & {
  /** The pseudonym's private key or local account: the patient signs, anyone relays. */
  patient: Hex | LocalAccount
  /** Last accepted block timestamp (unix seconds, inclusive). Default: one hour from now. */
  deadline?: bigint | number | undefined
  /** The patient's consent nonce. Default: read from the chain. */
  nonce?: bigint | undefined
}

/** A signed grant, everything a relayer needs. */
export type SignedConsentGrant = {
  patient: Address
  /** The exact on-chain terms signed. */
  grant: ConsentGrantInput
  nonce: bigint
  deadline: bigint
  signature: Hex
  /** The id the consent will have: keccak256(abi.encode(patient, nonce)). */
  consentId: Hex
}

export type SignConsentGrantReturnType = SignedConsentGrant

/**
 * Signs a consent grant as EIP-712 typed data (domain "medchain ConsentRegistry" v1, this chain, the
 * deployment's ConsentRegistry), so that a gateway can submit it with {@link relayConsentGrant} and
 * the patient needs no gas. Signing sends nothing. The signature is good for one use and only while
 * the patient's nonce is unchanged: any grant or revocation in between voids it.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function signConsentGrant(client: MedchainClient, parameters: SignConsentGrantParameters): Promise<SignConsentGrantReturnType> {
  const account = toLocalAccount('patient', parameters.patient)
  const grant = toConsentGrantInput(parameters)
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
    types: consentGrantTypes,
    primaryType: 'Grant',
    message: {
      patient,
      grantee: grant.grantee,
      purposes: grant.purposes,
      resourceTypes: grant.resourceTypes,
      recordIdsHash: recordIdsHash(grant.recordIds),
      start: grant.start,
      expiry: grant.expiry,
      nonce,
      deadline,
    },
  })
  const consentId = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [patient, nonce]))
  return { patient, grant, nonce, deadline, signature, consentId }
}
