import { getProposal, vote } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { formatVotes } from '../../format.ts'
import { println, type CliIo } from '../../io.ts'
import { parseProposalId } from '../../options.ts'

/** `medchain members vote <proposalId> yes|no`. */
export function registerMembersVote(members: Command, io: CliIo): void {
  addConnectionOptions(members.command('vote <proposalId> <choice>').description('vote yes or no on an open proposal'), { signs: true }).action(
    async (idText: string, choice: string, _options: ConnectionOptions, command: Command) => {
      const proposalId = parseProposalId(idText)
      if (choice !== 'yes' && choice !== 'no') throw usageError(`<choice> expected yes or no, got ${JSON.stringify(choice)}`)
      const client = await connect(io, command.optsWithGlobals())
      const result = await vote(client, { proposalId, support: choice === 'yes' })
      const proposal = await getProposal(client, { proposalId })
      println(io.stdout, `Voted ${choice} on proposal #${proposalId}: ${result.status}, ${formatVotes(proposal)}`)
      println(io.stdout, `  tx  ${result.hash}`)
    },
  )
}
