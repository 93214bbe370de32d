import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getMembers, hasRole } from '@medchain/sdk'
import { ARTIFACTS_DIR, CIRCUIT_NAMES, compileCircuit, completeKeySet, getCircuit, readManifest, releaseProver, runPhase2, type CircuitManifest, type CircuitName } from '@medchain/zk'
import { connect } from '../../connect.ts'
import { CliError, usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { absolute, resolveDataDir } from '../../options.ts'
import { createProgress } from '../../up/progress.ts'
import { deployVerifier } from './deployVerifier.ts'
import type { CeremonyOptions } from './index.ts'

/**
 * Runs the ceremony (see registerCeremony). Every member's contribution runs here with fresh
 * randomness discarded at once; a real consortium runs each contribution on the member's own
 * machine (docs/operations.md), which these steps mirror.
 */
export async function runCeremony(io: CliIo, options: CeremonyOptions): Promise<void> {
  const circuits = (options.circuits?.split(',') ?? CIRCUIT_NAMES).map((name) => {
    if (!(CIRCUIT_NAMES as string[]).includes(name)) throw usageError(`unknown circuit "${name}" (known: ${CIRCUIT_NAMES.join(', ')})`)
    return name as CircuitName
  })
  const dataDir = resolveDataDir(io, options.dataDir)
  const outDir = options.out ? absolute(io, options.out) : join(dataDir, 'ceremony')
  const client = await connect(io, options)
  // Installing verifiers is a regulator's act: refuse before minutes of ceremony work, not after.
  if (!(await hasRole(client, { address: client.account!.address, role: 'regulator' }))) {
    throw new CliError(`"${options.as}" is not a regulator member: only a regulator installs verifiers`, { code: 'CLI_NOT_PERMITTED' })
  }
  const members = await getMembers(client)
  const beacon = (await client.publicClient.getBlock()).hash.slice(2)
  const development = await readManifest(ARTIFACTS_DIR)
  const manifest: CircuitManifest = {
    notice: `Ceremony of ${new Date().toISOString()}: one contribution from each of ${members.length} members, beacon = block hash 0x${beacon}.`,
    ptau: development.ptau,
    circuits: {} as CircuitManifest['circuits'],
  }
  const progress = createProgress(io.stderr)
  try {
    await mkdir(outDir, { recursive: true })
    for (const circuit of circuits) {
      const build = join(outDir, 'build')
      progress.step({ index: 0, total: members.length + 5, label: `${circuit}: compiling` })
      const compiled = await compileCircuit(circuit, build)
      const result = await runPhase2({
        circuit,
        r1cs: compiled.r1cs,
        ptau: join(ARTIFACTS_DIR, development.ptau.file),
        contributors: members.map((member) => ({ name: member.name, entropy: randomBytes(32).toString('hex') })),
        beaconHex: beacon,
        workDir: join(build, 'phase2'),
        outDir,
        onStep: (step) => progress.step({ index: step.index + 1, total: step.total + 1, label: `${circuit}: ${step.step}${step.name ? ` (${step.name})` : ''}` }),
      })
      manifest.circuits[circuit] = await completeKeySet(compiled, result, outDir)
      const contract = getCircuit(circuit).verifierContract
      await writeFile(join(outDir, `${contract}.sol`), result.verifierSource)
      const verifier = await deployVerifier(client, circuit, contract, result.verifierSource)
      progress.stop()
      println(io.stdout, `${circuit}: ${members.length} contributions, transcript ${result.transcriptHash}, verifier ${verifier} installed`)
    }
    await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    await rm(join(outDir, 'build'), { recursive: true, force: true })
    println(io.stdout, `Keys in ${outDir}; gateways prove with them when MEDCHAIN_CIRCUITS_DIR points there.`)
  } finally {
    progress.stop()
    await releaseProver()
  }
}
