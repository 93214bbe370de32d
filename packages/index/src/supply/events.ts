import { optional, toAddress, toArray, toBlock, toBytes32, toHex, toInt, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import { chunks, jsonParam } from '../internal/chunks.ts'
import type { Address, Hex } from '../types.ts'

/** One supply contract event, as the trail of its item shows it. */
export type SupplyEvent = {
  block: number
  logIndex: number
  /** The unit, batch, lot (recalls) or device the event is about. */
  itemId: Hex
  /** The contract event's name, e.g. `ItemShipped`. */
  event: string
  /** Who did it (the sending member, the technician...). */
  actor: Address
  /** The other party (recipient, sender, servicing member), if any. */
  counterparty: Address | null
  /** EPCIS event id (drug events only). */
  eventId: Hex | null
  /** EPCIS eventTime in unix milliseconds (drug events only). */
  eventTime: number | null
  /** GLN of the read point, if given. */
  readPoint: string | null
  /** The other fields of the event, JSON (bigints as strings). */
  data: Record<string, unknown>
}

type EventRow = {
  block: string
  log_index: number
  item_id: Hex
  event: string
  actor: Address
  counterparty: Address | null
  event_id: Hex | null
  event_time: string | null
  read_point: string | null
  data: Record<string, unknown>
}

/** Mirrors events; replaying a log already stored (same block and index) changes nothing. */
export async function appendSupplyEvents(db: SqlExecutor, events: readonly SupplyEvent[]): Promise<void> {
  const rows = toArray('events', events).map((e, i) => {
    const event = e as SupplyEvent
    return {
      block: toBlock(`events[${i}].block`, event.block),
      log_index: toInt(`events[${i}].logIndex`, event.logIndex),
      item_id: toBytes32(`events[${i}].itemId`, event.itemId),
      event: toText(`events[${i}].event`, event.event, 64),
      actor: toAddress(`events[${i}].actor`, event.actor),
      counterparty: optional(event.counterparty, (v) => toAddress(`events[${i}].counterparty`, v)),
      event_id: optional(event.eventId, (v) => toHex(`events[${i}].eventId`, v, 32)),
      event_time: optional(event.eventTime, (v) => toBlock(`events[${i}].eventTime`, v)),
      read_point: optional(event.readPoint, (v) => toText(`events[${i}].readPoint`, v, 13)),
      data: event.data ?? {},
    }
  })
  for (const chunk of chunks(rows, 1000)) {
    await db.query(
      `INSERT INTO supply_events (block, log_index, item_id, event, actor, counterparty, event_id, event_time, read_point, data)
       SELECT block, log_index, item_id, event, actor, counterparty, event_id, event_time, read_point, data
       FROM json_to_recordset($1::json) AS r(block bigint, log_index integer, item_id text, event text, actor text,
         counterparty text, event_id text, event_time bigint, read_point text, data jsonb)
       ON CONFLICT (block, log_index) DO NOTHING`,
      [jsonParam(chunk)],
    )
  }
}

/** The events of the given items, oldest first. */
export async function listSupplyEvents(db: SqlExecutor, { itemIds }: { itemIds: readonly Hex[] }): Promise<SupplyEvent[]> {
  const ids = toArray('itemIds', itemIds).map((id, i) => toBytes32(`itemIds[${i}]`, id))
  if (ids.length === 0) return []
  const { rows } = await db.query<EventRow>('SELECT * FROM supply_events WHERE item_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY block, log_index', [JSON.stringify(ids)])
  return rows.map((row) => ({
    block: Number(row.block),
    logIndex: row.log_index,
    itemId: row.item_id,
    event: row.event,
    actor: row.actor,
    counterparty: row.counterparty,
    eventId: row.event_id,
    eventTime: row.event_time === null ? null : Number(row.event_time),
    readPoint: row.read_point,
    data: row.data,
  }))
}
