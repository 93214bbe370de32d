import { createHash } from 'node:crypto'
import { ResearchError } from '../errors.ts'
import type { StudyDocument } from './studyDocument.ts'

const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024

/** Serialises a study document to the bytes that are hashed and stored. */
export function encodeStudyDocument(document: StudyDocument): { bytes: Uint8Array; hash: `0x${string}` } {
  const bytes = new TextEncoder().encode(JSON.stringify(document))
  return { bytes, hash: sha256Hex(bytes) }
}

/**
 * Parses study document bytes fetched from anywhere, checking them against the SHA-256 the chain
 * records first: a gateway cannot swap the parameters a patient enrolls under.
 */
export function decodeStudyDocument(bytes: Uint8Array, expectedHash: string): StudyDocument {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ResearchError('a study document exceeds 4 MiB', { code: 'RESEARCH_INVALID_STUDY' })
  if (sha256Hex(bytes) !== expectedHash.toLowerCase()) {
    throw new ResearchError('the study document does not match the hash on chain', { code: 'RESEARCH_INVALID_STUDY' })
  }
  let document: unknown
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new ResearchError('the study document is not JSON', { code: 'RESEARCH_INVALID_STUDY', cause: error })
  }
  return checkShape(document)
}

function checkShape(value: unknown): StudyDocument {
  const fail = (what: string) => new ResearchError(`the study document has a bad "${what}"`, { code: 'RESEARCH_INVALID_STUDY' })
  if (typeof value !== 'object' || value === null) throw fail('root')
  const doc = value as Record<string, unknown>
  if (doc.version !== 1) throw fail('version')
  if (doc.mode !== 'paillier' && doc.mode !== 'verified') throw fail('mode')
  for (const key of ['studyId', 'rangeCommitment']) if (typeof doc[key] !== 'string' || !/^\d+$/.test(doc[key] as string)) throw fail(key)
  for (const key of ['title', 'purpose', 'circuit']) if (typeof doc[key] !== 'string') throw fail(key)
  for (const key of ['notBefore', 'capacity', 'deadline']) if (!Number.isSafeInteger(doc[key])) throw fail(key)
  if (!Array.isArray(doc.indicators) || doc.indicators.length === 0) throw fail('indicators')
  for (const indicator of doc.indicators as unknown[]) {
    const row = indicator as Record<string, unknown>
    if (typeof row?.code !== 'string' || !Number.isSafeInteger(row.decimals)) throw fail('indicators')
    if (typeof row.plausibleLow !== 'string' || typeof row.plausibleHigh !== 'string') throw fail('indicators')
  }
  if (doc.mode === 'paillier') {
    const paillier = doc.paillier as Record<string, unknown> | undefined
    if (!paillier || !Array.isArray(paillier.encryptedRanges) || paillier.encryptedRanges.length !== doc.indicators.length) throw fail('paillier')
  }
  return value as StudyDocument
}

function sha256Hex(bytes: Uint8Array): `0x${string}` {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`
}
