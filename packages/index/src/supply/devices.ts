import { optional, toAddress, toArray, toBlock, toBytes32, toInt, toOneOf, toText, toTimestamp } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { jsonParam } from '../internal/chunks.ts'
import type { Address, Hex, TimestampInput } from '../types.ts'

/** A device as the chain last reported it. Timestamps are ISO strings (UTC). */
export type SupplyDevice = {
  deviceId: Hex
  di: string
  pi: string
  manufacturer: Address
  holder: Address
  status: 'active' | 'decommissioned'
  installed: boolean
  usage: number
  incidents: number
  lastServicedAt: string | null
  nextServiceDue: string | null
  recalledAt: string | null
  block: number
}

/** What {@link upsertSupplyDevices} takes: timestamps as ISO strings or Dates. */
export type SupplyDeviceInput = Omit<SupplyDevice, 'lastServicedAt' | 'nextServiceDue' | 'recalledAt'> & {
  lastServicedAt: TimestampInput | null
  nextServiceDue: TimestampInput | null
  recalledAt: TimestampInput | null
}

type DeviceRow = {
  device_id: Hex
  di: string
  pi: string
  manufacturer: Address
  holder: Address
  status: 'active' | 'decommissioned'
  installed: boolean
  usage: string
  incidents: number
  last_serviced_at: string | null
  next_service_due: string | null
  recalled_at: string | null
  block: string
}

/** Replaces the rows of these devices with their state as read from the chain. */
export async function upsertSupplyDevices(db: SqlExecutor, devices: readonly SupplyDeviceInput[]): Promise<void> {
  const rows = toArray('devices', devices).map((d, i) => {
    const device = d as SupplyDeviceInput
    return {
      device_id: toBytes32(`devices[${i}].deviceId`, device.deviceId),
      di: toText(`devices[${i}].di`, device.di, 14),
      pi: toText(`devices[${i}].pi`, device.pi, 20),
      manufacturer: toAddress(`devices[${i}].manufacturer`, device.manufacturer),
      holder: toAddress(`devices[${i}].holder`, device.holder),
      status: toOneOf(`devices[${i}].status`, device.status, ['active', 'decommissioned'] as const),
      installed: device.installed === true,
      usage: toBlock(`devices[${i}].usage`, device.usage),
      incidents: toInt(`devices[${i}].incidents`, device.incidents),
      last_serviced_at: optional(device.lastServicedAt, (v) => toTimestamp(`devices[${i}].lastServicedAt`, v)),
      next_service_due: optional(device.nextServiceDue, (v) => toTimestamp(`devices[${i}].nextServiceDue`, v)),
      recalled_at: optional(device.recalledAt, (v) => toTimestamp(`devices[${i}].recalledAt`, v)),
      block: toBlock(`devices[${i}].block`, device.block),
    }
  })
  if (rows.length === 0) return
  await db.query(
    `INSERT INTO supply_devices (device_id, di, pi, manufacturer, holder, status, installed, usage, incidents, last_serviced_at, next_service_due, recalled_at, block)
     SELECT * FROM json_to_recordset($1::json) AS r(device_id text, di text, pi text, manufacturer text, holder text, status text,
       installed boolean, usage bigint, incidents integer, last_serviced_at timestamptz, next_service_due timestamptz, recalled_at timestamptz, block bigint)
     ON CONFLICT (device_id) DO UPDATE SET holder = excluded.holder, status = excluded.status, installed = excluded.installed,
       usage = excluded.usage, incidents = excluded.incidents, last_serviced_at = excluded.last_serviced_at,
       next_service_due = excluded.next_service_due, recalled_at = excluded.recalled_at, block = excluded.block`,
    [jsonParam(rows)],
  )
}

/** Marks every device of model `di` recalled (a model recall reaches devices registered before it). */
export async function markDeviceModelRecalled(db: SqlExecutor, { di, recalledAt }: { di: string; recalledAt: TimestampInput }): Promise<void> {
  await db.query('UPDATE supply_devices SET recalled_at = $2 WHERE di = $1 AND recalled_at IS NULL', [toText('di', di, 14), toTimestamp('recalledAt', recalledAt)])
}

/** Options of {@link listSupplyDevices}. */
export type ListSupplyDevicesOptions = {
  holder: Address
  /** Only devices whose next service is due before this instant (never serviced counts as due). */
  overdueAt?: TimestampInput | undefined
  /** Only recalled devices. */
  recalled?: boolean | undefined
}

/** The active devices a member holds, by device id. */
export async function listSupplyDevices(db: SqlExecutor, options: ListSupplyDevicesOptions): Promise<SupplyDevice[]> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT * FROM supply_devices WHERE holder = $1 AND status = 'active'
       AND ($2::timestamptz IS NULL OR next_service_due IS NULL OR next_service_due < $2)
       AND (NOT $3 OR recalled_at IS NOT NULL)
     ORDER BY device_id`,
    [toAddress('holder', options.holder), optional(options.overdueAt, (v) => toTimestamp('overdueAt', v)), options.recalled === true],
  )
  return rows.map((row) => ({
    deviceId: row.device_id,
    di: row.di,
    pi: row.pi,
    manufacturer: row.manufacturer,
    holder: row.holder,
    status: row.status,
    installed: row.installed,
    usage: Number(row.usage),
    incidents: row.incidents,
    lastServicedAt: row.last_serviced_at,
    nextServiceDue: row.next_service_due,
    recalledAt: row.recalled_at,
    block: Number(row.block),
  }))
}
