import { consortiumAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertBoolean, assertUint } from '../../internal/assert.ts'
import { proposalOutcome, type ProposalOutcome } from '../../internal/proposalOutcome.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type VoteParameters = {
  proposalId: bigint | number
  /** true: yes, false: no. */
  support: boolean
}

export type VoteReturnType = ContractWriteResult<typeof consortiumAbi> & {
  /** `executed` or `rejected` when this vote reached a strict majority. */
  status: ProposalOutcome
  yesVotes: number
  noVotes: number
}

/**
 * Votes on an open proposal; the vote that reaches a strict majority executes or rejects it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumAlreadyVoted, ConsortiumProposalClosed,
 *   ConsortiumProposalExpired, ConsortiumNotEligibleVoter), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function vote(client: MedchainClient, parameters: VoteParameters): Promise<VoteReturnType> {
  const proposalId = assertUint('proposalId', parameters.proposalId, { min: 1n })
  const support = assertBoolean('support', parameters.support)
  const { consortium } = requireDeployment(client)
  const result = await writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'vote',
    args: [proposalId, support],
    context: 'Consortium.vote',
  })
  const cast = result.events.find((event) => event.eventName === 'VoteCast')
  if (!cast || cast.eventName !== 'VoteCast') {
    throw new MedchainError(`Transaction ${result.hash} emitted no VoteCast`, { code: 'SDK_UNKNOWN_ERROR' })
  }
  return { ...result, status: proposalOutcome(result, proposalId), yesVotes: cast.args.yesVotes, noVotes: cast.args.noVotes }
}
