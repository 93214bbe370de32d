import { randomBytes } from 'node:crypto'
import { encryptRanges, serializeCiphertext, serializePublicKey, DEFAULT_RANGE_LAMBDA, type PaillierPublicKey } from '@medchain/paillier'
import { circuitFor, type PoseidonHash } from '@medchain/zk'
import { encodeFixedPoint } from '../encoding/fixedPoint.ts'
import { decimalsOf } from '../encoding/indicatorScales.ts'
import { loincToField } from '../encoding/loincCode.ts'
import { ResearchError } from '../errors.ts'
import { encodeStudyDocument } from './studyCodec.ts'
import type { RangeOpening, StudyDocument, StudyMode } from './studyDocument.ts'
import { rangeCommitmentOf, studyHashOf } from './studyHash.ts'

/** One required indicator as the institution defines it, in clinical units. */
export type StudyIndicatorDefinition = {
  code: string
  /** Values outside are implausible (device error, wrong unit) and the holder cannot enroll. */
  plausible: { low: number; high: number }
  /** The reference range the study classifies against: secret from holders in paillier mode. */
  range: { low: number; high: number }
}

export type CreateStudyParameters = {
  title: string
  purpose: string
  mode: StudyMode
  indicators: readonly StudyIndicatorDefinition[]
  notBefore: number
  capacity: number
  deadline: number
  /** The institution's Paillier key (paillier mode). */
  paillierPublicKey?: PaillierPublicKey | undefined
  lambda?: number | undefined
  /** Random unless given. */
  studyId?: bigint | undefined
}

/** What the institution publishes and what it keeps. */
export type CreatedStudy = {
  document: StudyDocument
  /** The exact bytes whose SHA-256 goes on chain. */
  documentBytes: Uint8Array
  documentHash: `0x${string}`
  studyHash: bigint
  /** The ranges in fixed point; in verified mode also their opening for enrolled holders. */
  ranges: { low: bigint; high: bigint }[]
  rangeOpening?: RangeOpening | undefined
}

/** Builds a study (research-protocol.md section 2): its document, hashes and secrets. */
export function createStudy(poseidon: PoseidonHash, parameters: CreateStudyParameters): CreatedStudy {
  const { indicators, mode } = parameters
  if (indicators.length === 0) throw new ResearchError('"indicators" expected at least one indicator', { code: 'RESEARCH_INVALID_ARGUMENT' })
  const codes = new Set(indicators.map((indicator) => loincToField(indicator.code)))
  if (codes.size !== indicators.length) throw new ResearchError('"indicators" lists a code twice', { code: 'RESEARCH_INVALID_ARGUMENT' })
  const circuit = circuitFor(indicators.length, mode === 'verified')
  const encoded = indicators.map((indicator, j) => {
    const decimals = decimalsOf(indicator.code)
    const value = (x: number) => encodeFixedPoint(x, decimals)
    const row = { decimals, plausibleLow: value(indicator.plausible.low), plausibleHigh: value(indicator.plausible.high), low: value(indicator.range.low), high: value(indicator.range.high) }
    if (row.plausibleLow > row.plausibleHigh || row.low > row.high || row.low < row.plausibleLow || row.high > row.plausibleHigh) {
      throw new ResearchError(`"indicators[${j}]" expected plausible.low <= range.low <= range.high <= plausible.high`, { code: 'RESEARCH_INVALID_ARGUMENT' })
    }
    return row
  })
  const ranges = encoded.map(({ low, high }) => ({ low, high }))
  const rangeOpening =
    mode === 'verified'
      ? { ranges: ranges.map(({ low, high }) => ({ low: low.toString(), high: high.toString() })), salt: randomField().toString() }
      : undefined
  const document: StudyDocument = {
    version: 1,
    studyId: (parameters.studyId ?? randomField()).toString(),
    title: parameters.title,
    purpose: parameters.purpose,
    mode,
    circuit: circuit.name,
    notBefore: parameters.notBefore,
    capacity: parameters.capacity,
    deadline: parameters.deadline,
    indicators: indicators.map((indicator, j) => ({
      code: indicator.code,
      decimals: encoded[j]!.decimals,
      plausibleLow: encoded[j]!.plausibleLow.toString(),
      plausibleHigh: encoded[j]!.plausibleHigh.toString(),
    })),
    rangeCommitment: rangeOpening ? rangeCommitmentOf(poseidon, rangeOpening, circuit.indicators).toString() : '0',
  }
  if (mode === 'paillier') {
    const publicKey = parameters.paillierPublicKey
    if (!publicKey) throw new ResearchError('"paillierPublicKey" is required in paillier mode', { code: 'RESEARCH_INVALID_ARGUMENT' })
    const lambda = parameters.lambda ?? DEFAULT_RANGE_LAMBDA
    const encrypted = encryptRanges(publicKey, {
      lambda,
      ranges: encoded.map((row) => ({ bounds: { min: row.plausibleLow, max: row.plausibleHigh }, low: row.low, high: row.high })),
    })
    document.paillier = {
      publicKey: serializePublicKey(publicKey),
      lambda,
      encryptedRanges: encrypted.map((range) => ({ low: serializeCiphertext(publicKey, range.low), high: serializeCiphertext(publicKey, range.high) })),
    }
  }
  const { bytes, hash } = encodeStudyDocument(document)
  return { document, documentBytes: bytes, documentHash: hash, studyHash: studyHashOf(poseidon, document), ranges, rangeOpening }
}

// 31 random bytes: always below the BN254 field order.
function randomField(): bigint {
  return BigInt(`0x${randomBytes(31).toString('hex')}`)
}
