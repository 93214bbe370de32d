import { optional, toArray, toBytes32, toOneOf, toText, toUint256 } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex } from '../types.ts'

/** A study this gateway published: where its document is, and what it keeps for holders. */
export type ResearchStudy = {
  studyId: bigint
  /** SHA-256 of the document bytes: their blob address and what the chain records. */
  documentHash: Hex
  mode: 'paillier' | 'verified'
  /** LOINC codes of the indicators, in study order. */
  codes: string[]
  /** Verified mode: the reference ranges and salt behind the study's range commitment. */
  rangeOpening: { ranges: { low: string; high: string }[]; salt: string } | null
  createdAt: string
}

type StudyRow = { study_id: string; document_hash: Hex; mode: 'paillier' | 'verified'; codes: string[]; range_opening: ResearchStudy['rangeOpening']; created_at: string | Date }

/** What {@link saveResearchStudy} takes. */
export type ResearchStudyInput = Omit<ResearchStudy, 'createdAt'>

/** Stores a published study; a second save of the same id changes nothing. */
export async function saveResearchStudy(db: SqlExecutor, study: ResearchStudyInput): Promise<void> {
  const codes = toArray('codes', study?.codes).map((code, i) => toText(`codes[${i}]`, code, 16))
  await db.query(
    'INSERT INTO research_studies (study_id, document_hash, mode, codes, range_opening) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) ON CONFLICT (study_id) DO NOTHING',
    [
      toUint256('studyId', study.studyId),
      toBytes32('documentHash', study.documentHash),
      toOneOf('mode', study.mode, ['paillier', 'verified'] as const),
      JSON.stringify(codes),
      optional(study.rangeOpening, (v) => JSON.stringify(v)),
    ],
  )
}

/** A study this gateway published, or undefined. */
export async function getResearchStudy(db: SqlExecutor, { studyId }: { studyId: bigint }): Promise<ResearchStudy | undefined> {
  const { rows } = await db.query<StudyRow>('SELECT * FROM research_studies WHERE study_id = $1', [toUint256('studyId', studyId)])
  const row = rows[0]
  return (
    row && {
      studyId: BigInt(row.study_id),
      documentHash: row.document_hash,
      mode: row.mode,
      codes: row.codes,
      rangeOpening: row.range_opening,
      createdAt: new Date(row.created_at).toISOString(),
    }
  )
}
