import { toArray, toBytes32, toInt, toUint256 } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex } from '../types.ts'

/** The class vector an institution read from one enrollment's result. */
export type ResearchResult = { studyId: bigint; nullifier: bigint; resultHash: Hex; classes: (-1 | 0 | 1)[]; receivedAt: string }

type ResultRow = { study_id: string; nullifier: string; result_hash: Hex; classes: (-1 | 0 | 1)[]; received_at: string | Date }

const fromRow = (row: ResultRow): ResearchResult => ({
  studyId: BigInt(row.study_id),
  nullifier: BigInt(row.nullifier),
  resultHash: row.result_hash,
  classes: row.classes,
  receivedAt: new Date(row.received_at).toISOString(),
})

/**
 * Stores a class vector once: returns true when stored, false when this enrollment already had
 * one (a result is read once; a second delivery changes nothing).
 */
export async function saveResearchResult(db: SqlExecutor, result: Omit<ResearchResult, 'receivedAt'>): Promise<boolean> {
  const classes = toArray('classes', result?.classes).map((c, i) => toInt(`classes[${i}]`, c, -1, 1))
  const { rows } = await db.query(
    'INSERT INTO research_results (study_id, nullifier, result_hash, classes) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING RETURNING nullifier',
    [toUint256('studyId', result.studyId), toUint256('nullifier', result.nullifier), toBytes32('resultHash', result.resultHash), JSON.stringify(classes)],
  )
  return rows.length === 1
}

/** One enrollment's class vector, or undefined. */
export async function getResearchResult(db: SqlExecutor, { studyId, nullifier }: { studyId: bigint; nullifier: bigint }): Promise<ResearchResult | undefined> {
  const { rows } = await db.query<ResultRow>('SELECT * FROM research_results WHERE study_id = $1 AND nullifier = $2', [
    toUint256('studyId', studyId),
    toUint256('nullifier', nullifier),
  ])
  return rows[0] && fromRow(rows[0])
}

/** Every class vector of a study, in arrival order (the input of its distribution). */
export async function listResearchResults(db: SqlExecutor, { studyId }: { studyId: bigint }): Promise<ResearchResult[]> {
  const { rows } = await db.query<ResultRow>('SELECT * FROM research_results WHERE study_id = $1 ORDER BY received_at, nullifier', [toUint256('studyId', studyId)])
  return rows.map(fromRow)
}
