import { consortiumAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { toProposal } from '../../internal/consortiumRecords.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Proposal } from '../../types.ts'

export type GetProposalParameters = {
  proposalId: bigint | number
  /** Read at this block instead of the latest. */
  blockNumber?: bigint | undefined
}

export type GetProposalReturnType = Proposal

/**
 * Reads a proposal; its status is `expired` once a pending proposal outlived its lifetime.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumUnknownProposal), `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getProposal(client: MedchainClient, { proposalId, blockNumber }: GetProposalParameters): Promise<GetProposalReturnType> {
  const id = assertUint('proposalId', proposalId, { min: 1n })
  const { consortium } = requireDeployment(client)
  const raw = await readContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'getProposal',
    args: [id],
    blockNumber,
    context: 'Consortium.getProposal',
  })
  return toProposal(id, raw)
}
