import { getMembers } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { formatRoles } from '../../format.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'

/** `medchain members list`: the active members. */
export function registerMembersList(members: Command, io: CliIo): void {
  addConnectionOptions(members.command('list').description('list the active member organisations'), { signs: false })
    .option('--json', 'print JSON')
    .action(async (options: ConnectionOptions & { json?: boolean }, command: Command) => {
      const client = await connect(io, command.optsWithGlobals())
      const list = await getMembers(client)
      if (options.json) return println(io.stdout, toJson(list))
      const rows = list.map((member) => [member.name, formatRoles(member.roles), member.address, member.gatewayUrl || '-'])
      println(io.stdout, formatTable(['NAME', 'ROLES', 'ADDRESS', 'GATEWAY'], rows, ''))
    })
}
