import { optional, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { TimestampInput } from '../types.ts'

/** Options of {@link markErased}. */
export type MarkErasedOptions = {
  recordKey: string
  reason: string
  /** When the erasure happened (the chain event's time when rebuilding); now when omitted. */
  at?: TimestampInput | undefined
}

/**
 * Marks every version of a record erased and deletes its search parameters: codes and dates are
 * health data too, and an erased record must never match a search again. The rows themselves
 * stay (with `erasedAt` set) so reads answer 410 Gone rather than 404. Returns the number of
 * versions newly marked.
 */
export async function markErased(db: SqlExecutor, { recordKey, reason, at }: MarkErasedOptions): Promise<number> {
  const key = toText('recordKey', recordKey, 256)
  const params = [key, toText('reason', reason, 256), optional(at, (v) => toTimestamp('at', v))]
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      'UPDATE records SET erased_at = coalesce($3, now()), erasure_reason = $2 WHERE record_key = $1 AND erased_at IS NULL',
      params,
    )
    await tx.query('DELETE FROM search_params WHERE record_key = $1', [key])
    return rowCount
  })
}

/** Options of {@link destroyWrappedKeys}. */
export type DestroyWrappedKeysOptions = { recordKey: string }

/**
 * Crypto-shredding: empties the wrapped data keys of every version of a record, so no reader can
 * unwrap them from the index again. Returns the number of versions that held keys.
 */
export async function destroyWrappedKeys(db: SqlExecutor, { recordKey }: DestroyWrappedKeysOptions): Promise<number> {
  const { rowCount } = await db.query(`UPDATE records SET wrapped_keys = '{}' WHERE record_key = $1 AND wrapped_keys <> '{}'`, [
    toText('recordKey', recordKey, 256),
  ])
  return rowCount
}
