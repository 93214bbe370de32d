import { createHash } from 'node:crypto'
import { buildRangeQueriesInParallel, parseCiphertext, parsePublicKey, serializeCiphertext } from '@medchain/paillier'
import { ResearchError } from '../errors.ts'
import type { StudyDocument } from '../study/studyDocument.ts'
import type { IndicatorClass } from './classes.ts'

/**
 * What a holder sends the institution after enrolling, off chain; the chain records its
 * SHA-256. Paillier mode carries the blinded comparisons A_j, B_j; verified mode the class
 * vector and the salt that opens the commitment proven at enrollment.
 */
export type StudyResult =
  | { version: 1; mode: 'paillier'; studyId: string; nullifier: string; queries: { a: string; b: string }[] }
  | { version: 1; mode: 'verified'; studyId: string; nullifier: string; classes: IndicatorClass[]; classSalt: string }

/**
 * Paillier mode, holder side (research-protocol.md section 4): blinds each value against E(lo),
 * E(hi); large studies spread over the holder's cores.
 */
export async function buildPaillierResult(document: StudyDocument, nullifier: bigint, values: readonly bigint[]): Promise<StudyResult> {
  const paillier = document.paillier
  if (document.mode !== 'paillier' || !paillier) throw new ResearchError('the study is not in paillier mode', { code: 'RESEARCH_INVALID_STUDY' })
  const publicKey = parsePublicKey(paillier.publicKey)
  const queries = await buildRangeQueriesInParallel(publicKey, {
    lambda: paillier.lambda,
    indicators: document.indicators.map((indicator, j) => ({
      value: values[j]!,
      bounds: { min: BigInt(indicator.plausibleLow), max: BigInt(indicator.plausibleHigh) },
      range: {
        low: parseCiphertext(publicKey, paillier.encryptedRanges[j]!.low),
        high: parseCiphertext(publicKey, paillier.encryptedRanges[j]!.high),
      },
    })),
  })
  return {
    version: 1,
    mode: 'paillier',
    studyId: document.studyId,
    nullifier: nullifier.toString(),
    queries: queries.map((query) => ({ a: serializeCiphertext(publicKey, query.a), b: serializeCiphertext(publicKey, query.b) })),
  }
}

/** Verified mode, holder side: the classes the enrollment proof committed to. */
export function buildVerifiedResult(document: StudyDocument, nullifier: bigint, classes: readonly IndicatorClass[], classSalt: bigint): StudyResult {
  return { version: 1, mode: 'verified', studyId: document.studyId, nullifier: nullifier.toString(), classes: [...classes], classSalt: classSalt.toString() }
}

/** The bytes of a result and the SHA-256 the holder records on chain. */
export function encodeStudyResult(result: StudyResult): { bytes: Uint8Array; hash: `0x${string}` } {
  const bytes = new TextEncoder().encode(JSON.stringify(result))
  return { bytes, hash: `0x${createHash('sha256').update(bytes).digest('hex')}` }
}
