import { getMember } from '@medchain/sdk'
import type { Address } from 'viem'
import { connect, type ConnectionOptions } from '../../connect.ts'
import { CliError, usageError } from '../../errors.ts'
import type { CliIo } from '../../io.ts'
import { checkGateway } from './gatewayClient.ts'

/**
 * `--gateway`'s value, checked.
 * @throws CliError `CLI_USAGE`
 */
export function parseGatewayUrl(text: string): string {
  if (!isHttpUrl(text)) throw usageError(`--gateway expected an http(s) URL, got ${JSON.stringify(text)}`)
  return text
}

/**
 * The gateway to import into: `--gateway` (parsed by parseGatewayUrl), else the gateway URL the
 * chain lists for the `--as` member; checked to answer as a FHIR server before anything is sent.
 * @throws CliError `CLI_NOT_FOUND` (not a member), `CLI_GATEWAY_UNREACHABLE`; MedchainError when
 *   the chain cannot be read
 */
export async function resolveGateway(io: CliIo, options: ConnectionOptions & { gateway?: string | undefined }, member: { name: string; address: Address }): Promise<string> {
  if (options.gateway !== undefined) {
    await checkGateway(options.gateway)
    return options.gateway
  }
  const client = await connect(io, { ...options, as: undefined })
  const found = await getMember(client, { address: member.address })
  if (found === undefined || !found.active) throw new CliError(`Keystore "${member.name}" (${member.address}) is not a consortium member`, { code: 'CLI_NOT_FOUND' })
  if (!isHttpUrl(found.gatewayUrl)) {
    throw new CliError(`${found.name} lists no usable gateway URL on chain (${JSON.stringify(found.gatewayUrl)})`, { code: 'CLI_GATEWAY_UNREACHABLE', details: 'pass --gateway <url>' })
  }
  await checkGateway(found.gatewayUrl)
  return found.gatewayUrl
}

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text) && URL.canParse(text)
}
