import type { Proposal } from '@medchain/sdk'

/** Unix seconds as an ISO date-time. */
export function formatTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')
}

/** `hospital,research`, or `-` for none. */
export function formatRoles(roles: readonly string[]): string {
  return roles.length > 0 ? roles.join(',') : '-'
}

/** Votes so far and what a strict majority of the snapshot needs. */
export function formatVotes(proposal: Pick<Proposal, 'yesVotes' | 'noVotes' | 'memberCountSnapshot'>): string {
  const majority = Math.floor(proposal.memberCountSnapshot / 2) + 1
  return `${proposal.yesVotes} yes, ${proposal.noVotes} no of ${proposal.memberCountSnapshot} (majority ${majority})`
}

/** What a proposal is about, in a few words. */
export function describeProposal(proposal: Proposal): string {
  switch (proposal.kind) {
    case 'admission':
      return `admit ${proposal.name} (${formatRoles(proposal.roles)})`
    case 'removal':
      return 'remove'
    case 'rolesChange':
      return `set roles ${formatRoles(proposal.roles)}`
  }
}
