// Keys and gateways of the research commands: the signing key is needed raw, since requests to
// gateways are signed (not only transactions), and each party talks to its member's gateway.
import { join } from 'node:path'
import { loadKeystore, type MedchainClient } from '@medchain/sdk'
import { memberGateway, type GatewayEndpoint } from '@medchain/research/client'
import { isAddress, type Address, type Hex } from 'viem'
import { CliError, usageError } from '../../errors.ts'
import type { CliIo } from '../../io.ts'
import { keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'
import type { ResearchOptions } from './index.ts'

/** The `--as` keystore's private key. */
export async function memberKey(io: CliIo, options: ResearchOptions): Promise<Hex> {
  if (options.as === undefined) throw usageError('--as <keystore> is required')
  const passphrase = await readPassphrase(io, `Passphrase for keystore "${options.as}": `)
  return (await loadKeystore(keysDir(resolveDataDir(io, options.dataDir)), { name: options.as, passphrase })).privateKey
}

/** The `--patient` key, as `medchain import` saved it in `<data-dir>/patients/patient-<id>.json`. */
export async function patientKey(io: CliIo, options: ResearchOptions): Promise<Hex> {
  if (options.patient === undefined) throw usageError('--patient <id> is required')
  const passphrase = await readPassphrase(io, `Passphrase for patient "${options.patient}": `)
  return (await loadKeystore(join(resolveDataDir(io, options.dataDir), 'patients'), { name: `patient-${options.patient}`, passphrase })).privateKey
}

/**
 * The gateway to talk to: `--gateway`, else the gateway the chain lists for the member `account`
 * acts for.
 * @throws CliError `CLI_GATEWAY_UNREACHABLE`
 */
export async function resolveEndpoint(client: MedchainClient, account: Address, flag: string | undefined): Promise<GatewayEndpoint> {
  if (flag !== undefined) return gatewayAt(flag)
  try {
    return await memberGateway(client, account)
  } catch (error) {
    throw new CliError((error as Error & { shortMessage?: string }).shortMessage ?? String(error), { code: 'CLI_GATEWAY_UNREACHABLE', details: 'pass --gateway <url>', cause: error })
  }
}

/**
 * The gateway at `url`, with the member it answers for (its /health), which signed requests name.
 * @throws CliError `CLI_USAGE`, `CLI_GATEWAY_UNREACHABLE`
 */
export async function gatewayAt(url: string): Promise<GatewayEndpoint> {
  if (!/^https?:\/\/\S+$/.test(url) || !URL.canParse(url)) throw usageError(`--gateway expected an http(s) URL, got ${JSON.stringify(url)}`)
  let health: { member?: unknown }
  try {
    health = (await (await fetch(new URL('health', url.endsWith('/') ? url : `${url}/`))).json()) as { member?: unknown }
  } catch (error) {
    throw new CliError(`Cannot reach the gateway at ${url}`, { code: 'CLI_GATEWAY_UNREACHABLE', cause: error })
  }
  if (typeof health.member !== 'string' || !isAddress(health.member, { strict: false })) {
    throw new CliError(`${url} does not answer /health as a medchain gateway`, { code: 'CLI_GATEWAY_UNREACHABLE' })
  }
  return { url, member: health.member as Address }
}
