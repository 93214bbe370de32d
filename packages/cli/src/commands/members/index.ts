import type { Command } from 'commander'
import type { CliIo } from '../../io.ts'
import { registerMembersList } from './list.ts'
import { registerMembersProposals } from './proposals.ts'
import { registerMembersProposeAdmission } from './proposeAdmission.ts'
import { registerMembersProposeRemoval } from './proposeRemoval.ts'
import { registerMembersShow } from './show.ts'
import { registerMembersVote } from './vote.ts'

/** `medchain members ...`: consortium membership and governance, against a running node. */
export function registerMembers(program: Command, io: CliIo): void {
  const members = program.command('members').description('consortium members and governance votes (talks to a running node)')
  registerMembersList(members, io)
  registerMembersShow(members, io)
  registerMembersProposeAdmission(members, io)
  registerMembersProposeRemoval(members, io)
  registerMembersVote(members, io)
  registerMembersProposals(members, io)
}
