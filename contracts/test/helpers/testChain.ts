// A throwaway embedded chain for contract tests: viem clients for funded accounts, typed
// deployment, time travel. Each test file starts one and closes it in `after`.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  getAddress,
  getContract,
  parseEther,
  type Abi,
  type Address,
  type Chain,
  type ContractConstructorArgs,
  type DeployContractParameters,
  type EIP1193Provider,
  type GetContractReturnType,
  type Hash,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { createEmbeddedNode } from '@medchain/chain'

export type TestPublicClient = PublicClient<Transport, Chain>
export type TestWallet = WalletClient<Transport, Chain, PrivateKeyAccount>
export type TestContract<abi extends Abi> = GetContractReturnType<abi, { public: TestPublicClient; wallet: TestWallet }>

export type DeployParameters<abi extends Abi> = {
  abi: abi
  bytecode: Hex
  args: ContractConstructorArgs<abi>
  /** The deployer; the first wallet when omitted. */
  from?: TestWallet
}

export interface TestChain {
  readonly provider: EIP1193Provider
  readonly publicClient: TestPublicClient
  /** Wallets of the node's prefunded development accounts. */
  readonly wallets: readonly TestWallet[]
  /** The development wallet at `index`; throws when there are fewer. */
  wallet(index: number): TestWallet
  /** A wallet with a fresh random key, funded with `ether` (default 10) from the first wallet. */
  newWallet(ether?: string): Promise<TestWallet>
  /** A wallet with a fresh random key and no funds, for accounts that only sign. */
  unfundedWallet(): TestWallet
  deploy<const abi extends Abi>(parameters: DeployParameters<abi>): Promise<TestContract<abi>>
  /** The contract at `address`, sending from `wallet` (default: the first wallet). */
  at<const abi extends Abi>(abi: abi, address: Address, wallet?: TestWallet): TestContract<abi>
  /** The same contract, sending from `wallet`. */
  connect<const abi extends Abi>(contract: { abi: abi; address: Address }, wallet: TestWallet): TestContract<abi>
  /** Waits for a transaction and asserts it succeeded. */
  mined(hash: Hash | Promise<Hash>): Promise<TransactionReceipt>
  /** Timestamp of the latest block. */
  now(): Promise<bigint>
  /** Moves the clock forward and seals a block, so the next transactions see the new time. */
  increaseTime(seconds: number): Promise<void>
  close(): Promise<void>
}

export async function startTestChain(): Promise<TestChain> {
  const dataDir = await mkdtemp(join(tmpdir(), 'medchain-contracts-test-'))
  const node = await createEmbeddedNode({ dataDir, allowTimeTravel: true, fsync: false })
  const provider = node.provider as EIP1193Provider
  // viem wraps a provider error with an unknown code (a revert's code 3) as a retryable
  // UnknownRpcError and backs off ~1 s before giving up; nothing is transient in process.
  const transport = custom(provider, { retryCount: 0 })
  const chainId = Number(await provider.request({ method: 'eth_chainId' }))
  const chain = defineChain({
    id: chainId,
    name: 'medchain test',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  })
  const publicClient: TestPublicClient = createPublicClient({ chain, transport, pollingInterval: 50 })
  const walletFor = (key: Hex): TestWallet => createWalletClient({ account: privateKeyToAccount(key), chain, transport })
  const wallets = node.accounts.map(walletFor)

  const testChain: TestChain = {
    provider,
    publicClient,
    wallets,
    wallet(index) {
      const wallet = wallets[index]
      if (!wallet) throw new Error(`the node has ${wallets.length} development accounts, not ${index + 1}`)
      return wallet
    },
    async newWallet(ether = '10') {
      const wallet = testChain.unfundedWallet()
      await testChain.mined(testChain.wallet(0).sendTransaction({ to: wallet.account.address, value: parseEther(ether) }))
      return wallet
    },
    unfundedWallet() {
      return walletFor(generatePrivateKey())
    },
    async deploy({ abi, bytecode, args, from }) {
      const wallet = from ?? testChain.wallet(0)
      // The generic `args` cannot be matched to viem's conditional parameter type; callers are typed.
      const hash = await wallet.deployContract({ abi, bytecode, args } as unknown as DeployContractParameters<
        Abi,
        Chain,
        PrivateKeyAccount
      >)
      const receipt = await testChain.mined(hash)
      assert.ok(receipt.contractAddress, 'deployment receipt has no contract address')
      return testChain.at(abi, getAddress(receipt.contractAddress), wallet)
    },
    at(abi, address, wallet) {
      return getContract({ abi, address, client: { public: publicClient, wallet: wallet ?? testChain.wallet(0) } })
    },
    connect(contract, wallet) {
      return testChain.at(contract.abi, contract.address, wallet)
    },
    async mined(hash) {
      const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash })
      assert.equal(receipt.status, 'success', `transaction ${receipt.transactionHash} reverted`)
      return receipt
    },
    async now() {
      return (await publicClient.getBlock()).timestamp
    },
    async increaseTime(seconds) {
      await provider.request({ method: 'evm_increaseTime', params: [seconds] } as never)
      await provider.request({ method: 'evm_mine', params: [] } as never)
    },
    async close() {
      await node.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return testChain
}
