import { VALUE_BITS, getCircuit, hashMany, type PoseidonHash } from '@medchain/zk'
import { loincToField } from '../encoding/loincCode.ts'
import type { RangeOpening, StudyDocument } from './studyDocument.ts'

const SHIFT = BigInt(VALUE_BITS)

/** code + lower * 2^24 + upper * 2^48: one field element per indicator (circuits/lib/enroll.circom). */
export function packIndicator(code: bigint, lower: bigint, upper: bigint): bigint {
  return code + (lower << SHIFT) + (upper << (2n * SHIFT))
}

/**
 * The one public input that stands for all study parameters: Poseidon over the study id, the
 * freshness limit, the range commitment and each packed indicator, padded with zeros to the
 * circuit's size class (an unused position has code 0).
 */
export function studyHashOf(poseidon: PoseidonHash, document: StudyDocument): bigint {
  const size = getCircuit(document.circuit).indicators
  const packed = document.indicators.map((indicator) =>
    packIndicator(loincToField(indicator.code), BigInt(indicator.plausibleLow), BigInt(indicator.plausibleHigh)),
  )
  const padding = new Array<bigint>(size - packed.length).fill(0n)
  return hashMany(poseidon, [BigInt(document.studyId), BigInt(document.notBefore), BigInt(document.rangeCommitment), ...packed, ...padding])
}

/** Poseidon commitment to the reference ranges: low + high * 2^24 per indicator, then the salt. */
export function rangeCommitmentOf(poseidon: PoseidonHash, opening: RangeOpening, size: number): bigint {
  const packed = opening.ranges.map((range) => BigInt(range.low) + (BigInt(range.high) << SHIFT))
  const padding = new Array<bigint>(size - packed.length).fill(0n)
  return hashMany(poseidon, [...packed, ...padding, BigInt(opening.salt)])
}
