import { readFile } from 'node:fs/promises'
import * as snarkjs from 'snarkjs'
import type { Groth16Proof } from 'snarkjs'
import { artifactPaths, type CircuitName } from './circuits.ts'
import { ZkError } from './errors.ts'
import { assertArtifactsMatch } from './manifest.ts'

export type { Groth16Proof }

/** A Groth16 proof with its public signals (outputs first, then public inputs, as circom orders them). */
export type ProofWithSignals = { proof: Groth16Proof; publicSignals: bigint[] }

/**
 * Proves a circuit statement with the keys in `artifactsDir` (the committed development keys by
 * default; a ceremony's output in production), checked against their manifest first. A false
 * statement fails in witness generation, before any proving work, with `ZK_WITNESS_FAILED`; the
 * message never repeats the private inputs.
 */
export async function prove(circuit: CircuitName, input: Record<string, unknown>, artifactsDir?: string): Promise<ProofWithSignals> {
  await assertArtifactsMatch(circuit, artifactsDir)
  const paths = artifactPaths(circuit, artifactsDir)
  let result: { proof: Groth16Proof; publicSignals: string[] }
  try {
    result = await snarkjs.groth16.fullProve(input, paths.wasm, paths.zkey)
  } catch (error) {
    throw new ZkError(`the inputs do not satisfy circuit ${circuit}`, { code: 'ZK_WITNESS_FAILED', details: constraintLocation(error) })
  }
  return { proof: result.proof, publicSignals: result.publicSignals.map((signal) => BigInt(signal)) }
}

/** Checks a proof off chain against the committed verification key. */
export async function verify(circuit: CircuitName, proofWithSignals: ProofWithSignals, artifactsDir?: string): Promise<boolean> {
  await assertArtifactsMatch(circuit, artifactsDir)
  const vkey: unknown = JSON.parse(await readFile(artifactPaths(circuit, artifactsDir).vkey, 'utf8'))
  return snarkjs.groth16.verify(vkey, proofWithSignals.publicSignals.map(String), proofWithSignals.proof)
}

/**
 * Stops the prover's worker threads (snarkjs keeps one curve per process). Long-running servers
 * keep them; command-line runs and tests release them so the process can exit.
 */
export async function releaseProver(): Promise<void> {
  const holder = globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }
  const curve = holder.curve_bn128
  holder.curve_bn128 = null
  if (curve) await curve.terminate()
}

// circom's witness errors name the template and line ("Error in template Enroll_123 line: 95"),
// which says which rule failed without leaking a value.
function constraintLocation(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const match = /Error in template (\w+) line: (\d+)/.exec(text)
  return match ? `failed constraint in ${match[1]} (line ${match[2]})` : 'witness generation failed'
}
