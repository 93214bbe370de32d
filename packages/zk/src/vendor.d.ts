// snarkjs and circomlibjs ship no type declarations; these cover the calls this package makes.
declare module 'snarkjs' {
  export type Groth16Proof = {
    pi_a: string[]
    pi_b: string[][]
    pi_c: string[]
    protocol: string
    curve: string
  }
  export const groth16: {
    fullProve(input: Record<string, unknown>, wasmFile: string, zkeyFile: string, logger?: unknown): Promise<{ proof: Groth16Proof; publicSignals: string[] }>
    verify(vkey: unknown, publicSignals: readonly string[], proof: Groth16Proof, logger?: unknown): Promise<boolean>
  }
  export const wtns: {
    calculate(input: Record<string, unknown>, wasmFile: string, wtnsFile: unknown): Promise<void>
    check(r1csFile: string, wtnsFile: string, logger?: unknown): Promise<boolean>
  }
  export const zKey: {
    newZKey(r1csName: string, ptauName: string, zkeyName: string, logger?: unknown): Promise<unknown>
    contribute(zkeyOld: string, zkeyNew: string, name: string, entropy: string, logger?: unknown): Promise<Uint8Array>
    beacon(zkeyOld: string, zkeyNew: string, name: string, beaconHashHex: string, numIterationsExp: number, logger?: unknown): Promise<Uint8Array>
    verifyFromR1cs(r1csName: string, ptauName: string, zkeyName: string, logger?: unknown): Promise<boolean>
    exportVerificationKey(zkeyName: string, logger?: unknown): Promise<Record<string, unknown>>
    exportSolidityVerifier(zkeyName: string, templates: Record<string, string>, logger?: unknown): Promise<string>
  }
}

declare module 'circomlibjs' {
  export type PoseidonField = { toObject(element: Uint8Array): bigint }
  export type Poseidon = ((inputs: readonly bigint[]) => Uint8Array) & { F: PoseidonField }
  export function buildPoseidon(): Promise<Poseidon>
}
