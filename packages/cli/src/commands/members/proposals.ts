import { listProposals, type ProposalStatus } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { describeProposal, formatTime } from '../../format.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'

const STATUSES: readonly ProposalStatus[] = ['pending', 'executed', 'rejected', 'expired']

/** `medchain members proposals`: governance proposals and their votes. */
export function registerMembersProposals(members: Command, io: CliIo): void {
  addConnectionOptions(members.command('proposals').description('list governance proposals'), { signs: false })
    .option('--status <status>', `only proposals in this status: ${STATUSES.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (options: ConnectionOptions & { status?: string; json?: boolean }, command: Command) => {
      const status = options.status
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
        throw usageError(`--status expected one of ${STATUSES.join(', ')}, got ${JSON.stringify(status)}`)
      }
      const client = await connect(io, command.optsWithGlobals())
      const proposals = await listProposals(client, status === undefined ? {} : { status: status as ProposalStatus })
      if (options.json) return println(io.stdout, toJson(proposals))
      if (proposals.length === 0) return println(io.stdout, 'No proposals.')
      const rows = proposals.map((p) => [`#${p.id}`, p.status, p.org, describeProposal(p), `${p.yesVotes}/${p.noVotes}/${p.memberCountSnapshot}`, formatTime(p.expiresAt)])
      println(io.stdout, formatTable(['ID', 'STATUS', 'ORG', 'PROPOSAL', 'YES/NO/OF', 'EXPIRES'], rows, ''))
    })
}
