import type { consortiumAbi } from '@medchain/contracts'
import { MedchainError } from '../errors.ts'
import type { ContractWriteResult } from './writeContract.ts'

/** Where a proposal stands right after the transaction that created it or voted on it. */
export type ProposalOutcome = 'pending' | 'executed' | 'rejected'

/** The outcome of `proposalId` as told by the transaction's events. */
export function proposalOutcome(result: ContractWriteResult<typeof consortiumAbi>, proposalId: bigint): ProposalOutcome {
  for (const event of result.events) {
    if (event.eventName === 'ProposalExecuted' && event.args.proposalId === proposalId) return 'executed'
    if (event.eventName === 'ProposalRejected' && event.args.proposalId === proposalId) return 'rejected'
  }
  return 'pending'
}

/** The id of the proposal the transaction created (it emitted ProposalCreated exactly once). */
export function createdProposalId(result: ContractWriteResult<typeof consortiumAbi>): bigint {
  const created = result.events.find((event) => event.eventName === 'ProposalCreated')
  // A successful propose* call always emits ProposalCreated; its absence means a mismatched ABI.
  if (!created || created.eventName !== 'ProposalCreated') {
    throw new MedchainError(`Transaction ${result.hash} emitted no ProposalCreated`, { code: 'SDK_UNKNOWN_ERROR' })
  }
  return created.args.proposalId
}
