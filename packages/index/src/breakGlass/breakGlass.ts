import { optional, toAddress, toBlock, toBytes32, toInt, toOneOf, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, Hex, TimestampInput } from '../types.ts'

/** Where the review of an emergency access stands (IEmergencyAccess.ReviewStatus). */
export type ReviewStatus = 'pending' | 'justified' | 'unjustified'

/** An emergency (break-glass) access, mirrored from chain, with its local justification text. */
export type BreakGlassAccess = {
  accessId: Hex
  patient: Address
  member: Address
  clinician: Address
  reasonCode: number
  /** What the chain holds of the justification. */
  justificationHash: Hex
  /** The free text itself: local to this hospital, null when this gateway did not open the access. */
  justificationText: string | null
  openedAt: string
  expiresAt: string
  openedBlock: number
  reviewStatus: ReviewStatus
  reviewer: Address | null
  reviewedAt: string | null
  /** Hash of the reviewer's note (the note itself is not on chain). */
  reviewNoteHash: Hex | null
}

/** A `BreakGlassOpened` event to mirror, with the justification text when this gateway has it. */
export type BreakGlassOpenedInput = Omit<BreakGlassAccess, 'openedAt' | 'expiresAt' | 'justificationText' | 'reviewStatus' | 'reviewer' | 'reviewedAt' | 'reviewNoteHash'> & {
  openedAt: TimestampInput
  expiresAt: TimestampInput
  justificationText?: string | null | undefined
}

/** Mirrors an opened access (replays are harmless) and keeps its justification text locally. */
export async function upsertBreakGlass(db: SqlExecutor, access: BreakGlassOpenedInput): Promise<void> {
  const accessId = toBytes32('accessId', access?.accessId)
  const params = [
    accessId,
    toAddress('patient', access.patient),
    toAddress('member', access.member),
    toAddress('clinician', access.clinician),
    toInt('reasonCode', access.reasonCode),
    toBytes32('justificationHash', access.justificationHash),
    toTimestamp('openedAt', access.openedAt),
    toTimestamp('expiresAt', access.expiresAt),
    toBlock('openedBlock', access.openedBlock),
  ]
  const text = optional(access.justificationText, (v) => toText('justificationText', v, 10_000))
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO break_glass (access_id, patient, member, clinician, reason_code, justification_hash, opened_at, expires_at, opened_block)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (access_id) DO UPDATE SET expires_at = excluded.expires_at`,
      params,
    )
    if (text !== null) {
      await tx.query(
        `INSERT INTO break_glass_justifications (access_id, justification_text) VALUES ($1, $2)
         ON CONFLICT (access_id) DO UPDATE SET justification_text = excluded.justification_text`,
        [accessId, text],
      )
    }
  })
}

/** Options of {@link reviewBreakGlass}. */
export type ReviewBreakGlassOptions = {
  accessId: Hex
  status: Exclude<ReviewStatus, 'pending'>
  reviewer: Address
  reviewedAt: TimestampInput
  noteHash?: Hex | null | undefined
}

/** Mirrors a `BreakGlassReviewed` event. Returns false when the access is unknown. */
export async function reviewBreakGlass(db: SqlExecutor, options: ReviewBreakGlassOptions): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE break_glass SET review_status = $2, reviewer = $3, reviewed_at = $4, review_note_hash = $5 WHERE access_id = $1',
    [
      toBytes32('accessId', options?.accessId),
      toOneOf('status', options.status, ['justified', 'unjustified']),
      toAddress('reviewer', options.reviewer),
      toTimestamp('reviewedAt', options.reviewedAt),
      optional(options.noteHash, (v) => toBytes32('noteHash', v)),
    ],
  )
  return rowCount > 0
}

/** Options of {@link listBreakGlass}. */
export type ListBreakGlassOptions = { patient?: Address | undefined; pendingReview?: boolean | undefined }

type BreakGlassRow = {
  access_id: Hex
  patient: Address
  member: Address
  clinician: Address
  reason_code: number
  justification_hash: Hex
  justification_text: string | null
  opened_at: string
  expires_at: string
  opened_block: string
  review_status: ReviewStatus
  reviewer: Address | null
  reviewed_at: string | null
  review_note_hash: Hex | null
}

/** Emergency accesses, newest first: of one patient, and/or only those awaiting review. */
export async function listBreakGlass(db: SqlExecutor, options: ListBreakGlassOptions = {}): Promise<BreakGlassAccess[]> {
  const { rows } = await db.query<BreakGlassRow>(
    `SELECT b.*, j.justification_text FROM break_glass b LEFT JOIN break_glass_justifications j ON j.access_id = b.access_id
     WHERE ($1::text IS NULL OR b.patient = $1) AND (NOT $2 OR b.review_status = 'pending')
     ORDER BY b.opened_at DESC, b.access_id`,
    [optional(options.patient, (v) => toAddress('patient', v)), options.pendingReview === true],
  )
  return rows.map((row) => ({
    accessId: row.access_id,
    patient: row.patient,
    member: row.member,
    clinician: row.clinician,
    reasonCode: row.reason_code,
    justificationHash: row.justification_hash,
    justificationText: row.justification_text,
    openedAt: row.opened_at,
    expiresAt: row.expires_at,
    openedBlock: Number(row.opened_block),
    reviewStatus: row.review_status,
    reviewer: row.reviewer,
    reviewedAt: row.reviewed_at,
    reviewNoteHash: row.review_note_hash,
  }))
}
