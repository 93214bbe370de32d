import { medchainChain } from '@medchain/chain'
import {
  createPublicClient,
  createWalletClient,
  custom,
  http,
  type Account,
  type Chain,
  type EIP1193Provider,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { createNonceManager, jsonRpc } from 'viem/nonce'
import { decodeContractError } from './decodeContractError.ts'
import { fastLocalAccount } from './accounts/fastLocalAccount.ts'
import { MedchainError } from './errors.ts'
import type { Deployment } from './types.ts'

/** Parameters of {@link createMedchainClient}: exactly one of `transport`, `provider`, `rpcUrl`. */
export type CreateMedchainClientParameters = {
  /** Any viem transport. */
  transport?: Transport | undefined
  /** An EIP-1193 provider, e.g. an embedded node's (used with no retries: nothing is transient in process). */
  provider?: { request(args: { method: string; params?: unknown }): Promise<unknown> } | undefined
  /** A JSON-RPC HTTP endpoint. */
  rpcUrl?: string | undefined
  /** Signs writes: a private key or a viem account. Reads need none. */
  account?: Hex | Account | undefined
  /** Expected chain id; checked against the node. Default: the node's. */
  chainId?: number | undefined
  /** Contract addresses; checked to hold code on this chain. */
  deployment?: Deployment | undefined
  /** How often to poll for receipts and blocks. Default 250 ms (local chains seal at once). */
  pollingIntervalMs?: number | undefined
}

/** A connection to a medchain chain: viem clients, the signing account and the contract addresses. */
export type MedchainClient = {
  readonly chain: Chain
  readonly publicClient: PublicClient<Transport, Chain>
  /** Undefined without an account: such a client only reads. */
  readonly walletClient: WalletClient<Transport, Chain, Account> | undefined
  readonly account: Account | undefined
  readonly deployment: Deployment | undefined
}

export type CreateMedchainClientReturnType = MedchainClient

/**
 * Connects to a node and returns the client every action takes. Asks the node its chain id (and
 * checks it against `chainId` and `deployment.chainId`) and checks that the deployment's contracts
 * exist, so that a wrong endpoint or deployment file fails here rather than on the first call.
 * A private-key account gets its own nonce manager, so concurrent writes get consecutive nonces.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_RPC_UNREACHABLE`, `SDK_CHAIN_MISMATCH`, `SDK_NOT_DEPLOYED`
 */
export async function createMedchainClient(parameters: CreateMedchainClientParameters): Promise<CreateMedchainClientReturnType> {
  const transport = toTransport(parameters)
  const pollingInterval = parameters.pollingIntervalMs ?? 250
  if (!Number.isSafeInteger(pollingInterval) || pollingInterval <= 0) {
    throw new MedchainError(`"pollingIntervalMs" expected a positive integer, got ${pollingInterval}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  const { chainId: expectedChainId, deployment } = parameters
  if (expectedChainId !== undefined && (!Number.isSafeInteger(expectedChainId) || expectedChainId <= 0)) {
    throw new MedchainError(`"chainId" expected a positive integer, got ${expectedChainId}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  const account = toAccount(parameters.account)

  const probe = createPublicClient({ transport })
  let chainId: number
  try {
    chainId = await probe.getChainId()
  } catch (error) {
    throw decodeContractError(error, { context: 'eth_chainId' })
  }
  for (const [what, expected] of [['chainId', expectedChainId], ['deployment.chainId', deployment?.chainId]] as const) {
    if (expected !== undefined && expected !== chainId) {
      throw new MedchainError(`The node serves chain ${chainId}, but "${what}" is ${expected}`, { code: 'SDK_CHAIN_MISMATCH' })
    }
  }

  const chain = medchainChain(chainId)
  const publicClient = createPublicClient({ chain, transport, pollingInterval })
  if (deployment) await assertDeployed(publicClient, deployment)
  const walletClient = account ? createWalletClient({ chain, transport, account, pollingInterval }) : undefined
  return { chain, publicClient, walletClient, account, deployment }
}

function toTransport({ transport, provider, rpcUrl }: CreateMedchainClientParameters): Transport {
  const given = [transport, provider, rpcUrl].filter((value) => value !== undefined).length
  if (given !== 1) {
    throw new MedchainError(`expected exactly one of "transport", "provider" or "rpcUrl", got ${given}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  if (transport) return transport
  // viem does not know a revert's JSON-RPC code 3 from a custom transport and would retry it with
  // backoff (~1 s each); an in-process provider has nothing transient to retry.
  if (provider) return custom(provider as EIP1193Provider, { retryCount: 0 })
  if (typeof rpcUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(rpcUrl)) {
    throw new MedchainError(`"rpcUrl" expected an http(s) URL, got ${JSON.stringify(rpcUrl)}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return http(rpcUrl, { timeout: 30_000 })
}

function toAccount(account: Hex | Account | undefined): Account | undefined {
  if (account === undefined) return undefined
  const nonceManager = createNonceManager({ source: jsonRpc() })
  if (typeof account === 'string') {
    if (!/^0x[0-9a-fA-F]{64}$/.test(account)) {
      throw new MedchainError('"account" expected a 32-byte hex private key or a viem account', { code: 'SDK_INVALID_ARGUMENT' })
    }
    try {
      return fastLocalAccount(account, { nonceManager })
    } catch (cause) {
      throw new MedchainError('"account" is not a valid secp256k1 private key', { code: 'SDK_INVALID_ARGUMENT', cause })
    }
  }
  if (typeof account !== 'object' || account === null || typeof account.address !== 'string') {
    throw new MedchainError('"account" expected a 32-byte hex private key or a viem account', { code: 'SDK_INVALID_ARGUMENT' })
  }
  // A local account without a nonce manager would read the same pending nonce for concurrent writes.
  return account.type === 'local' && !account.nonceManager ? { ...account, nonceManager } : account
}

async function assertDeployed(publicClient: PublicClient<Transport, Chain>, deployment: Deployment): Promise<void> {
  const names = ['consortium', 'identityRegistry', 'recordRegistry', 'consentRegistry', 'emergencyAccess', 'accessLog', 'drugRegistry', 'deviceRegistry'] as const
  for (const name of names) {
    const address = deployment[name]
    let code: Hex | undefined
    try {
      code = await publicClient.getCode({ address })
    } catch (error) {
      throw decodeContractError(error, { context: 'eth_getCode' })
    }
    if (!code || code === '0x') {
      throw new MedchainError(`No contract at deployment.${name} ${address} on chain ${deployment.chainId}`, {
        code: 'SDK_NOT_DEPLOYED',
        details: 'the deployment file may belong to another node or a chain that was reset',
      })
    }
  }
}
