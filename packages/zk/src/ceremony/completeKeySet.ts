import { copyFile } from 'node:fs/promises'
import { artifactPaths } from '../circuits.ts'
import { sha256File, type CircuitManifestEntry } from '../manifest.ts'
import type { CompiledCircuit } from './compileCircuit.ts'
import type { Phase2Result } from './runPhase2.ts'

/**
 * Puts a circuit's witness generator beside the keys runPhase2 wrote to `outDir`, and returns
 * the set's manifest entry: what provers check before using it (assertArtifactsMatch).
 */
export async function completeKeySet(compiled: CompiledCircuit, result: Phase2Result, outDir: string): Promise<CircuitManifestEntry> {
  const paths = artifactPaths(result.circuit, outDir)
  await copyFile(compiled.wasm, paths.wasm)
  return {
    constraints: compiled.constraints,
    r1csSha256: await sha256File(compiled.r1cs),
    wasmSha256: await sha256File(paths.wasm),
    zkeySha256: await sha256File(paths.zkey),
    vkeySha256: await sha256File(paths.vkey),
    contributionHashes: result.contributionHashes,
    transcriptHash: result.transcriptHash,
  }
}
