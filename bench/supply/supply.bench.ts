// The supply benchmark: drug custody events on the embedded chain (fsync on) through the SDK, one
// unit per event and in batches (pallets) of units, and public verifications of Digital Links
// through a gateway. Workload and metrics: bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { createGateway, type Gateway } from '@medchain/gateway'
import { commissionBatch, commissionUnit, createMedchainClient, deployContracts, formatDigitalLink, receiveItem, registerProduct, shipItem, updateGateway, type MedchainClient } from '@medchain/sdk'
import type { Hex } from 'viem'
import type { Benchmark, BenchmarkOptions, BenchmarkOutcome } from '../lib/benchmark.ts'
import { createProgress } from '../lib/progress.ts'

const GTIN = '09506000134352'
const SIZES = {
  full: { singleUnits: 600, batchSizes: [10, 100, 1000], unitsPerSize: 3000, verifications: 5000 },
  quick: { singleUnits: 60, batchSizes: [10, 100], unitsPerSize: 200, verifications: 500 },
}
/** Writers in flight: the node seals what arrives together in one block (group commit). */
const CONCURRENCY = 16
const VERIFY_CONCURRENCY = 16
/** Fixed gas limits skip eth_estimateGas (a dozen EVM runs); at zero gas price unused gas is free. */
const EVENT_GAS = 300_000n
const batchGas = (units: number) => 300_000n + 2_000n * BigInt(units)

export const benchmark: Benchmark = {
  name: 'supply',
  description: 'drug custody events on chain, single and batched (events/s), and public Digital Link verifications through a gateway (verifications/s)',
  run: runSupplyBenchmark,
}

/** Runs `count` jobs with `concurrency` workers. */
async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    for (let i = next++; i < count; i = next++) await job(i)
  }))
}

async function runSupplyBenchmark({ quick }: BenchmarkOptions): Promise<BenchmarkOutcome> {
  const size = quick ? SIZES.quick : SIZES.full
  const dir = await mkdtemp(join(tmpdir(), 'medchain-bench-supply-'))
  let node: RunningNode | undefined
  let gateway: Gateway | undefined
  try {
    node = await createEmbeddedNode({ dataDir: join(dir, 'chain'), fsync: true })
    const [deployerKey, manufacturerKey, distributorKey] = node.accounts as [Hex, Hex, Hex]
    const deployer = await createMedchainClient({ provider: node.provider, account: deployerKey })
    const deployment = await deployContracts(deployer, {
      bootstrap: [
        { org: privateKeyToAddress(manufacturerKey), name: 'Manufacturer', roles: ['manufacturer'], encryptionPublicKey: privateKeyToPublicKey(manufacturerKey) },
        { org: privateKeyToAddress(distributorKey), name: 'Distributor', roles: ['distributor'], encryptionPublicKey: privateKeyToPublicKey(distributorKey) },
      ],
      proposalLifetimeSeconds: 3600,
    })
    const client = (key: Hex) => createMedchainClient({ provider: node!.provider, account: key, deployment })
    const manufacturer: MedchainClient = await client(manufacturerKey)
    const distributor: MedchainClient = await client(distributorKey)
    const distributorAddress = privateKeyToAddress(distributorKey)
    await registerProduct(manufacturer, { gtin: GTIN })
    const serial = (prefix: string, i: number) => `${prefix}${i}`

    // Single events: each unit commissioned, shipped and received, one unit per transaction.
    const singleProgress = createProgress({ label: 'single events', total: size.singleUnits * 3, unit: 'events' })
    const singleStarted = performance.now()
    await pool(size.singleUnits, CONCURRENCY, async (i) => {
      const item = { gtin: GTIN, serial: serial('S', i) }
      await commissionUnit(manufacturer, { ...item, lot: 'LOT-S', expiry: '991231', gas: EVENT_GAS })
      await shipItem(manufacturer, { item, to: distributorAddress, gas: EVENT_GAS })
      await receiveItem(distributor, { item, gas: EVENT_GAS })
      singleProgress.tick(3)
    })
    const singleSeconds = (performance.now() - singleStarted) / 1000
    singleProgress.done()
    const eventsPerSecond = (size.singleUnits * 3) / singleSeconds

    // Batched events: pallets commissioned, shipped and received, each event covering every unit.
    const series: [number, number][] = [[1, eventsPerSecond]]
    const batchIds: { batchId: Hex; serials: string[] }[] = []
    let largest = 0
    for (const batchSize of size.batchSizes) {
      const batches = Math.max(1, Math.floor(size.unitsPerSize / batchSize))
      const progress = createProgress({ label: `batches of ${batchSize}`, total: batches * batchSize * 3, unit: 'unit-events' })
      const started = performance.now()
      await pool(batches, Math.min(CONCURRENCY, 4), async (b) => {
        const serials = Array.from({ length: batchSize }, (_, i) => serial(`B${batchSize}-${b}-`, i))
        const { batchId } = await commissionBatch(manufacturer, { gtin: GTIN, lot: `LOT-B${batchSize}`, expiry: '991231', serials, gas: batchGas(batchSize) })
        await shipItem(manufacturer, { item: { batchId }, to: distributorAddress, gas: EVENT_GAS })
        await receiveItem(distributor, { item: { batchId }, gas: EVENT_GAS })
        batchIds.push({ batchId, serials })
        progress.tick(batchSize * 3)
      })
      const seconds = (performance.now() - started) / 1000
      progress.done()
      series.push([batchSize, (batches * batchSize * 3) / seconds])
      largest = batchSize
    }
    const batchedEventsPerSecond = series.at(-1)?.[1] ?? 0

    // Verifications: Digital Links of single and batched units, JSON answers, each scan recorded.
    gateway = await createGateway({ dataDir: join(dir, 'gateway'), privateKey: manufacturerKey, deployment, chain: { provider: node.provider } })
    const url = await gateway.listen()
    await updateGateway(gateway.context.client, { gatewayUrl: url })
    const links = [
      ...Array.from({ length: size.singleUnits }, (_, i) => formatDigitalLink(url, { gtin: GTIN, serial: serial('S', i), lot: 'LOT-S', expiry: 991231 })),
      ...batchIds.flatMap(({ serials }) => serials.slice(0, 20).map((s) => formatDigitalLink(url, { gtin: GTIN, serial: s }))),
    ]
    // The first request follows the chain into the index; it is not timed.
    await (await fetch(links[0] as string, { headers: { accept: 'application/json' } })).arrayBuffer()
    const verifyProgress = createProgress({ label: 'verifications', total: size.verifications, unit: 'verifications' })
    const latencies: number[] = []
    const verifyStarted = performance.now()
    await pool(size.verifications, VERIFY_CONCURRENCY, async (i) => {
      const t0 = performance.now()
      const response = await fetch(links[i % links.length] as string, { headers: { accept: 'application/json' } })
      const answer = (await response.json()) as { verdict?: string }
      if (response.status !== 200 || answer.verdict !== 'genuine') throw new Error(`verification ${i} answered ${response.status} ${answer.verdict}`)
      latencies.push(performance.now() - t0)
      verifyProgress.tick()
    })
    const verifySeconds = (performance.now() - verifyStarted) / 1000
    verifyProgress.done()
    latencies.sort((a, b) => a - b)
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))] as number

    return {
      metrics: {
        events_per_s: { value: Math.round(eventsPerSecond), unit: '1/s', better: 'higher' },
        batched_events_per_s: { value: Math.round(batchedEventsPerSecond), unit: '1/s', better: 'higher' },
        verifications_per_s: { value: Math.round(size.verifications / verifySeconds), unit: '1/s', better: 'higher' },
        verify_p99_ms: { value: Number(p99.toFixed(2)), unit: 'ms', better: 'lower' },
        batch_size: { value: largest, unit: 'units', better: 'higher' },
        single_events: { value: size.singleUnits * 3, unit: 'events', better: 'higher' },
      },
      baselines: {},
      series: [{ label: 'unit-events/s by units per on-chain event', points: series }],
      chart: { title: 'Drug custody events on chain (fsync on)', xLabel: 'units per event (batch size)', yLabel: 'unit-events/s' },
    }
  } finally {
    await gateway?.close()
    await node?.close()
    await rm(dir, { recursive: true, force: true })
  }
}
