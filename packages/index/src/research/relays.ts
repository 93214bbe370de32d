import { toAddress, toBytes32, toUint256 } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, Hex } from '../types.ts'

/** An enrollment a hospital gateway relayed for a patient, and what became of its result. */
export type ResearchRelay = { studyId: bigint; nullifier: bigint; patient: Address; resultHash: Hex | null; forwardedAt: string | null }

type RelayRow = { study_id: string; nullifier: string; patient: Address; result_hash: Hex | null; forwarded_at: string | Date | null }

/** Records that `patient` had this gateway enroll `nullifier`; an existing relay is kept. */
export async function saveResearchRelay(db: SqlExecutor, relay: { studyId: bigint; nullifier: bigint; patient: Address }): Promise<void> {
  await db.query('INSERT INTO research_relays (study_id, nullifier, patient) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    toUint256('studyId', relay?.studyId),
    toUint256('nullifier', relay.nullifier),
    toAddress('patient', relay.patient),
  ])
}

/** A relayed enrollment, or undefined. */
export async function getResearchRelay(db: SqlExecutor, { studyId, nullifier }: { studyId: bigint; nullifier: bigint }): Promise<ResearchRelay | undefined> {
  const { rows } = await db.query<RelayRow>('SELECT * FROM research_relays WHERE study_id = $1 AND nullifier = $2', [toUint256('studyId', studyId), toUint256('nullifier', nullifier)])
  const row = rows[0]
  return (
    row && {
      studyId: BigInt(row.study_id),
      nullifier: BigInt(row.nullifier),
      patient: row.patient,
      resultHash: row.result_hash,
      forwardedAt: row.forwarded_at === null ? null : new Date(row.forwarded_at).toISOString(),
    }
  )
}

/** Notes the result hash recorded on chain and, once the institution took it, when it was forwarded. */
export async function markResearchRelay(db: SqlExecutor, update: { studyId: bigint; nullifier: bigint; resultHash: Hex; forwarded: boolean }): Promise<void> {
  await db.query(
    'UPDATE research_relays SET result_hash = $3, forwarded_at = CASE WHEN $4 THEN coalesce(forwarded_at, now()) ELSE forwarded_at END WHERE study_id = $1 AND nullifier = $2',
    [toUint256('studyId', update?.studyId), toUint256('nullifier', update.nullifier), toBytes32('resultHash', update.resultHash), update.forwarded === true],
  )
}
