import { toBytes32, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex } from '../types.ts'

/** The salt behind a dispense commitment and the record it links (local: never on chain). */
export type DispenseLink = { unitId: Hex; recordKey: string; salt: Hex }

/** Keeps the salt of a dispense commitment, so the link can be shown later. */
export async function saveDispenseLink(db: SqlExecutor, link: DispenseLink): Promise<void> {
  await db.query('INSERT INTO supply_dispense_links (unit_id, record_key, salt) VALUES ($1, $2, $3) ON CONFLICT (unit_id) DO NOTHING', [
    toBytes32('unitId', link?.unitId),
    toText('recordKey', link.recordKey, 200),
    toBytes32('salt', link.salt),
  ])
}

/** The link of a dispensed unit, if this gateway made one. */
export async function getDispenseLink(db: SqlExecutor, { unitId }: { unitId: Hex }): Promise<DispenseLink | undefined> {
  const { rows } = await db.query<{ unit_id: Hex; record_key: string; salt: Hex }>('SELECT * FROM supply_dispense_links WHERE unit_id = $1', [toBytes32('unitId', unitId)])
  const row = rows[0]
  return row && { unitId: row.unit_id, recordKey: row.record_key, salt: row.salt }
}
