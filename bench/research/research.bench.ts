// The research benchmark: the paper's comparison (holder computation at 100-700 indicators,
// Paillier range classification against a real proxy re-encryption baseline, same run), the
// institution's decryption, Groth16 proof time for 8 and 32 indicators, and the on-chain
// verification gas. Workload and metrics: bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { enroll32VerifierAbi, studyRegistryAbi } from '@medchain/contracts'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { ResearchError, createAttestation, createStudy, deriveHolderSecret, identityCommitmentOf, loincToField, prepareEnrollment } from '@medchain/research'
import { attestIndicators, createMedchainClient, deployContracts, enrollInStudy, publishStudy } from '@medchain/sdk'
import { loadPoseidon, prove, releaseProver, toSolidityProof, type PoseidonHash } from '@medchain/zk'
import { encodeFunctionData, type Hex } from 'viem'
import type { Benchmark, BenchmarkOptions, BenchmarkOutcome } from '../lib/benchmark.ts'
import { createProgress } from '../lib/progress.ts'
import { measurePaillierCosts } from './paillierCosts.ts'
import { measurePreCosts } from './preBaseline.ts'

const SIZES = {
  full: { indicators: [100, 300, 500, 700], proofRuns: 5 },
  quick: { indicators: [100], proofRuns: 1 },
}

export const benchmark: Benchmark = {
  name: 'research',
  description: 'private screening: holder cost vs proxy re-encryption (100-700 indicators), institution decryption, proof time, verification gas',
  run: runResearchBenchmark,
}

async function runResearchBenchmark({ quick }: BenchmarkOptions): Promise<BenchmarkOutcome> {
  const size = quick ? SIZES.quick : SIZES.full
  const holder: [number, number][] = []
  const holderOneThread: [number, number][] = []
  const pre: [number, number][] = []
  const institution: [number, number][] = []
  const progress = createProgress({ label: 'paillier vs PRE', total: size.indicators.length, unit: 'sizes' })
  for (const n of size.indicators) {
    const paillier = await measurePaillierCosts(n, 2048)
    holder.push([n, paillier.holderParallelSeconds])
    holderOneThread.push([n, paillier.holderSeconds])
    institution.push([n, paillier.institutionSeconds])
    pre.push([n, measurePreCosts(n).holderSeconds])
    progress.tick()
  }
  progress.done()
  const largest = size.indicators.at(-1)!
  const at = (series: [number, number][]) => round(series.find(([n]) => n === largest)![1], 3)

  const poseidon = await loadPoseidon()
  const proofs = await measureProofs(poseidon, size.proofRuns)
  const gas = await measureGas(poseidon)
  await releaseProver()

  const suffix = largest === 700 ? '700' : `${largest}`
  return {
    metrics: {
      [`holder_s_${suffix}`]: { value: at(holder), unit: 's', better: 'lower', target: 5 },
      [`holder_one_thread_s_${suffix}`]: { value: at(holderOneThread), unit: 's', better: 'lower' },
      [`institution_s_${suffix}`]: { value: at(institution), unit: 's', better: 'lower', target: 8 },
      [`pre_holder_s_${suffix}`]: { value: at(pre), unit: 's', better: 'lower' },
      prove_s_8: { value: round(proofs.enroll8, 3), unit: 's', better: 'lower' },
      prove_s_32: { value: round(proofs.enroll32, 3), unit: 's', better: 'lower', target: 2 },
      verify_gas: { value: gas.verify, unit: 'gas', better: 'lower', target: 250_000 },
      verify_tx_gas: { value: gas.verifyTx, unit: 'gas', better: 'lower' },
      enroll_gas: { value: gas.enroll, unit: 'gas', better: 'lower' },
    },
    baselines: {
      [`holder_s_${suffix}`]: { value: at(pre), source: 'proxy re-encryption holder (Umbral, @nucypher/umbral-pre 0.10), measured in the same run' },
    },
    series: [
      { label: `holder, Paillier, ${availableParallelism()} threads (s)`, points: holder },
      { label: 'holder, Paillier, 1 thread (s)', points: holderOneThread },
      { label: 'holder, proxy re-encryption (s)', points: pre },
      { label: 'institution, Paillier decryption (s)', points: institution },
    ],
    chart: { title: 'Holder computation cost: Paillier comparison vs proxy re-encryption', xLabel: 'indicators', yLabel: 'seconds' },
  }
}

/** Median proof time of the enrollment circuits (8 and 32 indicators), paillier mode. */
async function measureProofs(poseidon: PoseidonHash, runs: number): Promise<{ enroll8: number; enroll32: number }> {
  const result = { enroll8: 0, enroll32: 0 }
  const progress = createProgress({ label: 'proofs', total: 2 * runs, unit: 'proofs' })
  for (const count of [8, 32] as const) {
    const times: number[] = []
    for (let run = 0; run < runs; run++) {
      const prepared = enrollmentFor(poseidon, count, privateKeyToAddress(generatePrivateKey()))
      const started = performance.now()
      await prove(prepared.circuit as 'enroll8', prepared.input)
      times.push((performance.now() - started) / 1000)
      progress.tick()
    }
    times.sort((a, b) => a - b)
    result[count === 8 ? 'enroll8' : 'enroll32'] = times[Math.floor(times.length / 2)]!
  }
  progress.done()
  return result
}

/**
 * Gas on the embedded chain: the 32-indicator verifier's verifyProof, as the registry pays it
 * inside an enrollment (the call's execution: eth_estimateGas of a direct call minus the
 * transaction's intrinsic 21,000 and calldata cost) and as a transaction of its own; and a whole
 * enrollment.
 */
async function measureGas(poseidon: PoseidonHash): Promise<{ verify: number; verifyTx: number; enroll: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'medchain-bench-research-'))
  let node: RunningNode | undefined
  try {
    node = await createEmbeddedNode({ dataDir: join(dir, 'chain'), fsync: false })
    const [deployerKey, hospitalKey, researchKey] = node.accounts as [Hex, Hex, Hex]
    const deployer = await createMedchainClient({ provider: node.provider, account: deployerKey })
    const member = (key: Hex, name: string, role: 'hospital' | 'research') => ({ org: privateKeyToAddress(key), name, roles: [role], gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(key) })
    const deployment = await deployContracts(deployer, {
      bootstrap: [member(hospitalKey, 'Hospital', 'hospital'), member(researchKey, 'Institute', 'research')],
      proposalLifetimeSeconds: 3600,
    })
    const hospital = await createMedchainClient({ provider: node.provider, account: hospitalKey, deployment })
    const institute = await createMedchainClient({ provider: node.provider, account: researchKey, deployment })
    const prepared = enrollmentFor(poseidon, 32, hospital.account!.address)
    await attestIndicators(hospital, { commitment: prepared.commitment, patient: privateKeyToAddress(generatePrivateKey()) })
    await publishStudy(institute, {
      studyId: BigInt(prepared.document.studyId),
      circuit: prepared.document.circuit,
      studyHash: prepared.studyHash,
      documentHash: prepared.documentHash,
      capacity: 10,
      deadline: BigInt(Math.floor(Date.now() / 1000) + 3600),
    })
    const proof = toSolidityProof(await prove('enroll32', prepared.input))
    const [verifier] = await hospital.publicClient.readContract({ address: deployment.studyRegistry, abi: studyRegistryAbi, functionName: 'verifierOf', args: [1] })
    const signals = [prepared.classCommitment, prepared.commitment, prepared.studyHash, prepared.nullifier, BigInt(hospital.account!.address)] as const
    const data = encodeFunctionData({ abi: enroll32VerifierAbi, functionName: 'verifyProof', args: [proof.a, proof.b, proof.c, signals] as never })
    const verifyTx = await hospital.publicClient.estimateGas({ account: hospital.account!, to: verifier, data })
    const enrolled = await enrollInStudy(hospital, { studyId: BigInt(prepared.document.studyId), commitment: prepared.commitment, nullifier: prepared.nullifier, classCommitment: 0n, proof })
    return { verify: Number(verifyTx) - intrinsicGas(data), verifyTx: Number(verifyTx), enroll: Number(enrolled.receipt.gasUsed) }
  } finally {
    await node?.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** An eligible holder of a study requiring `count` indicators, its witness ready to prove. */
function enrollmentFor(poseidon: PoseidonHash, count: 8 | 32, submitter: Hex) {
  const codes = validLoincCodes(count)
  const now = Math.floor(Date.now() / 1000)
  const secret = deriveHolderSecret(generatePrivateKey())
  const readings = codes.map((code, j) => ({ code, value: 100 + j }))
  const { opening } = createAttestation(poseidon, { snapshot: { measuredAt: now - 60, readings }, identityCommitment: identityCommitmentOf(poseidon, secret) })
  const study = createStudy(poseidon, {
    title: 'bench',
    purpose: 'research',
    mode: 'verified',
    indicators: codes.map((code) => ({ code, plausible: { low: 0, high: 10_000 }, range: { low: 90, high: 120 } })),
    notBefore: now - 3600,
    capacity: 10,
    deadline: now + 3600,
  })
  // Verified-mode study parameters, but the paillier-mode circuit: the bench measures enroll8/32.
  const document = { ...study.document, mode: 'paillier' as const, circuit: count === 8 ? 'enroll8' : 'enroll32', rangeCommitment: '0' }
  const prepared = prepareEnrollment(poseidon, { opening, secret, document, submitter })
  return { ...prepared, document, documentHash: study.documentHash }
}

// LOINC codes with a valid check digit, found by trying each digit: the bench needs 32 distinct ones.
function validLoincCodes(count: number): string[] {
  const codes: string[] = []
  for (let body = 10_000; codes.length < count; body++) {
    for (let digit = 0; digit < 10; digit++) {
      try {
        loincToField(`${body}-${digit}`)
        codes.push(`${body}-${digit}`)
        break
      } catch (error) {
        if (!(error instanceof ResearchError)) throw error
      }
    }
  }
  return codes
}

// EIP-2028: 21,000 per transaction, 16 gas per non-zero calldata byte, 4 per zero byte.
function intrinsicGas(data: Hex): number {
  let gas = 21_000
  for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === '00' ? 4 : 16
  return gas
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}
