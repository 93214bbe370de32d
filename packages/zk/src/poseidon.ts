import { buildPoseidon } from 'circomlibjs'
import { assertFieldElement } from './field.ts'
import { ZkError } from './errors.ts'

/** Poseidon over 1 to 16 field elements, the same permutation circomlib's circuits use. */
export type PoseidonHash = (inputs: readonly bigint[]) => bigint

let loading: Promise<PoseidonHash> | undefined

/** Loads the Poseidon constants once (about half a second) and returns a synchronous hasher. */
export function loadPoseidon(): Promise<PoseidonHash> {
  loading ??= buildPoseidon().then((poseidon) => (inputs: readonly bigint[]) => {
    if (inputs.length < 1 || inputs.length > 16) {
      throw new ZkError(`"inputs" expected 1 to 16 field elements, got ${inputs.length}`, { code: 'ZK_INVALID_ARGUMENT' })
    }
    inputs.forEach((input, i) => assertFieldElement(`inputs[${i}]`, input))
    return poseidon.F.toObject(poseidon(inputs))
  })
  return loading
}
