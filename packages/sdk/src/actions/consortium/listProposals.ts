import { consortiumAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Proposal, ProposalStatus } from '../../types.ts'
import { getProposal } from './getProposal.ts'

const STATUSES: readonly ProposalStatus[] = ['pending', 'executed', 'rejected', 'expired']

export type ListProposalsParameters = {
  /** Keep only proposals in one of these statuses. Default: all. */
  status?: ProposalStatus | readonly ProposalStatus[] | undefined
}

/** Proposals by ascending id. */
export type ListProposalsReturnType = Proposal[]

/**
 * Lists proposals. Ids run from 1 to `proposalCount()`, so they are read directly rather than
 * scanned from events: this gives each proposal's current status, expiry included.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function listProposals(client: MedchainClient, { status }: ListProposalsParameters = {}): Promise<ListProposalsReturnType> {
  const wanted = status === undefined ? undefined : new Set(typeof status === 'string' ? [status] : status)
  for (const s of wanted ?? []) {
    if (!STATUSES.includes(s)) {
      throw new MedchainError(`"status" expected one of ${STATUSES.join(', ')}, got ${JSON.stringify(s)}`, { code: 'SDK_INVALID_ARGUMENT' })
    }
  }
  const { consortium } = requireDeployment(client)
  const blockNumber = await latestBlockNumber(client)
  const count = await readContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'proposalCount',
    args: [],
    blockNumber,
    context: 'Consortium.proposalCount',
  })
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1))
  const proposals = await Promise.all(ids.map((proposalId) => getProposal(client, { proposalId, blockNumber })))
  return wanted ? proposals.filter((proposal) => wanted.has(proposal.status)) : proposals
}
