import { getMember } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { CliError } from '../../errors.ts'
import { formatRoles, formatTime } from '../../format.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'
import { parseAddress } from '../../options.ts'

/** `medchain members show <address>`: one member, removed ones included. */
export function registerMembersShow(members: Command, io: CliIo): void {
  addConnectionOptions(members.command('show <address>').description('show one member organisation'), { signs: false })
    .option('--json', 'print JSON')
    .action(async (addressText: string, options: ConnectionOptions & { json?: boolean }, command: Command) => {
      const address = parseAddress('<address>', addressText)
      const client = await connect(io, command.optsWithGlobals())
      const member = await getMember(client, { address })
      if (!member) throw new CliError(`${address} is not and never was a member`, { code: 'CLI_NOT_FOUND' })
      if (options.json) return println(io.stdout, toJson(member))
      println(io.stdout, member.name)
      const rows = [
        ['address', member.address],
        ['roles', formatRoles(member.roles)],
        ['gateway', member.gatewayUrl || '-'],
        ['encryption key', member.encryptionPublicKey],
        ['joined', formatTime(member.joinedAt)],
        ['status', member.active ? 'active' : 'removed'],
      ]
      println(io.stdout, formatTable(['FIELD', 'VALUE'], rows).split('\n').slice(1).join('\n'))
    })
}
