import { optional, toAddress, toArray, toBlock, toBytes32, toInt, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks } from '../internal/chunks.ts'
import type { Address, Hex } from '../types.ts'

/** A commissioned drug unit, alone (`batchId` null) or at `leafIndex` of a batch tree. */
export type SupplyUnit = {
  unitId: Hex
  gtin: string
  serial: string
  lotId: Hex
  lot: string
  /** YYMMDD. */
  expiry: number
  batchId: Hex | null
  leafIndex: number | null
  manufacturer: Address
  block: number
}

type UnitRow = { unit_id: Hex; gtin: string; serial: string; lot_id: Hex; lot: string; expiry: number; batch_id: Hex | null; leaf_index: number | null; manufacturer: Address; block: string }

const fromRow = (row: UnitRow): SupplyUnit => ({
  unitId: row.unit_id,
  gtin: row.gtin,
  serial: row.serial,
  lotId: row.lot_id,
  lot: row.lot,
  expiry: row.expiry,
  batchId: row.batch_id,
  leafIndex: row.leaf_index,
  manufacturer: row.manufacturer,
  block: Number(row.block),
})

/**
 * Mirrors commissioned units. A unit id seen before keeps its first row: the first commissioning
 * of a serial is the genuine one (the contract cannot see serials inside other batches).
 */
export async function insertSupplyUnits(db: SqlExecutor, units: readonly SupplyUnit[]): Promise<void> {
  const rows = toArray('units', units).map((u, i) => {
    const unit = u as SupplyUnit
    return [
      toBytes32(`units[${i}].unitId`, unit.unitId),
      toText(`units[${i}].gtin`, unit.gtin, 14),
      toText(`units[${i}].serial`, unit.serial, 20),
      toBytes32(`units[${i}].lotId`, unit.lotId),
      toText(`units[${i}].lot`, unit.lot, 20),
      toInt(`units[${i}].expiry`, unit.expiry, 0, 991231),
      optional(unit.batchId, (v) => toBytes32(`units[${i}].batchId`, v)),
      optional(unit.leafIndex, (v) => toInt(`units[${i}].leafIndex`, v)),
      toAddress(`units[${i}].manufacturer`, unit.manufacturer),
      toBlock(`units[${i}].block`, unit.block),
    ]
  })
  for (const chunk of chunks(rows, 500)) {
    const values = chunk.map((_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')})`).join(', ')
    await db.query(
      `INSERT INTO supply_units (unit_id, gtin, serial, lot_id, lot, expiry, batch_id, leaf_index, manufacturer, block) VALUES ${values} ON CONFLICT (unit_id) DO NOTHING`,
      chunk.flat(),
    )
  }
}

/** The unit of `unitId`, or undefined when never commissioned (as far as the index followed). */
export async function getSupplyUnit(db: SqlExecutor, { unitId }: { unitId: Hex }): Promise<SupplyUnit | undefined> {
  const { rows } = await db.query<UnitRow>('SELECT * FROM supply_units WHERE unit_id = $1', [toBytes32('unitId', unitId)])
  return rows[0] && fromRow(rows[0])
}
