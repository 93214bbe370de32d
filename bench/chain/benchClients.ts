// viem clients for the benchmark, over any transport: the in-process EIP-1193 provider or HTTP.
import {
  createPublicClient,
  createWalletClient,
  type Chain,
  type Hex,
  type LocalAccount,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { medchainChain } from '@medchain/chain'
import { fastLocalAccount } from '@medchain/sdk'

export type BenchPublicClient = PublicClient<Transport, Chain>
export type BenchWallet = WalletClient<Transport, Chain, LocalAccount>

export interface BenchClients {
  public: BenchPublicClient
  /** One wallet per key, in the order given; each signs locally with the SDK's libsecp256k1 account, as gateways do. */
  wallets: BenchWallet[]
}

/** The embedded chain as viem sees it: its id (fees are zero). */
export const benchChain: (chainId: number) => Chain = medchainChain

/** A public client and one local-account wallet per key, sharing `transport`. */
export function createBenchClients(transport: Transport, chain: Chain, keys: readonly Hex[]): BenchClients {
  return {
    public: createPublicClient({ chain, transport }),
    wallets: keys.map((key) => createWalletClient({ account: fastLocalAccount(key), chain, transport })),
  }
}
