import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { artifactPaths, defaultArtifactsDir, type CircuitName } from './circuits.ts'
import { ZkError } from './errors.ts'

/** What circuits/artifacts/manifest.json records about one circuit's committed keys. */
export type CircuitManifestEntry = {
  constraints: number
  r1csSha256: string
  wasmSha256: string
  zkeySha256: string
  vkeySha256: string
  contributionHashes: string[]
  transcriptHash: `0x${string}`
}

export type CircuitManifest = {
  /** Says plainly what these keys are worth. */
  notice: string
  ptau: { file: string; power: number; sha256: string }
  circuits: Record<CircuitName, CircuitManifestEntry>
}

/** Reads the manifest of a key set (the keys in force by default: see defaultArtifactsDir). */
export async function readManifest(dir: string = defaultArtifactsDir()): Promise<CircuitManifest> {
  const path = join(dir, 'manifest.json')
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CircuitManifest
  } catch (error) {
    throw new ZkError('cannot read the circuit manifest', { code: 'ZK_MISSING_ARTIFACT', details: path, cause: error })
  }
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex')
}

const checked = new Map<string, Promise<void>>()

/**
 * Checks once per process that a circuit's witness generator, proving key and verification key
 * hash to what the manifest of their directory records: a swapped or truncated key fails here
 * with `ZK_ARTIFACT_MISMATCH` instead of producing proofs no verifier accepts.
 */
export function assertArtifactsMatch(circuit: CircuitName, dir: string = defaultArtifactsDir()): Promise<void> {
  const key = `${dir}\0${circuit}`
  let check = checked.get(key)
  if (!check) {
    check = compareWithManifest(circuit, dir)
    checked.set(key, check)
    check.catch(() => checked.delete(key))
  }
  return check
}

async function compareWithManifest(circuit: CircuitName, dir: string): Promise<void> {
  const entry = (await readManifest(dir)).circuits[circuit]
  if (!entry) throw new ZkError(`the manifest in ${dir} has no ${circuit}`, { code: 'ZK_MISSING_ARTIFACT' })
  const paths = artifactPaths(circuit, dir)
  const expected = { wasm: entry.wasmSha256, zkey: entry.zkeySha256, vkey: entry.vkeySha256 }
  for (const kind of ['wasm', 'zkey', 'vkey'] as const) {
    let actual: string
    try {
      actual = await sha256File(paths[kind])
    } catch (error) {
      throw new ZkError(`missing circuit artifact for ${circuit}`, { code: 'ZK_MISSING_ARTIFACT', details: paths[kind], cause: error })
    }
    if (actual !== expected[kind]) {
      throw new ZkError(`the ${kind} of ${circuit} does not match its manifest`, { code: 'ZK_ARTIFACT_MISMATCH', details: paths[kind] })
    }
  }
}
