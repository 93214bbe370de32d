import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import {
  createMedchainClient,
  getMembers,
  isMedchainError,
  listKeystores,
  loadDeployment,
  saveDeployment,
  type Deployment,
  type Member,
} from '@medchain/sdk'
import { CliError } from '../errors.ts'
import { DEFAULT_RPC_HOST, DEFAULT_RPC_PORT, keysDir } from '../options.ts'
import { checkDataDir, wipeDataDir } from './dataDir.ts'
import { createDemoConsortium, DEFAULT_DEMO_PASSPHRASE, DEMO_ORGANISATIONS, DEMO_SETUP_STEPS } from './demoConsortium.ts'
import { planGateways, startGateways, type SkippedGateway, type UpGateway } from './startGateways.ts'

export type StartUpOptions = {
  /** Absolute path of the data directory; the chain lives in its `chain/` folder. */
  dataDir: string
  host?: string | undefined
  /** 0 picks a free port. Default 8545. */
  port?: number | undefined
  /** Wipe the data directory first (refused unless it looks like one). */
  fresh?: boolean | undefined
  /** Passphrase of the demo keystores. Default "medchain-demo". */
  demoPassphrase?: string | undefined
  /** scrypt cost of new demo keystores (default 2^17); lower only in tests. */
  scryptN?: number | undefined
  /** Start a FHIR gateway for each hospital and research member (default true). */
  gateways?: boolean | undefined
  /** Told of each setup step, for a progress display. */
  onStep?: ((step: { index: number; total: number; label: string }) => void) | undefined
}

/** A member with the name of its keystore in the data directory, if there is one. */
export type UpMember = Member & { keystore: string | undefined }

export type StartUpResult = {
  rpcUrl: string
  chainId: number
  dataDir: string
  deployment: Deployment
  members: UpMember[]
  /** Whether this start created the consortium (false: reused an existing one). */
  created: boolean
  /** The FHIR gateways serving, each at the URL the chain lists for its member. */
  gateways: UpGateway[]
  /** Hospital members that got no gateway here, and why. */
  skippedGateways: SkippedGateway[]
  /** Stops the gateways, then the RPC server, and closes the chain; safe to call twice. */
  close(): Promise<void>
}

/**
 * Brings up the local chain from `<dataDir>/chain` and, on first start, the demo consortium;
 * later starts reuse the chain, keys, deployment and gateway data. Then serves JSON-RPC over HTTP
 * and starts the hospitals' and research institutions' FHIR gateways (data in `<dataDir>/gateways/<keystore>`).
 * @throws CliError `CLI_NOT_A_DATA_DIR`, `CLI_DATA_DIR_LOCKED`, `CLI_DATA_DIR_INCONSISTENT`, `CLI_PORT_IN_USE`;
 *   MedchainError from the SDK (keystores, deployment)
 */
export async function startUp(options: StartUpOptions): Promise<StartUpResult> {
  const { dataDir, host = DEFAULT_RPC_HOST, port = DEFAULT_RPC_PORT } = options
  const passphrase = options.demoPassphrase ?? DEFAULT_DEMO_PASSPHRASE
  let index = 0
  if (options.fresh) {
    if ((await checkDataDir(dataDir))?.includes('chain')) await assertChainNotInUse(dataDir)
    await wipeDataDir(dataDir)
  }
  // Open, check, serve, a step per gateway; a first start (no deployment file yet) replaces the
  // check with the demo setup. The gateway count is the demo's until the members are read.
  const demoGateways = options.gateways === false ? 0 : DEMO_ORGANISATIONS.filter((organisation) => organisation.roles.includes('hospital') || organisation.roles.includes('research')).length
  const demoSteps = 1 + DEMO_SETUP_STEPS + 1 + 1 + demoGateways
  let total = (await hasDeploymentFile(dataDir)) ? 3 + demoGateways : demoSteps
  const step = (label: string) => options.onStep?.({ index: ++index, total, label })

  step('opening the chain')
  const running = await openNode(dataDir)
  try {
    let deployment = await findDeployment(dataDir, running.chainId)
    const created = deployment === undefined
    if (deployment === undefined) {
      total = demoSteps
      deployment = await createDemoConsortium({
        provider: running.provider,
        adminKey: running.accounts[0]!,
        keysDir: keysDir(dataDir),
        passphrase,
        scryptN: options.scryptN,
        gatewayPortBase: port || DEFAULT_RPC_PORT,
        step,
      })
      step('writing the deployment file')
      await saveDeployment(dataDir, deployment)
    } else {
      step('checking the deployment')
    }
    const members = await describeMembers(running, deployment, dataDir)
    const plan = options.gateways === false ? { planned: [], skipped: [] } : planGateways(members)
    total += plan.planned.length - demoGateways

    step('starting the JSON-RPC server')
    const rpcUrl = await listen(running, host, port)
    const started = await startGateways({ planned: plan.planned, dataDir, deployment, provider: running.provider, host, anyPort: port === 0, passphrase, step })
    const urls = new Map(started.gateways.map((gateway) => [gateway.address, gateway.url]))
    let closing: Promise<void> | undefined
    const close = async () => {
      try {
        await started.close()
      } finally {
        await running.close()
      }
    }
    return {
      rpcUrl,
      chainId: running.chainId,
      dataDir,
      deployment,
      members: members.map((member) => ({ ...member, gatewayUrl: urls.get(member.address) ?? member.gatewayUrl })),
      created,
      gateways: started.gateways,
      skippedGateways: [...plan.skipped, ...started.skipped],
      close: () => (closing ??= close()),
    }
  } catch (error) {
    await running.close()
    throw error
  }
}

/** Opens the embedded chain of `dataDir`; a chain another process holds fails with CLI_DATA_DIR_LOCKED. */
export async function openNode(dataDir: string): Promise<RunningNode> {
  try {
    return await createEmbeddedNode({ dataDir: join(dataDir, 'chain') })
  } catch (error) {
    // classic-level reports a LOCK held by another process as LEVEL_DATABASE_NOT_OPEN caused by LEVEL_LOCKED.
    const codes = [(error as { code?: unknown }).code, (error as { cause?: { code?: unknown } }).cause?.code]
    if (codes.includes('LEVEL_LOCKED')) {
      throw new CliError(`The chain in ${join(dataDir, 'chain')} is in use by another process`, {
        code: 'CLI_DATA_DIR_LOCKED',
        details: 'is another `medchain up` running on this data directory?',
        cause: error,
      })
    }
    throw error
  }
}

/** Refuses (CLI_DATA_DIR_LOCKED) to wipe a chain another process has open: opening it takes its lock. */
async function assertChainNotInUse(dataDir: string): Promise<void> {
  let node: RunningNode
  try {
    node = await openNode(dataDir)
  } catch (error) {
    // A chain that does not open for another reason (damaged, say) is what --fresh is for.
    if (error instanceof CliError && error.code === 'CLI_DATA_DIR_LOCKED') throw error
    return
  }
  await node.close()
}

/** The recorded deployment, checked against the chain; undefined when none was recorded. */
async function findDeployment(dataDir: string, chainId: number): Promise<Deployment | undefined> {
  try {
    return await loadDeployment(dataDir, chainId)
  } catch (error) {
    if (isMedchainError(error, 'SDK_DEPLOYMENT_NOT_FOUND')) return undefined
    throw error
  }
}

async function describeMembers(running: RunningNode, deployment: Deployment, dataDir: string): Promise<UpMember[]> {
  let reader
  try {
    reader = await createMedchainClient({ provider: running.provider, deployment })
  } catch (error) {
    if (!isMedchainError(error, 'SDK_NOT_DEPLOYED')) throw error
    throw new CliError(`${join(dataDir, 'deployments', `${deployment.chainId}.json`)} names contracts that the chain in ${join(dataDir, 'chain')} does not hold`, {
      code: 'CLI_DATA_DIR_INCONSISTENT',
      details: 'start with --fresh to recreate the local consortium',
      cause: error,
    })
  }
  const keystores = new Map((await listKeystores(keysDir(dataDir))).map((entry) => [entry.address, entry.name]))
  return (await getMembers(reader)).map((member) => ({ ...member, keystore: keystores.get(member.address) }))
}

async function listen(running: RunningNode, host: string, port: number): Promise<string> {
  try {
    return await running.listen({ host, port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`Port ${port} on ${host} is in use`, {
        code: 'CLI_PORT_IN_USE',
        details: 'pick another with --port or MEDCHAIN_RPC_PORT',
        cause: error,
      })
    }
    throw error
  }
}

async function hasDeploymentFile(dataDir: string): Promise<boolean> {
  const files = await readdir(join(dataDir, 'deployments')).catch(() => [] as string[])
  return files.some((file) => file.endsWith('.json'))
}
