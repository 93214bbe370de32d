import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { getCircuit, type CircuitName } from '../circuits.ts'
import { ZkError } from '../errors.ts'

const require = createRequire(import.meta.url)

/** One participant of a phase-2 ceremony. Entropy stays in memory and is never written out. */
export type Phase2Contributor = { name: string; entropy: string }

export type RunPhase2Parameters = {
  circuit: CircuitName
  r1cs: string
  ptau: string
  contributors: readonly Phase2Contributor[]
  /** Public randomness applied last (a future block hash, say), so the final key is unbiased. */
  beaconHex: string
  workDir: string
  outDir: string
  /** Called before each step, for progress bars. */
  onStep?: ((step: Phase2Step) => void) | undefined
}

export type Phase2Step = { circuit: CircuitName; step: 'setup' | 'contribute' | 'beacon' | 'verify' | 'export'; index: number; total: number; name?: string }

export type Phase2Result = {
  circuit: CircuitName
  zkey: string
  vkey: string
  verifierSource: string
  /** BLAKE2b-512 contribution hashes as snarkjs prints them, in order, beacon last. */
  contributionHashes: string[]
  /** SHA-256 over the circuit name, the r1cs hash and every contribution hash: what goes on chain. */
  transcriptHash: `0x${string}`
}

/**
 * Runs the Groth16 phase 2 for one circuit: a fresh key from the powers of tau, one contribution
 * per participant, a public beacon, a full verification of the chain of contributions against
 * the r1cs and the ptau, then the verification key and the Solidity verifier.
 */
export async function runPhase2(parameters: RunPhase2Parameters): Promise<Phase2Result> {
  const { circuit, r1cs, ptau, contributors, workDir, outDir } = parameters
  if (contributors.length === 0) throw new ZkError('"contributors" expected at least one participant', { code: 'ZK_INVALID_ARGUMENT' })
  if (!/^[0-9a-f]{64}$/.test(parameters.beaconHex)) throw new ZkError('"beaconHex" expected 32 bytes of hex', { code: 'ZK_INVALID_ARGUMENT' })
  const total = contributors.length + 4
  const step = (name: Phase2Step['step'], index: number, who?: string) =>
    parameters.onStep?.({ circuit, step: name, index, total, ...(who === undefined ? {} : { name: who }) })
  await mkdir(workDir, { recursive: true })
  await mkdir(outDir, { recursive: true })

  step('setup', 0)
  let current = join(workDir, `${circuit}_0000.zkey`)
  await guard('setup', () => snarkjs.zKey.newZKey(r1cs, ptau, current))
  const contributionHashes: string[] = []
  for (const [i, contributor] of contributors.entries()) {
    step('contribute', i + 1, contributor.name)
    const next = join(workDir, `${circuit}_${String(i + 1).padStart(4, '0')}.zkey`)
    const hash = await guard('contribution', () => snarkjs.zKey.contribute(current, next, contributor.name, contributor.entropy))
    contributionHashes.push(Buffer.from(hash).toString('hex'))
    await rm(current)
    current = next
  }
  step('beacon', contributors.length + 1)
  const final = join(workDir, `${circuit}_final.zkey`)
  const beaconHash = await guard('beacon', () => snarkjs.zKey.beacon(current, final, 'medchain final beacon', parameters.beaconHex, 10))
  contributionHashes.push(Buffer.from(beaconHash).toString('hex'))
  await rm(current)

  step('verify', contributors.length + 2)
  const verified = await guard('verification', () => snarkjs.zKey.verifyFromR1cs(r1cs, ptau, final))
  if (!verified) throw new ZkError(`the phase-2 transcript of ${circuit} does not verify`, { code: 'ZK_CEREMONY_FAILED' })

  step('export', contributors.length + 3)
  const zkey = join(outDir, `${circuit}.zkey`)
  await copyFile(final, zkey)
  await rm(final)
  const vkey = join(outDir, `${circuit}.vkey.json`)
  await writeFile(vkey, `${JSON.stringify(await snarkjs.zKey.exportVerificationKey(zkey), null, 1)}\n`)
  const template = await readFile(join(dirname(require.resolve('snarkjs')), '..', 'templates', 'verifier_groth16.sol.ejs'), 'utf8')
  const r1csHash = createHash('sha256').update(await readFile(r1cs)).digest('hex')
  const transcriptHash = `0x${createHash('sha256').update([circuit, r1csHash, ...contributionHashes].join('\n')).digest('hex')}` as const
  // The verifier carries its transcript hash, so the registry records it on installation.
  const verifierSource = (await snarkjs.zKey.exportSolidityVerifier(zkey, { groth16: template })).replace(
    'contract Groth16Verifier {',
    `contract ${getCircuit(circuit).verifierContract} {\n    /// SHA-256 of the phase-2 transcript that made this key: circuit, r1cs hash, contribution hashes.\n    bytes32 public constant TRANSCRIPT_HASH = ${transcriptHash};\n`,
  )
  return { circuit, zkey, vkey, verifierSource, contributionHashes, transcriptHash }
}

async function guard<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    if (error instanceof ZkError) throw error
    throw new ZkError(`phase-2 ${what} failed`, { code: 'ZK_CEREMONY_FAILED', cause: error, details: error instanceof Error ? error.message : undefined })
  }
}
