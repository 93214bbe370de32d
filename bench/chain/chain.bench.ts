// The chain benchmark: how fast the embedded node (durable, fsync on, as `medchain up` runs it)
// takes SlotWriter.write transactions, one at a time, in bulk, over HTTP, and as its state grows.
// Workload and metrics: bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { custom, encodeFunctionData, http, type EIP1193Provider } from 'viem'
import type { Benchmark, BenchmarkOptions, BenchmarkOutcome } from '../lib/benchmark.ts'
import { dirSize } from '../lib/dirSize.ts'
import type { Rate } from '../lib/rateTimer.ts'
import { benchChain, createBenchClients } from './benchClients.ts'
import { presign, submitBatch } from './batched.ts'
import { measureMedianWindow, runGrowth } from './growth.ts'
import { runSequential } from './sequential.ts'
import { successfulReceipt } from './receipt.ts'
import { compileSlotWriter } from './slotWriter.ts'
import { createWriteSigner } from './writeSigner.ts'

/** Counts for a full run and for `--quick`. */
const SIZES = {
  full: { warmup: 1_000, sequential: 2_000, batch: 5_000, http: 2_000, growthTarget: 100_000, growthEvery: 5_000 },
  quick: { warmup: 300, sequential: 300, batch: 1_000, http: 300, growthTarget: 10_000, growthEvery: 1_000 },
}
const WINDOW = 200
/** Windows timed at the start and at the end of growth, the median kept (see runGrowth). */
const EDGE_REPEATS = 3
const IN_FLIGHT = 500
const SIGN_CHUNK = 5_000
/** Dev accounts sending the batched load. */
const SENDERS = 10
/** Headroom over the estimate, as a wallet adds. */
const GAS_MARGIN_PERCENT = 120n

export const benchmark: Benchmark = {
  name: 'chain',
  description: 'embedded EVM node: sequential, batched and HTTP tx/s, and cost per tx as the chain grows',
  run: runChainBenchmark,
}

async function runChainBenchmark({ quick }: BenchmarkOptions): Promise<BenchmarkOutcome> {
  const size = quick ? SIZES.quick : SIZES.full
  const { abi, bytecode } = compileSlotWriter()
  // A data dir of our own rather than the node's throwaway one: it must outlive close() to be measured.
  const dataDir = await mkdtemp(join(tmpdir(), 'medchain-bench-chain-'))
  let running: RunningNode | undefined
  try {
    running = await createEmbeddedNode({ dataDir, fsync: true, devAccounts: SENDERS })
    const chain = benchChain(running.chainId)
    // Nothing is transient in process: a retry would only hide a failure (and viem backs off ~1 s).
    const clients = createBenchClients(custom(running.provider as EIP1193Provider, { retryCount: 0 }), chain, running.accounts)
    const [owner] = clients.wallets
    if (owner === undefined) throw new Error('the node has no development accounts')

    const deployment = await successfulReceipt(clients.public, await owner.deployContract({ abi, bytecode }))
    const contract = deployment.contractAddress!
    const estimate = await clients.public.estimateGas({
      account: owner.account,
      to: contract,
      data: encodeFunctionData({ abi, functionName: 'write', args: [2n ** 255n, 1n] }),
    })
    const gas = (estimate * GAS_MARGIN_PERCENT) / 100n
    const signer = await createWriteSigner({ client: clients.public, contract, wallets: clients.wallets, gas })
    const sequential = (count: number) => runSequential({ client: clients.public, wallet: owner, signer, count })
    log(`SlotWriter at ${contract}, gas ${gas} per write (estimate ${estimate}), data in ${dataDir}`)

    // Unmeasured: the JIT and caches warm up (the first few hundred writes run up to a third
    // slower), so neither the sequential rate nor the first growth window is charged for them.
    await sequential(size.warmup)
    // Growth is timed from here, near the empty chain: the other phases add slots too.
    const growthStart = await measureMedianWindow(clients, signer, WINDOW, EDGE_REPEATS)

    const seq = await sequential(size.sequential)
    log(`sequential: ${describe(seq)}`)

    const signed = await presign(signer, clients.wallets, size.batch)
    const batch = await submitBatch({ client: clients.public, sender: owner, signed, inFlight: IN_FLIGHT })
    log(`batched: ${describe(batch)}, ${batch.blocks} blocks`)

    const url = await running.listen({ port: 0 })
    const overHttp = createBenchClients(http(url, { retryCount: 0 }), chain, [running.accounts[0]!])
    const seqHttp = await runSequential({ client: overHttp.public, wallet: overHttp.wallets[0]!, signer, count: size.http })
    log(`sequential over HTTP: ${describe(seqHttp)}`)

    const growth = await runGrowth({
      clients,
      start: growthStart,
      signer,
      target: size.growthTarget,
      every: size.growthEvery,
      window: WINDOW,
      edgeRepeats: EDGE_REPEATS,
      chunk: SIGN_CHUNK,
      inFlight: IN_FLIGHT,
    })
    const first = growth.windows[0]!
    const last = growth.windows.at(-1)!
    log(`growth: ${first.rate.msPerItem.toFixed(2)} ms/tx at ${first.size} writes, ${last.rate.msPerItem.toFixed(2)} ms/tx at ${last.size}`)

    await running.close()
    running = undefined
    const diskMb = (await dirSize(dataDir)) / 2 ** 20

    return {
      metrics: {
        seq_tx_per_s: { value: round(seq.perSecond, 1), unit: 'tx/s', better: 'higher', target: 250 },
        batch_tx_per_s: { value: round(batch.perSecond, 1), unit: 'tx/s', better: 'higher' },
        growth_ratio: { value: round(last.rate.msPerItem / first.rate.msPerItem, 3), unit: 'x', better: 'lower', target: 1.2 },
        seq_cpu_ms_per_tx: { value: round(seq.cpuMsPerItem, 3), unit: 'ms', better: 'lower' },
        batch_cpu_ms_per_tx: { value: round(batch.cpuMsPerItem, 3), unit: 'ms', better: 'lower' },
        seq_http_tx_per_s: { value: round(seqHttp.perSecond, 1), unit: 'tx/s', better: 'higher' },
        avg_txs_per_block: { value: round(batch.count / batch.blocks, 1), unit: 'tx', better: 'higher' },
        growth_start_ms_per_tx: { value: round(first.rate.msPerItem, 3), unit: 'ms', better: 'lower' },
        growth_end_ms_per_tx: { value: round(last.rate.msPerItem, 3), unit: 'ms', better: 'lower' },
        // The same ratio in CPU time: less swayed by what else the shared machine runs.
        growth_cpu_ratio: { value: round(last.rate.cpuMsPerItem / first.rate.cpuMsPerItem, 3), unit: 'x', better: 'lower' },
        chain_writes: { value: signer.signed, unit: 'tx', better: 'higher' },
        chain_disk_mb: { value: round(diskMb, 1), unit: 'MB', better: 'lower' },
      },
      baselines: {
        seq_tx_per_s: { value: 138, source: 'measurements.md: anvil 1.7.1 over HTTP, not durable (125-151)' },
        batch_tx_per_s: { value: 295, source: 'measurements.md: anvil 1.7.1 over HTTP, not durable (277-314)' },
        // The format keys baselines by metric; a second baseline for one metric gets a suffix.
        seq_tx_per_s_ethereumjs_naive: { value: 67, source: 'measurements.md: naive @ethereumjs glue, same machine kind' },
        batch_tx_per_s_ethereumjs_naive: { value: 81, source: 'measurements.md: naive @ethereumjs glue, same machine kind' },
      },
      series: [
        { label: 'sequential ms per tx', points: growth.windows.map(({ size, rate }) => [size, round(rate.msPerItem, 3)]) },
        { label: 'sequential CPU ms per tx', points: growth.windows.map(({ size, rate }) => [size, round(rate.cpuMsPerItem, 3)]) },
        { label: 'batched ms per tx (1000 / throughput)', points: growth.batched.map(([x, y]) => [x, round(y, 3)]) },
      ],
      chart: {
        title: `Embedded chain: cost per transaction as the chain grows${quick ? ' (quick run)' : ''}`,
        xLabel: 'SlotWriter writes in the chain (one new storage slot each)',
        yLabel: 'ms per transaction',
      },
    }
  } finally {
    await running?.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

function describe(rate: Rate): string {
  return `${rate.count} tx in ${rate.seconds.toFixed(1)} s, ${rate.perSecond.toFixed(1)} tx/s, ${rate.cpuMsPerItem.toFixed(2)} CPU ms/tx`
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals))
}

function log(message: string): void {
  console.log(`  ${message}`)
}
