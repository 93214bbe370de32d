import { invalid, optional, toBytes32, toOneOf, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex, TimestampInput } from '../types.ts'

/** The verdicts a scan can get (the gateway's verify API). */
export const SCAN_VERDICTS = ['genuine', 'unknown-serial', 'already-dispensed', 'recalled-lot', 'expired', 'custody-broken'] as const
export type ScanVerdict = (typeof SCAN_VERDICTS)[number]

/** One public scan of a unit's Digital Link; `lat`/`lng` are rounded to 0.1 degree. */
export type SupplyScan = {
  scanId: Hex
  unitId: Hex
  gtin: string
  serial: string
  verdict: ScanVerdict
  lat: number | null
  lng: number | null
  at: string
}

type ScanRow = { scan_id: Hex; unit_id: Hex; gtin: string; serial: string; verdict: ScanVerdict; lat: string | null; lng: string | null; at: string }

const fromRow = (row: ScanRow): SupplyScan => ({
  scanId: row.scan_id,
  unitId: row.unit_id,
  gtin: row.gtin,
  serial: row.serial,
  verdict: row.verdict,
  lat: row.lat === null ? null : Number(row.lat),
  lng: row.lng === null ? null : Number(row.lng),
  at: row.at,
})

/** Rounds a coordinate to 0.1 degree (about 11 km): where a scan happened, never who scanned. */
const coarse = (name: string, value: unknown, limit: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) throw invalid(`"${name}" expected a number in [-${limit}, ${limit}]`)
  return Math.round(value * 10) / 10
}

/** What {@link recordScan} takes. */
export type RecordScanOptions = Omit<SupplyScan, 'lat' | 'lng' | 'at'> & { lat?: number | null | undefined; lng?: number | null | undefined; at: TimestampInput }

/** Records a scan (a place is optional: a scanner may not share it). */
export async function recordScan(db: SqlExecutor, scan: RecordScanOptions): Promise<SupplyScan> {
  const { rows } = await db.query<ScanRow>(
    `INSERT INTO supply_scans (scan_id, unit_id, gtin, serial, verdict, lat, lng, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      toBytes32('scanId', scan?.scanId),
      toBytes32('unitId', scan.unitId),
      toText('gtin', scan.gtin, 14),
      toText('serial', scan.serial, 20),
      toOneOf('verdict', scan.verdict, SCAN_VERDICTS),
      optional(scan.lat, (v) => coarse('lat', v, 90)),
      optional(scan.lng, (v) => coarse('lng', v, 180)),
      toTimestamp('at', scan.at),
    ],
  )
  return fromRow(rows[0] as ScanRow)
}

/**
 * Adds the place to a scan that has none yet, at most `withinMs` after it was made; returns the
 * scan, or undefined when unknown, too old or already placed.
 */
export async function setScanPlace(db: SqlExecutor, { scanId, lat, lng, withinMs }: { scanId: Hex; lat: number; lng: number; withinMs: number }): Promise<SupplyScan | undefined> {
  const { rows } = await db.query<ScanRow>(
    `UPDATE supply_scans SET lat = $2, lng = $3 WHERE scan_id = $1 AND lat IS NULL AND at > now() - ($4::bigint * interval '1 millisecond') RETURNING *`,
    [toBytes32('scanId', scanId), coarse('lat', lat, 90), coarse('lng', lng, 180), Math.max(0, Math.floor(withinMs))],
  )
  return rows[0] && fromRow(rows[0])
}

/** A unit's scans that carry a place, since `since`, newest first (at most 200). */
export async function listPlacedScans(db: SqlExecutor, { unitId, since }: { unitId: Hex; since: TimestampInput }): Promise<SupplyScan[]> {
  const { rows } = await db.query<ScanRow>(
    'SELECT * FROM supply_scans WHERE unit_id = $1 AND at >= $2 AND lat IS NOT NULL ORDER BY at DESC LIMIT 200',
    [toBytes32('unitId', unitId), toTimestamp('since', since)],
  )
  return rows.map(fromRow)
}

/** How many scans a unit had (every verdict), for the verify page. */
export async function countScans(db: SqlExecutor, { unitId }: { unitId: Hex }): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM supply_scans WHERE unit_id = $1', [toBytes32('unitId', unitId)])
  return Number(rows[0]?.count ?? 0)
}
