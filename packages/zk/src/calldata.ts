import type { ProofWithSignals } from './prover.ts'

/** A proof laid out for the generated Solidity verifiers' `verifyProof(a, b, c, input)`. */
export type SolidityProof = {
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}

/** Converts a snarkjs proof to verifier calldata; G2 coordinates swap order for the EVM precompile. */
export function toSolidityProof({ proof }: ProofWithSignals): SolidityProof {
  const g1 = (point: readonly string[]) => [BigInt(point[0]!), BigInt(point[1]!)] as const
  const [b0, b1] = [proof.pi_b[0]!, proof.pi_b[1]!]
  return {
    a: g1(proof.pi_a),
    b: [
      [BigInt(b0[1]!), BigInt(b0[0]!)],
      [BigInt(b1[1]!), BigInt(b1[0]!)],
    ],
    c: g1(proof.pi_c),
  }
}
