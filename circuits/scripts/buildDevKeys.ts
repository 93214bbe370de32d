// Builds the development keys committed in circuits/artifacts: compiles every circuit, runs a
// one-contributor phase 2 on the committed development ptau, exports the verification keys and
// the Solidity verifiers. Run by a developer after changing a circuit (`npm run circuits:build`),
// never in CI or at install: a 2^15 ptau took 46 minutes to prepare and keys take minutes more.
import { randomBytes } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTIFACTS_DIR, CIRCUIT_NAMES, CIRCUIT_SOURCES_DIR, getCircuit, type CircuitName } from '../../packages/zk/src/circuits.ts'
import { compileCircuit } from '../../packages/zk/src/ceremony/compileCircuit.ts'
import { completeKeySet } from '../../packages/zk/src/ceremony/completeKeySet.ts'
import { runPhase2 } from '../../packages/zk/src/ceremony/runPhase2.ts'
import { sha256File, type CircuitManifest, type CircuitManifestEntry } from '../../packages/zk/src/manifest.ts'
import { releaseProver } from '../../packages/zk/src/prover.ts'

const PTAU = 'dev-pot15.ptau'
const buildDir = join(CIRCUIT_SOURCES_DIR, 'build')
const verifiersDir = join(CIRCUIT_SOURCES_DIR, '..', 'contracts', 'src', 'research', 'verifiers')
const only = process.argv.slice(2) as CircuitName[]

const ptau = join(ARTIFACTS_DIR, PTAU)
const entries = {} as Record<CircuitName, CircuitManifestEntry>
for (const name of only.length > 0 ? only : CIRCUIT_NAMES) {
  const started = Date.now()
  const compiled = await compileCircuit(name, buildDir)
  const result = await runPhase2({
    circuit: name,
    r1cs: compiled.r1cs,
    ptau,
    contributors: [{ name: 'medchain development key (not for production)', entropy: randomBytes(32).toString('hex') }],
    beaconHex: randomBytes(32).toString('hex'),
    workDir: join(buildDir, 'phase2'),
    outDir: ARTIFACTS_DIR,
    onStep: (step) => console.log(`${name}: ${step.step} ${step.index + 1}/${step.total}`),
  })
  await writeFile(join(verifiersDir, `${getCircuit(name).verifierContract}.sol`), result.verifierSource)
  entries[name] = await completeKeySet(compiled, result, ARTIFACTS_DIR)
  console.log(`${name}: ${compiled.constraints} constraints, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const manifestPath = join(ARTIFACTS_DIR, 'manifest.json')
let previous: Partial<CircuitManifest> = {}
try {
  previous = JSON.parse(await readFile(manifestPath, 'utf8')) as CircuitManifest
} catch {
  previous = {}
}
const manifest: CircuitManifest = {
  notice:
    'DEVELOPMENT KEYS. One contributor (the medchain build) made this phase 2 on a development powers-of-tau with one contribution. Anyone holding that randomness could forge proofs. A consortium in production runs `medchain ceremony` with every member contributing.',
  ptau: { file: PTAU, power: 15, sha256: await sha256File(ptau) },
  circuits: { ...(previous.circuits ?? {}), ...entries } as Record<CircuitName, CircuitManifestEntry>,
}
await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
await rm(join(buildDir, 'phase2'), { recursive: true, force: true })
await releaseProver()
