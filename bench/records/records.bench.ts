// The records benchmark: Synthea-shaped patients imported end to end through a hospital gateway
// (signed transaction Bundles over HTTP: parse, encrypt, store with fsync, anchor in Merkle
// batches on the embedded chain, index), then consent-checked reads through the gateway, each
// with its access entry. Workload and metrics: bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey, signChallenge, signRequest } from '@medchain/crypto'
import { createGateway, prepareImportBundle, toRelayJson, type Gateway } from '@medchain/gateway'
import { createMedchainClient, deployContracts, registerIndividual, signConsentGrant, updateGateway } from '@medchain/sdk'
import type { Hex } from 'viem'
import type { Benchmark, BenchmarkOptions, BenchmarkOutcome } from '../lib/benchmark.ts'
import { createProgress } from '../lib/progress.ts'
import { freshCopy, loadFixtures } from './syntheticBundles.ts'

const SIZES = {
  full: { bundles: 400, reads: 20_000, readPatients: 20 },
  quick: { bundles: 40, reads: 2_000, readPatients: 5 },
}
const IMPORT_CONCURRENCY = 4
const READ_CONCURRENCY = 16

export const benchmark: Benchmark = {
  name: 'records',
  description: 'gateway: Synthea import end to end (resources/s) and consent-checked reads with audit entries (reads/s, p50/p99)',
  run: runRecordsBenchmark,
}

type Patient = { key: Hex; address: Hex; observations: string[] }

async function runRecordsBenchmark({ quick }: BenchmarkOptions): Promise<BenchmarkOutcome> {
  const size = quick ? SIZES.quick : SIZES.full
  const dir = await mkdtemp(join(tmpdir(), 'medchain-bench-records-'))
  let node: RunningNode | undefined
  const gateways: Gateway[] = []
  try {
    node = await createEmbeddedNode({ dataDir: join(dir, 'chain'), fsync: true })
    const [deployerKey, hospitalKey, peerKey] = node.accounts as [Hex, Hex, Hex]
    const deployer = await createMedchainClient({ provider: node.provider, account: deployerKey })
    const deployment = await deployContracts(deployer, {
      bootstrap: [hospitalKey, peerKey].map((key, i) => ({ org: privateKeyToAddress(key), name: `Hospital ${i + 1}`, roles: ['hospital'] as const, gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(key) })),
      proposalLifetimeSeconds: 3600,
    })
    const hospital = await createGateway({ dataDir: join(dir, 'hospital'), privateKey: hospitalKey, deployment, chain: { provider: node.provider } })
    gateways.push(hospital)
    const url = await hospital.listen()
    await updateGateway(hospital.context.client, { gatewayUrl: url })
    const peer = await createMedchainClient({ provider: node.provider, account: peerKey, deployment })
    const clinicianKey = generatePrivateKey()
    await registerIndividual(peer, { account: privateKeyToAddress(clinicianKey), kind: 'clinician' })

    // Import.
    const fixtures = await loadFixtures()
    const bundles = Array.from({ length: size.bundles }, (_, i) => fixtures[i % fixtures.length] as string)
    const totalResources = bundles.reduce((sum, text) => sum + (JSON.parse(text) as { entry: unknown[] }).entry.length, 0)
    const progress = createProgress({ label: 'import', total: totalResources, unit: 'resources' })
    const patients: Patient[] = []
    const importSeries: [number, number][] = []
    let imported = 0
    const started = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: IMPORT_CONCURRENCY }, async () => {
        for (let i = next++; i < bundles.length; i = next++) {
          const key = generatePrivateKey()
          const address = privateKeyToAddress(key)
          const { bundle, resources } = prepareImportBundle(freshCopy(bundles[i] as string), { pseudonym: address, encryptionPublicKey: privateKeyToPublicKey(key) })
          const body = JSON.stringify(bundle)
          const response = await fetch(`${url}/`, { method: 'POST', body, headers: { ...signRequest({ privateKey: hospitalKey, method: 'POST', path: '/', body, audience: privateKeyToAddress(hospitalKey) }), 'content-type': 'application/fhir+json' } })
          if (response.status !== 200) throw new Error(`import failed with ${response.status}: ${(await response.text()).slice(0, 300)}`)
          const answer = (await response.json()) as { entry: { response: { location: string } }[] }
          const observations = answer.entry.map((e) => e.response.location.split('/_history')[0] as string).filter((loc) => loc.startsWith('Observation/'))
          patients.push({ key, address, observations })
          imported += resources
          progress.update(imported)
          importSeries.push([imported, imported / ((performance.now() - started) / 1000)])
        }
      }),
    )
    const importSeconds = (performance.now() - started) / 1000
    progress.done()

    // Consent for the peer hospital on a few patients, then reads by its clinician at the custodian's gateway.
    const readers = patients.slice(0, size.readPatients)
    for (const patient of readers) {
      const signed = await signConsentGrant(peer, { patient: patient.key, grantee: privateKeyToAddress(peerKey), purposes: 'treatment', resourceTypes: ['Observation'], expiry: BigInt(Math.floor(Date.now() / 1000) + 86_400) })
      const body = toRelayJson(signed)
      const relayed = await fetch(`${url}/Consent/$relay-grant`, { method: 'POST', body, headers: { ...signRequest({ privateKey: patient.key, method: 'POST', path: '/Consent/$relay-grant', body, audience: privateKeyToAddress(hospitalKey) }), 'content-type': 'application/json' } })
      if (relayed.status !== 201) throw new Error(`consent relay failed with ${relayed.status}`)
    }
    const token = await bearerToken(url, clinicianKey)
    const targets = readers.flatMap((p) => p.observations)
    const latencies: number[] = []
    const readProgress = createProgress({ label: 'reads', total: size.reads, unit: 'reads' })
    let issued = 0
    const readStarted = performance.now()
    await Promise.all(
      Array.from({ length: READ_CONCURRENCY }, async () => {
        while (issued < size.reads) {
          const target = targets[issued++ % targets.length] as string
          const t0 = performance.now()
          const response = await fetch(`${url}/${target}`, { headers: { authorization: `Bearer ${token}` } })
          await response.arrayBuffer()
          if (response.status !== 200) throw new Error(`read failed with ${response.status}`)
          latencies.push(performance.now() - t0)
          readProgress.tick()
        }
      }),
    )
    const readSeconds = (performance.now() - readStarted) / 1000
    readProgress.done()
    await hospital.context.audit.anchorPending()
    latencies.sort((a, b) => a - b)
    const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number

    return {
      metrics: {
        import_resources_per_s: { value: Math.round(imported / importSeconds), unit: '1/s', better: 'higher', target: 5000 },
        import_resources: { value: imported, unit: 'resources', better: 'higher' },
        reads_per_s: { value: Math.round(latencies.length / readSeconds), unit: '1/s', better: 'higher', target: 2000 },
        read_p50_ms: { value: Number(quantile(0.5).toFixed(2)), unit: 'ms', better: 'lower' },
        read_p99_ms: { value: Number(quantile(0.99).toFixed(2)), unit: 'ms', better: 'lower' },
      },
      baselines: {},
      series: [{ label: 'import: cumulative resources/s', points: importSeries }],
      chart: { title: 'Import through one gateway (fsync on)', xLabel: 'resources imported', yLabel: 'resources/s' },
    }
  } finally {
    for (const gateway of gateways) await gateway.close()
    await node?.close()
    await rm(dir, { recursive: true, force: true })
  }
}

async function bearerToken(baseUrl: string, key: Hex): Promise<string> {
  const { challenge, audience } = (await (await fetch(`${baseUrl}/auth/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { challenge: string; audience: string }
  const response = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address: privateKeyToAddress(key), challenge, signature: signChallenge({ privateKey: key, challenge, audience }) }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}
