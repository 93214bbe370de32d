import { ZkError } from './errors.ts'

/** The BN254 scalar field order: every circuit signal is an integer below it. */
export const SNARK_FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

/** Checks that `value` is a field element, naming the argument in the error. */
export function assertFieldElement(name: string, value: unknown): bigint {
  if (typeof value !== 'bigint') throw new ZkError(`"${name}" expected a bigint, got ${typeof value}`, { code: 'ZK_INVALID_ARGUMENT' })
  if (value < 0n || value >= SNARK_FIELD) throw new ZkError(`"${name}" expected a field element (0 <= x < r)`, { code: 'ZK_INVALID_ARGUMENT' })
  return value
}

/** Checks that `value` is an unsigned integer of at most `bits` bits. */
export function assertUintBits(name: string, value: unknown, bits: number): bigint {
  if (typeof value !== 'bigint') throw new ZkError(`"${name}" expected a bigint, got ${typeof value}`, { code: 'ZK_INVALID_ARGUMENT' })
  if (value < 0n || value >= 1n << BigInt(bits)) {
    throw new ZkError(`"${name}" expected an unsigned ${bits}-bit integer`, { code: 'ZK_INVALID_ARGUMENT' })
  }
  return value
}
