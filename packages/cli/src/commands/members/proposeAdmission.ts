import { getProposal, isRoleName, proposeAdmission, ROLE_NAMES, type RoleName } from '@medchain/sdk'
import type { Command } from 'commander'
import type { Hex } from 'viem'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { formatVotes } from '../../format.ts'
import { println, type CliIo } from '../../io.ts'
import { parseAddress } from '../../options.ts'

type Options = ConnectionOptions & { name: string; roles: string; encryptionKey: string; gatewayUrl?: string }

/** `medchain members propose-admission <address> ...`: propose a new member organisation. */
export function registerMembersProposeAdmission(members: Command, io: CliIo): void {
  addConnectionOptions(
    members
      .command('propose-admission <address>')
      .description('propose admitting an organisation (your yes vote counts at once)')
      .requiredOption('--name <name>', 'display name of the organisation')
      .requiredOption('--roles <roles>', `comma-separated roles: ${ROLE_NAMES.join(', ')}`)
      .requiredOption('--encryption-key <hex>', "the organisation's 33-byte compressed public key (`medchain keys export-public`)")
      .option('--gateway-url <url>', "base URL of the organisation's gateway", ''),
    { signs: true },
  ).action(async (addressText: string, _options: Options, command: Command) => {
    const org = parseAddress('<address>', addressText)
    const options = command.optsWithGlobals<Options>()
    const roles = parseRoles(options.roles)
    if (!/^0x0[23][0-9a-fA-F]{64}$/.test(options.encryptionKey)) {
      throw usageError('--encryption-key expected a 33-byte compressed secp256k1 public key (0x02 or 0x03 + 64 hex digits)')
    }
    const client = await connect(io, options)
    const result = await proposeAdmission(client, {
      org,
      name: options.name,
      roles,
      gatewayUrl: options.gatewayUrl ?? '',
      encryptionPublicKey: options.encryptionKey as Hex,
    })
    const proposal = await getProposal(client, { proposalId: result.proposalId })
    println(io.stdout, `Proposal #${result.proposalId}: admit ${options.name} (${org})`)
    println(io.stdout, `  status  ${proposal.status}, ${formatVotes(proposal)}`)
    println(io.stdout, `  tx      ${result.hash}`)
  })
}

/** `hospital,research` as role names; a usage error names an unknown one. */
export function parseRoles(text: string): RoleName[] {
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '')
  const unknown = names.filter((name) => !isRoleName(name))
  if (names.length === 0 || unknown.length > 0) {
    throw usageError(`--roles expected a comma-separated list of ${ROLE_NAMES.join(', ')}, got ${JSON.stringify(text)}`)
  }
  return names as RoleName[]
}
