// The FHIR gateways `medchain up` runs in process beside the chain, one per hospital or research
// member whose keystore is in the data directory.
import { join } from 'node:path'
import { createGateway, type Gateway } from '@medchain/gateway'
import { isMedchainError, loadKeystore, updateGateway, type CreateMedchainClientParameters, type Deployment, type Member } from '@medchain/sdk'
import type { Address, Hex } from 'viem'
import { CliError } from '../errors.ts'
import { keysDir } from '../options.ts'

/** A gateway `medchain up` started. */
export type UpGateway = { name: string; address: Address; url: string }

/** A hospital member `medchain up` started no gateway for, and why. */
export type SkippedGateway = { name: string; reason: string }

/** A hospital member to start a gateway for: its keystore and the port its on-chain URL names. */
export type PlannedGateway = { member: Member; keystore: string; port: number }

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The hospitals and research institutions that get a gateway here: those whose on-chain gateway
 * URL is on this machine and whose keystore is in the data directory (an institution's gateway
 * serves its studies and receives results). Other roles' gateways serve routes that later issues add.
 */
export function planGateways(members: readonly (Member & { keystore: string | undefined })[]): { planned: PlannedGateway[]; skipped: SkippedGateway[] } {
  const planned: PlannedGateway[] = []
  const skipped: SkippedGateway[] = []
  for (const member of members) {
    if (!member.roles.includes('hospital') && !member.roles.includes('research')) continue
    const url = URL.canParse(member.gatewayUrl) ? new URL(member.gatewayUrl) : undefined
    if (url === undefined || url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname)) {
      skipped.push({ name: member.name, reason: `its gateway URL ${JSON.stringify(member.gatewayUrl)} is not an http URL on this machine` })
    } else if (member.keystore === undefined) {
      skipped.push({ name: member.name, reason: 'its keystore is not in the data directory' })
    } else {
      planned.push({ member, keystore: member.keystore, port: Number(url.port || 80) })
    }
  }
  return { planned, skipped }
}

export type StartGatewaysOptions = {
  planned: readonly PlannedGateway[]
  dataDir: string
  deployment: Deployment
  provider: NonNullable<CreateMedchainClientParameters['provider']>
  host: string
  /** Listen on free ports and record them on chain, instead of the ports the URLs name (`--port 0`). */
  anyPort: boolean
  passphrase: string
  step: (label: string) => void
}

export type StartedGateways = { gateways: UpGateway[]; skipped: SkippedGateway[]; close(): Promise<void> }

/**
 * Starts each planned gateway with its data in `<dataDir>/gateways/<keystore>`; on a failure,
 * closes the ones already started and rethrows.
 * @throws CliError `CLI_PORT_IN_USE`; MedchainError (keystore, chain), errors of the gateway's stores
 */
export async function startGateways(options: StartGatewaysOptions): Promise<StartedGateways> {
  const running: Gateway[] = []
  const gateways: UpGateway[] = []
  const skipped: SkippedGateway[] = []
  const close = async () => {
    while (running.length > 0) await running.pop()!.close()
  }
  try {
    for (const { member, keystore, port } of options.planned) {
      options.step(`starting gateway of ${member.name}`)
      const privateKey = await loadKey(options, keystore)
      if (privateKey === undefined) {
        skipped.push({ name: member.name, reason: `keystore "${keystore}" is not under the demo passphrase` })
        continue
      }
      const gateway = await createGateway({
        dataDir: join(options.dataDir, 'gateways', keystore),
        privateKey,
        deployment: options.deployment,
        chain: { provider: options.provider },
        baseUrl: options.anyPort ? undefined : member.gatewayUrl,
      })
      running.push(gateway)
      const url = await listen(gateway, options.host, options.anyPort ? 0 : port, member.name)
      // The gateway's own client: it holds the organisation's key and nonce manager.
      if (url !== member.gatewayUrl) await updateGateway(gateway.context.client, { gatewayUrl: url })
      gateways.push({ name: member.name, address: member.address, url })
    }
  } catch (error) {
    await close()
    throw error
  }
  return { gateways, skipped, close }
}

async function loadKey(options: StartGatewaysOptions, name: string): Promise<Hex | undefined> {
  try {
    return (await loadKeystore(keysDir(options.dataDir), { name, passphrase: options.passphrase })).privateKey
  } catch (error) {
    // A hospital admitted later may keep its keystore under its own passphrase.
    if (isMedchainError(error, 'SDK_KEYSTORE_WRONG_PASSPHRASE')) return undefined
    throw error
  }
}

async function listen(gateway: Gateway, host: string, port: number, name: string): Promise<string> {
  try {
    return await gateway.listen({ host, port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`Port ${port} on ${host} (gateway of ${name}) is in use`, {
        code: 'CLI_PORT_IN_USE',
        details: 'stop what uses it, or start with --no-gateways',
        cause: error,
      })
    }
    throw error
  }
}
