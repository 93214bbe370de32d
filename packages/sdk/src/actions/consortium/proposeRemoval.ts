import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { createdProposalId, proposalOutcome, type ProposalOutcome } from '../../internal/proposalOutcome.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type ProposeRemovalParameters = {
  /** The member to remove; never the last one. */
  org: Address
}

export type ProposeRemovalReturnType = ContractWriteResult<typeof consortiumAbi> & {
  proposalId: bigint
  status: ProposalOutcome
}

/**
 * Proposes removing a member; the caller (a member) votes yes at once.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumNotMember, ConsortiumLastMember),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function proposeRemoval(client: MedchainClient, parameters: ProposeRemovalParameters): Promise<ProposeRemovalReturnType> {
  const org = assertAddress('org', parameters.org)
  const { consortium } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'proposeRemoval',
    args: [org],
    context: 'Consortium.proposeRemoval',
  })
  const proposalId = createdProposalId(result)
  return { ...result, proposalId, status: proposalOutcome(result, proposalId) }
}
