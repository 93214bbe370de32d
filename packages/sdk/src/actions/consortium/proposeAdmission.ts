import { consortiumAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertAddress, assertCompressedPublicKey, assertNonEmptyString, assertString } from '../../internal/assert.ts'
import { createdProposalId, proposalOutcome, type ProposalOutcome } from '../../internal/proposalOutcome.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { rolesToMask, type RoleName } from '../../roles.ts'

export type ProposeAdmissionParameters = {
  /** The organisation to admit: neither a member nor an active individual. */
  org: Address
  name: string
  roles: readonly RoleName[]
  /** Base URL of its gateway; empty for a member that serves nothing. */
  gatewayUrl?: string | undefined
  /** Its 33-byte compressed secp256k1 encryption key. */
  encryptionPublicKey: Hex
}

export type ProposeAdmissionReturnType = ContractWriteResult<typeof consortiumAbi> & {
  proposalId: bigint
  /** `executed` when the proposer's own vote was already a majority. */
  status: ProposalOutcome
}

/**
 * Proposes admitting an organisation; the caller (a member) votes yes at once.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumAlreadyMember, ConsortiumPendingProposal),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function proposeAdmission(client: MedchainClient, parameters: ProposeAdmissionParameters): Promise<ProposeAdmissionReturnType> {
  const org = assertAddress('org', parameters.org)
  const name = assertNonEmptyString('name', parameters.name, 256)
  const mask = rolesToMask(parameters.roles)
  if (mask === 0) throw new MedchainError('"roles" expected at least one role name', { code: 'SDK_INVALID_ARGUMENT' })
  const gatewayUrl = assertString('gatewayUrl', parameters.gatewayUrl ?? '', 2048)
  const key = assertCompressedPublicKey('encryptionPublicKey', parameters.encryptionPublicKey)
  const { consortium } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'proposeAdmission',
    args: [org, name, mask, gatewayUrl, key],
    context: 'Consortium.proposeAdmission',
  })
  const proposalId = createdProposalId(result)
  return { ...result, proposalId, status: proposalOutcome(result, proposalId) }
}
