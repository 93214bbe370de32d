import type { SqlExecutor } from './driver/SqlDriver.ts'

/**
 * The tables a rebuild refills from the chain and the store. The others are local state the
 * chain does not hold: patient_links, break_glass_justifications and audit_entries (only batch
 * roots of the audit log go on chain), and the supply scans, alerts and dispense links.
 */
export const DERIVED_TABLES = ['records', 'search_params', 'patients', 'consents', 'break_glass', 'chain_cursor', 'supply_units', 'supply_events', 'supply_devices'] as const

/** Empties every derived table at once (a rebuild then follows the chain from block 0). */
export async function truncateDerivedTables(db: SqlExecutor): Promise<void> {
  await db.query(`TRUNCATE ${DERIVED_TABLES.join(', ')}`)
}
