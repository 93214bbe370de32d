import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { TransactionReceiptNotFoundError, createPublicClient, createWalletClient, encodeFunctionData, http, keccak256, type Hash, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { devAccountKey, medchainChain } from '../src/index.ts'
import { startNodeProcess, type NodeProcess } from './helpers/nodeProcess.ts'
import { compileStore, storeAbi } from './helpers/storeContract.ts'

const TOTAL = 2000
const KILLS = 10
const SENDERS = 4
const IN_FLIGHT = 16

/** A seeded generator (mulberry32), so a failing run can be replayed from the seed it prints. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

it(`kill -9 during a stream of ${TOTAL} transactions, ${KILLS} times: nothing acknowledged is lost`, { timeout: 600_000 }, async () => {
  const seed = Number(process.env.MEDCHAIN_TEST_SEED ?? Date.now() % 1_000_000)
  const rand = random(seed)
  const dataDir = await mkdtemp(join(tmpdir(), 'medchain-crash-'))
  dirs.push(dataDir)
  let node: NodeProcess = await startNodeProcess(dataDir)
  const chainId = Number(await createPublicClient({ transport: http(node.url) }).getChainId())
  const chain = medchainChain(chainId)
  const client = () => createPublicClient({ chain, transport: http(node.url, { retryCount: 0 }) })

  // Deploy the contract and pre-sign the whole stream: transaction i stores value i at key i.
  const deployer = createWalletClient({ chain, account: privateKeyToAccount(devAccountKey(0)), transport: http(node.url) })
  const deployHash = await deployer.deployContract({ abi: storeAbi, bytecode: compileStore().bytecode })
  const address = (await client().getTransactionReceipt({ hash: deployHash })).contractAddress!
  const signed: { raw: Hex; hash: Hash }[] = []
  const senders = Array.from({ length: SENDERS }, (_, i) => privateKeyToAccount(devAccountKey(i + 1)))
  for (let i = 0; i < TOTAL; i++) {
    const raw = await senders[i % SENDERS]!.signTransaction({
      chainId,
      type: 'eip1559',
      to: address,
      data: encodeFunctionData({ abi: storeAbi, functionName: 'store', args: [BigInt(i), BigInt(i + 1)] }),
      nonce: Math.floor(i / SENDERS),
      gas: 120_000n,
      maxFeePerGas: 0n,
      maxPriorityFeePerGas: 0n,
    })
    signed.push({ raw, hash: keccak256(raw) })
  }

  /** Acknowledged: the client holds a receipt for it. */
  const acknowledged = new Map<Hash, { blockNumber: bigint; blockHash: Hash }>()
  const seenBlocks = new Map<bigint, { hash: Hash; stateRoot: Hash }>()
  let next = 0

  async function stream(untilAcks: number): Promise<void> {
    const c = client()
    const worker = async () => {
      while (next < TOTAL && acknowledged.size < untilAcks) {
        const item = signed[next++]!
        if (acknowledged.has(item.hash)) continue
        try {
          await c.sendRawTransaction({ serializedTransaction: item.raw })
        } catch {
          return // the node died under us: this one is unacknowledged
        }
        // A transaction whose predecessor nonce is still on its way is queued, not yet mined: poll
        // until it is, or until the node is gone (any request error).
        let receipt: Awaited<ReturnType<typeof c.getTransactionReceipt>> | undefined
        while (receipt === undefined) {
          try {
            receipt = await c.getTransactionReceipt({ hash: item.hash })
          } catch (error) {
            if (!(error instanceof TransactionReceiptNotFoundError)) return
            await new Promise((r) => setTimeout(r, 5))
          }
        }
        acknowledged.set(item.hash, { blockNumber: receipt.blockNumber, blockHash: receipt.blockHash })
        if (!seenBlocks.has(receipt.blockNumber)) {
          const block = await c.getBlock({ blockNumber: receipt.blockNumber }).catch(() => undefined)
          if (block) seenBlocks.set(receipt.blockNumber, { hash: block.hash, stateRoot: block.stateRoot })
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  }

  /** Runs `check` over `items` in JSON-RPC batches of 250 requests. */
  async function inBatches<T>(items: T[], check: (c: ReturnType<typeof client>, item: T) => Promise<void>): Promise<void> {
    const c = createPublicClient({ chain, transport: http(node.url, { retryCount: 0, batch: { batchSize: 250, wait: 0 } }) })
    for (let i = 0; i < items.length; i += 250) await Promise.all(items.slice(i, i + 250).map((item) => check(c, item)))
  }

  async function checkAfterRestart(round: number): Promise<void> {
    const c = client()
    await inBatches([...acknowledged], async (batch, [hash, where]) => {
      const receipt = await batch.getTransactionReceipt({ hash }).catch(() => undefined)
      assert.ok(receipt, `seed ${seed}, round ${round}: acknowledged ${hash} is missing after restart`)
      assert.equal(receipt.blockHash, where.blockHash, `seed ${seed}: ${hash} moved blocks`)
      assert.equal(receipt.status, 'success')
    })
    await inBatches([...seenBlocks], async (batch, [number, seen]) => {
      const block = await batch.getBlock({ blockNumber: number })
      assert.equal(block.hash, seen.hash, `seed ${seed}: block ${number} hash changed`)
      assert.equal(block.stateRoot, seen.stateRoot, `seed ${seed}: block ${number} state root changed`)
    })
    // Transactions in flight at the kill are in the chain or not at all. Senders are independent,
    // so another sender's later transaction may be in while this one is not; but within a sender
    // nonces have no gap. Resume from the first transaction missing anywhere.
    next = 0
    while (next < TOTAL && (await c.getTransactionReceipt({ hash: signed[next]!.hash }).catch(() => undefined))) next++
    const firstMissing = new Map<number, number>()
    for (let i = next; i < Math.min(next + IN_FLIGHT * 2 + SENDERS, TOTAL); i++) {
      const sender = i % SENDERS
      const receipt = await c.getTransactionReceipt({ hash: signed[i]!.hash }).catch(() => undefined)
      if (receipt === undefined) {
        if (!firstMissing.has(sender)) firstMissing.set(sender, i)
        continue
      }
      assert.ok(!firstMissing.has(sender), `seed ${seed}: sender ${sender} has ${i} in the chain after a missing ${firstMissing.get(sender)}`)
      acknowledged.set(signed[i]!.hash, { blockNumber: receipt.blockNumber, blockHash: receipt.blockHash })
    }
    for (let i = 0; i < next; i++) if (!acknowledged.has(signed[i]!.hash)) acknowledged.set(signed[i]!.hash, await locate(c, signed[i]!.hash))
  }

  for (let round = 1; round <= KILLS; round++) {
    const target = Math.min(TOTAL - 50, acknowledged.size + 40 + Math.floor(rand() * 2 * ((TOTAL - acknowledged.size) / (KILLS - round + 2))))
    let streamEnded = false
    const streaming = stream(Number.MAX_SAFE_INTEGER).finally(() => (streamEnded = true))
    while (!streamEnded && acknowledged.size < target) await new Promise((r) => setTimeout(r, 2))
    await node.kill()
    await streaming
    const before = acknowledged.size
    node = await startNodeProcess(dataDir)
    await checkAfterRestart(round)
    process.stderr.write(`crash round ${round} (seed ${seed}): killed at ${before} acknowledged, ${next} in the chain after restart\n`)
  }

  // The node takes new transactions after the last restart, and the stream completes.
  await stream(TOTAL)
  const c = client()
  assert.equal(acknowledged.size, TOTAL, `seed ${seed}: ${acknowledged.size} of ${TOTAL} acknowledged`)
  assert.equal(await c.readContract({ address, abi: storeAbi, functionName: 'count' }), BigInt(TOTAL))
  for (const i of [0, 1, TOTAL / 2, TOTAL - 1]) {
    assert.equal(await c.readContract({ address, abi: storeAbi, functionName: 'values', args: [BigInt(i)] }), BigInt(i + 1))
  }
  const logs = await c.getContractEvents({ address, abi: storeAbi, eventName: 'Stored', fromBlock: 0n })
  assert.equal(logs.length, TOTAL)
  await node.kill()
})

async function locate(c: ReturnType<typeof createPublicClient>, hash: Hash) {
  const receipt = await c.getTransactionReceipt({ hash })
  return { blockNumber: receipt.blockNumber, blockHash: receipt.blockHash }
}

