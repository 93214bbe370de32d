import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { BrowserProvider, ContractFactory, JsonRpcProvider, Wallet, isCallException, type Contract, type Provider } from 'ethers'
import { createEmbeddedNode, type RunningNode } from '../src/index.ts'
import { compileStore, storeAbi } from './helpers/storeContract.ts'

let running: RunningNode
let url: string

before(async () => {
  running = await createEmbeddedNode({ devAccounts: 3 })
  url = await running.listen({ port: 0 })
})
after(() => running.close())

for (const [name, makeProvider, accountIndex] of [
  // ethers caches identical requests for 250 ms by default, so on a chain that seals at once a
  // second transaction would reuse a stale nonce: cacheTimeout -1, as for Hardhat or anvil.
  ['in process (EIP-1193 via BrowserProvider)', () => new BrowserProvider(running.provider, running.chainId, { cacheTimeout: -1 }), 1],
  ['over HTTP (JsonRpcProvider)', () => new JsonRpcProvider(url, running.chainId, { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 }), 2],
] as [string, () => Provider, number][]) {
  describe(`ethers ${name}`, () => {
    it('deploys, sends, calls, reads logs and decodes custom errors', async () => {
      const provider = makeProvider()
      const wallet = new Wallet(running.accounts[accountIndex]!, provider)
      const { bytecode } = compileStore()
      const factory = new ContractFactory(storeAbi as unknown as string[], bytecode, wallet)
      const contract = (await factory.deploy()) as Contract
      await contract.waitForDeployment()
      const address = await contract.getAddress()
      assert.notEqual(await provider.getCode(address), '0x')

      const tx = await contract.getFunction('store')(7n, 42n)
      const receipt = await tx.wait()
      assert.equal(receipt?.status, 1)
      assert.equal(await contract.getFunction('values')(7n), 42n)

      const events = await contract.queryFilter(contract.filters.Stored!(wallet.address, 7n), 0)
      assert.equal(events.length, 1)
      assert.equal(events[0]!.transactionHash, receipt?.hash)
      const parsed = contract.interface.parseLog(events[0]!)
      assert.equal(parsed?.args.value, 42n)

      const error = await contract.getFunction('store').staticCall(1n, 10n ** 19n).then(() => undefined, (e: unknown) => e)
      assert.ok(isCallException(error))
      assert.equal(error.revert?.name, 'StoreValueTooLarge')
      assert.deepEqual([...(error.revert?.args ?? [])], [10n ** 19n, 10n ** 18n])

      const block = await provider.getBlock(receipt!.blockNumber)
      assert.equal(block?.hash, receipt?.blockHash)
      assert.equal((await provider.getTransaction(receipt!.hash))?.from, wallet.address)
      assert.equal((await provider.getNetwork()).chainId, BigInt(running.chainId))
      if (provider instanceof JsonRpcProvider) provider.destroy()
    })
  })
}
