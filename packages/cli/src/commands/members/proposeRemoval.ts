import { getProposal, proposeRemoval } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { formatVotes } from '../../format.ts'
import { println, type CliIo } from '../../io.ts'
import { parseAddress } from '../../options.ts'

/** `medchain members propose-removal <address>`: propose removing a member. */
export function registerMembersProposeRemoval(members: Command, io: CliIo): void {
  addConnectionOptions(members.command('propose-removal <address>').description('propose removing a member (your yes vote counts at once)'), {
    signs: true,
  }).action(async (addressText: string, _options: ConnectionOptions, command: Command) => {
    const org = parseAddress('<address>', addressText)
    const client = await connect(io, command.optsWithGlobals())
    const result = await proposeRemoval(client, { org })
    const proposal = await getProposal(client, { proposalId: result.proposalId })
    println(io.stdout, `Proposal #${result.proposalId}: remove ${org}`)
    println(io.stdout, `  status  ${proposal.status}, ${formatVotes(proposal)}`)
    println(io.stdout, `  tx      ${result.hash}`)
  })
}
