import { optional, toAddress, toArray, toBytes32, toOneOf, toPage, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, Hex, Page, PagedResult, TimestampInput } from '../types.ts'

/** An alert for a product's manufacturer and the regulators. */
export type SupplyAlert = {
  alertId: Hex
  /** clone: one serial scanned in distant places; counterfeit: an unknown serial of a registered product. */
  kind: 'clone' | 'counterfeit'
  unitId: Hex
  gtin: string
  serial: string
  manufacturer: Address
  scanIds: Hex[]
  distanceKm: number | null
  createdAt: string
}

type AlertRow = { alert_id: Hex; kind: 'clone' | 'counterfeit'; unit_id: Hex; gtin: string; serial: string; manufacturer: Address; scan_ids: Hex[]; distance_km: string | null; created_at: string }

/** What {@link insertSupplyAlert} takes. */
export type SupplyAlertInput = Omit<SupplyAlert, 'createdAt'> & { createdAt: TimestampInput }

/** Stores an alert. */
export async function insertSupplyAlert(db: SqlExecutor, alert: SupplyAlertInput): Promise<void> {
  await db.query(
    `INSERT INTO supply_alerts (alert_id, kind, unit_id, gtin, serial, manufacturer, scan_ids, distance_km, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      toBytes32('alertId', alert?.alertId),
      toOneOf('kind', alert.kind, ['clone', 'counterfeit'] as const),
      toBytes32('unitId', alert.unitId),
      toText('gtin', alert.gtin, 14),
      toText('serial', alert.serial, 20),
      toAddress('manufacturer', alert.manufacturer),
      JSON.stringify(toArray('scanIds', alert.scanIds).map((id, i) => toBytes32(`scanIds[${i}]`, id))),
      optional(alert.distanceKm, (v) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : 0)),
      toTimestamp('createdAt', alert.createdAt),
    ],
  )
}

/** Options of {@link listSupplyAlerts}: a manufacturer's alerts, or all (a regulator's view). */
export type ListSupplyAlertsOptions = Page & { manufacturer?: Address | undefined; unitId?: Hex | undefined; since?: TimestampInput | undefined }

/** Alerts, newest first. */
export async function listSupplyAlerts(db: SqlExecutor, options: ListSupplyAlertsOptions): Promise<PagedResult<SupplyAlert>> {
  const { count, offset } = toPage(options)
  const params = [
    optional(options.manufacturer, (v) => toAddress('manufacturer', v)),
    optional(options.unitId, (v) => toBytes32('unitId', v)),
    optional(options.since, (v) => toTimestamp('since', v)),
  ]
  const where = '($1::text IS NULL OR manufacturer = $1) AND ($2::text IS NULL OR unit_id = $2) AND ($3::timestamptz IS NULL OR created_at >= $3)'
  const total = await db.query<{ total: string }>(`SELECT count(*) AS total FROM supply_alerts WHERE ${where}`, params)
  const { rows } = await db.query<AlertRow>(`SELECT * FROM supply_alerts WHERE ${where} ORDER BY created_at DESC, alert_id LIMIT ${count} OFFSET ${offset}`, params)
  return {
    total: Number(total.rows[0]?.total ?? 0),
    rows: rows.map((row) => ({
      alertId: row.alert_id,
      kind: row.kind,
      unitId: row.unit_id,
      gtin: row.gtin,
      serial: row.serial,
      manufacturer: row.manufacturer,
      scanIds: row.scan_ids,
      distanceKm: row.distance_km === null ? null : Number(row.distance_km),
      createdAt: row.created_at,
    })),
  }
}
