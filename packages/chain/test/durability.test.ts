import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { createPublicClient, custom, encodeFunctionData, keccak256, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createEmbeddedNode, devAccountKey, medchainChain } from '../src/index.ts'
import { compileStore, storeAbi } from './helpers/storeContract.ts'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function signStores(chainId: number, to: `0x${string}`, from: number, count: number, firstNonce = 0): Promise<Hex[]> {
  const account = privateKeyToAccount(devAccountKey(from))
  const out: Hex[] = []
  for (let i = 0; i < count; i++) {
    out.push(
      await account.signTransaction({
        chainId, type: 'eip1559', to, nonce: firstNonce + i, gas: 120_000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n,
        data: encodeFunctionData({ abi: storeAbi, functionName: 'store', args: [BigInt(i), 1n] }),
      }),
    )
  }
  return out
}

it('answers eth_sendRawTransaction only once the transaction is committed, even with many in flight from one sender', async () => {
  const running = await createEmbeddedNode({ devAccounts: 2 })
  try {
    const pub = createPublicClient({ chain: medchainChain(running.chainId), transport: custom(running.provider, { retryCount: 0 }) })
    const [deploy] = await signDeploy(running.chainId)
    await pub.sendRawTransaction({ serializedTransaction: deploy })
    const address = (await pub.getTransactionReceipt({ hash: keccak256(deploy) })).contractAddress!
    const raws = await signStores(running.chainId, address, 1, 40)
    // Send all at once; poll receipts concurrently the whole time: never an internal error.
    let polling = true
    const poller = (async () => {
      while (polling) for (const raw of raws) await pub.getTransactionReceipt({ hash: keccak256(raw) }).catch((e: Error) => {
        if (!/could not be found/.test(e.message)) throw e
      })
    })()
    await Promise.all(
      raws.map(async (raw) => {
        const hash = await pub.sendRawTransaction({ serializedTransaction: raw })
        const receipt = await pub.getTransactionReceipt({ hash })
        assert.equal(receipt.status, 'success')
      }),
    )
    polling = false
    await poller
  } finally {
    await running.close()
  }
})

it('answers at once for a transaction behind a nonce gap, and mines it when the gap fills', async () => {
  const running = await createEmbeddedNode({ devAccounts: 2 })
  try {
    const pub = createPublicClient({ chain: medchainChain(running.chainId), transport: custom(running.provider, { retryCount: 0 }) })
    const [deploy] = await signDeploy(running.chainId)
    await pub.sendRawTransaction({ serializedTransaction: deploy })
    const address = (await pub.getTransactionReceipt({ hash: keccak256(deploy) })).contractAddress!
    const [first, second] = await signStores(running.chainId, address, 1, 2)
    const hash = await pub.sendRawTransaction({ serializedTransaction: second! })
    assert.equal(await pub.getTransactionReceipt({ hash }).catch(() => null), null)
    assert.equal(await pub.getTransactionCount({ address: privateKeyToAccount(devAccountKey(1)).address, blockTag: 'pending' }), 0)
    await pub.sendRawTransaction({ serializedTransaction: first! })
    const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 5 })
    assert.equal(receipt.status, 'success')
  } finally {
    await running.close()
  }
})

it('keeps blocks, receipts, logs and state across a clean restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'medchain-restart-'))
  dirs.push(dataDir)
  let running = await createEmbeddedNode({ dataDir, devAccounts: 2 })
  let pub = createPublicClient({ chain: medchainChain(running.chainId), transport: custom(running.provider, { retryCount: 0 }) })
  const [deploy] = await signDeploy(running.chainId)
  await pub.sendRawTransaction({ serializedTransaction: deploy })
  const address = (await pub.getTransactionReceipt({ hash: keccak256(deploy) })).contractAddress!
  await Promise.all((await signStores(running.chainId, address, 1, 25)).map((serializedTransaction) => pub.sendRawTransaction({ serializedTransaction })))
  const head = await pub.getBlock()
  const logs = await pub.getContractEvents({ address, abi: storeAbi, fromBlock: 0n })
  await running.close()

  running = await createEmbeddedNode({ dataDir })
  pub = createPublicClient({ chain: medchainChain(running.chainId), transport: custom(running.provider, { retryCount: 0 }) })
  try {
    const reopened = await pub.getBlock({ blockNumber: head.number })
    assert.equal(reopened.hash, head.hash)
    assert.equal(reopened.stateRoot, head.stateRoot)
    assert.deepEqual(await pub.getContractEvents({ address, abi: storeAbi, fromBlock: 0n }), logs)
    assert.equal(await pub.readContract({ address, abi: storeAbi, functionName: 'count' }), 25n)
    const seal = (await running.provider.request({ method: 'medchain_getBlockSeal', params: [`0x${head.number.toString(16)}`] })) as { signer: string }
    assert.equal(seal.signer, running.node.authority)
    // and it seals new blocks on top
    const [more] = await signStores(running.chainId, address, 1, 1, 25)
    await pub.sendRawTransaction({ serializedTransaction: more! })
    assert.equal((await pub.getBlock()).parentHash, head.hash)
  } finally {
    await running.close()
  }
})

async function signDeploy(chainId: number): Promise<[Hex]> {
  const account = privateKeyToAccount(devAccountKey(0))
  return [await account.signTransaction({ chainId, type: 'eip1559', nonce: 0, gas: 1_000_000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n, data: compileStore().bytecode })]
}
