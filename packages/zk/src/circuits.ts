import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { ZkError } from './errors.ts'

/** The enrollment circuits built into this release: two size classes, each in both modes. */
export const CIRCUITS = {
  enroll8: { name: 'enroll8', indicators: 8, verified: false, verifierContract: 'Enroll8Verifier' },
  enroll32: { name: 'enroll32', indicators: 32, verified: false, verifierContract: 'Enroll32Verifier' },
  verified8: { name: 'verified8', indicators: 8, verified: true, verifierContract: 'Verified8Verifier' },
  verified32: { name: 'verified32', indicators: 32, verified: true, verifierContract: 'Verified32Verifier' },
} as const

export type CircuitName = keyof typeof CIRCUITS
export type Circuit = (typeof CIRCUITS)[CircuitName]
export const CIRCUIT_NAMES = Object.keys(CIRCUITS) as CircuitName[]

/** Slots in an attested indicator set (circuits/lib/indicatorTree.circom). */
export const INDICATOR_SLOTS = 32
/** Bit width of codes, values and bounds (VALUE_BITS in circuits/lib/enroll.circom). */
export const VALUE_BITS = 24
/** Bit width of measurement times, unix seconds (TIME_BITS in circuits/lib/enroll.circom). */
export const TIME_BITS = 40

/** The directory holding the committed witness generators, keys and manifest. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../circuits/artifacts/', import.meta.url))
/** The circom sources. */
export const CIRCUIT_SOURCES_DIR = fileURLToPath(new URL('../../../circuits/', import.meta.url))

/** Looks a circuit up by name. */
export function getCircuit(name: string): Circuit {
  if (!Object.hasOwn(CIRCUITS, name)) {
    throw new ZkError(`unknown circuit "${name}"`, { code: 'ZK_UNKNOWN_CIRCUIT', details: `known: ${CIRCUIT_NAMES.join(', ')}` })
  }
  return CIRCUITS[name as CircuitName]
}

/** The smallest circuit that fits `indicatorCount` required indicators in the given mode. */
export function circuitFor(indicatorCount: number, verified: boolean): Circuit {
  if (!Number.isSafeInteger(indicatorCount) || indicatorCount < 1) {
    throw new ZkError('"indicatorCount" expected a positive integer', { code: 'ZK_INVALID_ARGUMENT' })
  }
  const fits = Object.values(CIRCUITS)
    .filter((circuit) => circuit.verified === verified && circuit.indicators >= indicatorCount)
    .sort((a, b) => a.indicators - b.indicators)[0]
  if (!fits) {
    throw new ZkError(`no circuit takes ${indicatorCount} indicators`, { code: 'ZK_UNKNOWN_CIRCUIT', details: 'the largest size class is 32' })
  }
  return fits
}

/**
 * The keys in force: `MEDCHAIN_CIRCUITS_DIR` (a ceremony's output) when set, else the committed
 * development keys.
 */
export function defaultArtifactsDir(): string {
  return process.env.MEDCHAIN_CIRCUITS_DIR || ARTIFACTS_DIR
}

/** Where a circuit's artifacts live. */
export function artifactPaths(name: CircuitName, dir: string = defaultArtifactsDir()): { wasm: string; zkey: string; vkey: string } {
  return { wasm: join(dir, `${name}.wasm`), zkey: join(dir, `${name}.zkey`), vkey: join(dir, `${name}.vkey.json`) }
}
