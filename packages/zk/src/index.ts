export { ZkError, ZkErrorCodes, type ZkErrorCode, type ZkErrorOptions } from './errors.ts'
export { SNARK_FIELD, assertFieldElement, assertUintBits } from './field.ts'
export { loadPoseidon, type PoseidonHash } from './poseidon.ts'
export { hashMany } from './hashMany.ts'
export {
  CIRCUITS,
  CIRCUIT_NAMES,
  INDICATOR_SLOTS,
  VALUE_BITS,
  TIME_BITS,
  ARTIFACTS_DIR,
  CIRCUIT_SOURCES_DIR,
  getCircuit,
  circuitFor,
  artifactPaths,
  defaultArtifactsDir,
  type Circuit,
  type CircuitName,
} from './circuits.ts'
export { prove, verify, releaseProver, type ProofWithSignals, type Groth16Proof } from './prover.ts'
export { toSolidityProof, type SolidityProof } from './calldata.ts'
export { readManifest, sha256File, assertArtifactsMatch, type CircuitManifest, type CircuitManifestEntry } from './manifest.ts'
export { compileCircuit, type CompiledCircuit } from './ceremony/compileCircuit.ts'
export { runPhase2, type RunPhase2Parameters, type Phase2Contributor, type Phase2Result, type Phase2Step } from './ceremony/runPhase2.ts'
export { completeKeySet } from './ceremony/completeKeySet.ts'
