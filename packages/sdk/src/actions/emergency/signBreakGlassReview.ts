import { emergencyAccessAbi } from '@medchain/contracts'
import { zeroHash, type Address, type Hex, type LocalAccount } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBoolean, assertBytes32, assertUint } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { deadlineOrDefault, medchainDomain, toLocalAccount } from '../../internal/signing.ts'

/** EIP-712 type of a signed review, as EmergencyAccess hashes it. */
export const breakGlassReviewTypes = {
  Review: [
    { name: 'accessId', type: 'bytes32' },
    { name: 'justified', type: 'bool' },
    { name: 'noteHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

export type SignBreakGlassReviewParameters = {
  /** The access's patient: its pseudonym's private key or local account. */
  patient: Hex | LocalAccount
  accessId: Hex
  justified: boolean
  /** Hash of the patient's off-chain note. Default zero. */
  noteHash?: Hex | undefined
  /** Last accepted block timestamp (unix seconds, inclusive). Default: one hour from now. */
  deadline?: bigint | number | undefined
  /** The patient's review nonce in EmergencyAccess. Default: read from the chain. */
  nonce?: bigint | undefined
}

/** A signed review, everything a relayer needs. */
export type SignedBreakGlassReview = {
  patient: Address
  accessId: Hex
  justified: boolean
  noteHash: Hex
  nonce: bigint
  deadline: bigint
  signature: Hex
}

export type SignBreakGlassReviewReturnType = SignedBreakGlassReview

/**
 * Signs a patient's review of a break-glass access as EIP-712 typed data (domain "medchain
 * EmergencyAccess" v1), for {@link relayBreakGlassReview}. Signing sends nothing.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function signBreakGlassReview(client: MedchainClient, parameters: SignBreakGlassReviewParameters): Promise<SignBreakGlassReviewReturnType> {
  const account = toLocalAccount('patient', parameters.patient)
  const accessId = assertBytes32('accessId', parameters.accessId)
  const justified = assertBoolean('justified', parameters.justified)
  const noteHash = assertBytes32('noteHash', parameters.noteHash ?? zeroHash)
  const deadline = await deadlineOrDefault(client, parameters.deadline)
  const { emergencyAccess } = requireDeployment(client)
  const patient = account.address
  const nonce =
    parameters.nonce === undefined
      ? await readContract(client, {
          address: emergencyAccess,
          abi: emergencyAccessAbi,
          functionName: 'nonces',
          args: [patient],
          context: 'EmergencyAccess.nonces',
        })
      : assertUint('nonce', parameters.nonce)
  const signature = await account.signTypedData({
    domain: medchainDomain(client, 'medchain EmergencyAccess', emergencyAccess),
    types: breakGlassReviewTypes,
    primaryType: 'Review',
    message: { accessId, justified, noteHash, nonce, deadline },
  })
  return { patient, accessId, justified, noteHash, nonce, deadline, signature }
}
