import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertAddress } from '../../internal/assert.ts'
import { createdProposalId, proposalOutcome, type ProposalOutcome } from '../../internal/proposalOutcome.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { rolesToMask, type RoleName } from '../../roles.ts'

export type ProposeRolesChangeParameters = {
  org: Address
  /** The member's new roles, replacing the current ones. */
  roles: readonly RoleName[]
}

export type ProposeRolesChangeReturnType = ContractWriteResult<typeof consortiumAbi> & {
  proposalId: bigint
  status: ProposalOutcome
}

/**
 * Proposes replacing a member's roles; the caller (a member) votes yes at once.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumNotMember, ConsortiumInvalidRoles),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function proposeRolesChange(client: MedchainClient, parameters: ProposeRolesChangeParameters): Promise<ProposeRolesChangeReturnType> {
  const org = assertAddress('org', parameters.org)
  const mask = rolesToMask(parameters.roles)
  if (mask === 0) throw new MedchainError('"roles" expected at least one role name', { code: 'SDK_INVALID_ARGUMENT' })
  const { consortium } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'proposeRolesChange',
    args: [org, mask],
    context: 'Consortium.proposeRolesChange',
  })
  const proposalId = createdProposalId(result)
  return { ...result, proposalId, status: proposalOutcome(result, proposalId) }
}
