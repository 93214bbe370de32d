// How the `members` commands reach a running node: its URL, the deployment, and a signing key
// from a keystore in the data directory.
import {
  createMedchainClient,
  loadDeployment,
  loadKeystore,
  readDeploymentFile,
  type MedchainClient,
} from '@medchain/sdk'
import type { Command } from 'commander'
import type { CliIo } from './io.ts'
import { absolute, DEFAULT_RPC_URL, keysDir, resolveDataDir, resolveRpcUrl } from './options.ts'
import { readPassphrase } from './passphrase.ts'

/** Options every command talking to a node accepts (plus the global --data-dir). */
export type ConnectionOptions = {
  dataDir?: string | undefined
  rpcUrl?: string | undefined
  deployment?: string | undefined
  as?: string | undefined
}

/** Adds --rpc-url and --deployment, and --as (required when the command signs). */
export function addConnectionOptions(command: Command, { signs }: { signs: boolean }): Command {
  command
    .option('--rpc-url <url>', `JSON-RPC endpoint of a running node (env MEDCHAIN_RPC_URL, default ${DEFAULT_RPC_URL})`)
    .option('--deployment <file>', 'deployment file to use instead of <data-dir>/deployments/<chainId>.json')
  if (signs) command.requiredOption('--as <keystore>', 'keystore in <data-dir>/keys to sign with (passphrase: MEDCHAIN_PASSPHRASE or a prompt)')
  return command
}

/**
 * A client for the node at the resolved RPC URL with the deployment of its chain, signing with
 * the `--as` keystore when given.
 */
export async function connect(io: CliIo, options: ConnectionOptions): Promise<MedchainClient> {
  const rpcUrl = resolveRpcUrl(io, options.rpcUrl)
  const dataDir = resolveDataDir(io, options.dataDir)
  const probe = await createMedchainClient({ rpcUrl })
  const deployment = options.deployment
    ? await readDeploymentFile(absolute(io, options.deployment))
    : await loadDeployment(dataDir, probe.chain.id)
  let account: `0x${string}` | undefined
  if (options.as !== undefined) {
    const passphrase = await readPassphrase(io, `Passphrase for keystore "${options.as}": `)
    account = (await loadKeystore(keysDir(dataDir), { name: options.as, passphrase })).privateKey
  }
  return createMedchainClient({ rpcUrl, deployment, account })
}
