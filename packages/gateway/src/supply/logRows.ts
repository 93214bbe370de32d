// DrugRegistry and DeviceRegistry logs as index rows: commissioned units (with their place in a
// batch tree) and the custody trail.
import { deviceRegistryAbi, drugRegistryAbi } from '@medchain/contracts'
import type { SupplyEvent, SupplyUnit } from '@medchain/index'
import { decodeGs1Value } from '@medchain/sdk'
import { encodeAbiParameters, keccak256, parseEventLogs, type Hex, type Log } from 'viem'

/** What one range of logs adds to the index, and which devices to re-read from the chain. */
export type SupplyLogRows = {
  units: SupplyUnit[]
  events: SupplyEvent[]
  devices: Set<Hex>
  /** Model recalls: DI and block of each. */
  modelRecalls: { di: string; block: number }[]
}

type Context = { eventId: Hex; eventTime: bigint; readPoint: bigint }

const gtinText = (gtin: bigint): string => gtin.toString().padStart(14, '0')
const epcis = (context: Context) => ({
  eventId: context.eventId,
  eventTime: Number(context.eventTime),
  readPoint: context.readPoint === 0n ? null : context.readPoint.toString().padStart(13, '0'),
})
const bare = { counterparty: null, eventId: null, eventTime: null, readPoint: null }

/** Decodes `logs` (of both registries, in chain order) into rows. */
export function supplyLogRows(logs: readonly Log[]): SupplyLogRows {
  const rows: SupplyLogRows = { units: [], events: [], devices: new Set(), modelRecalls: [] }
  const at = (log: { blockNumber: bigint | null; logIndex: number | null }) => ({ block: Number(log.blockNumber), logIndex: Number(log.logIndex) })
  for (const log of parseEventLogs({ abi: drugRegistryAbi, logs: logs as Log[] })) {
    const where = at(log)
    switch (log.eventName) {
      case 'UnitCommissioned': {
        const { unitId, lotId, manufacturer, gtin, serial, lot, expiry, context } = log.args
        const unit = { unitId, gtin: gtinText(gtin), serial: decodeGs1Value(serial), lotId, lot: decodeGs1Value(lot), expiry, manufacturer, block: where.block }
        rows.units.push({ ...unit, batchId: null, leafIndex: null })
        rows.events.push({ ...where, itemId: unitId, event: log.eventName, actor: manufacturer, counterparty: null, ...epcis(context), data: { gtin: unit.gtin, serial: unit.serial, lot: unit.lot, expiry, lotId } })
        break
      }
      case 'BatchCommissioned': {
        const { batchId, lotId, manufacturer, gtin, lot, expiry, serials, context } = log.args
        const common = { gtin: gtinText(gtin), lotId, lot: decodeGs1Value(lot), expiry, manufacturer, block: where.block, batchId }
        const texts = serials.map(decodeGs1Value)
        texts.forEach((serial, leafIndex) => rows.units.push({ ...common, unitId: unitIdFromLog(gtin, serials[leafIndex] as Hex), serial, leafIndex }))
        rows.events.push({ ...where, itemId: batchId, event: log.eventName, actor: manufacturer, counterparty: null, ...epcis(context), data: { gtin: common.gtin, lot: common.lot, expiry, lotId, serials: texts } })
        break
      }
      case 'ItemShipped':
        rows.events.push({ ...where, itemId: log.args.itemId, event: log.eventName, actor: log.args.from, counterparty: log.args.to, ...epcis(log.args.context), data: {} })
        break
      case 'ItemReceived':
        rows.events.push({ ...where, itemId: log.args.itemId, event: log.eventName, actor: log.args.to, counterparty: log.args.from, ...epcis(log.args.context), data: {} })
        break
      case 'UnitUnpacked':
        rows.events.push({ ...where, itemId: log.args.unitId, event: log.eventName, actor: log.args.holder, counterparty: null, ...epcis(log.args.context), data: { batchId: log.args.batchId, serial: decodeGs1Value(log.args.serial) } })
        break
      case 'UnitDispensed':
        rows.events.push({ ...where, itemId: log.args.unitId, event: log.eventName, actor: log.args.dispenser, counterparty: null, ...epcis(log.args.context), data: { patientCommitment: log.args.patientCommitment } })
        break
      case 'ItemDecommissioned':
        rows.events.push({ ...where, itemId: log.args.itemId, event: log.eventName, actor: log.args.holder, counterparty: null, ...epcis(log.args.context), data: { reason: log.args.reason } })
        break
      case 'LotRecalled':
        rows.events.push({ ...where, itemId: log.args.lotId, event: log.eventName, actor: log.args.by, ...bare, data: { gtin: gtinText(log.args.gtin), lot: decodeGs1Value(log.args.lot), reasonCode: log.args.reasonCode } })
        break
    }
  }
  for (const log of parseEventLogs({ abi: deviceRegistryAbi, logs: logs as Log[] })) {
    const where = at(log)
    if (log.eventName === 'DeviceModelRecalled') {
      rows.modelRecalls.push({ di: gtinText(log.args.di), block: where.block })
      continue
    }
    const { deviceId } = log.args
    rows.devices.add(deviceId)
    const [actor, counterparty, data] = deviceEventParties(log)
    rows.events.push({ ...where, itemId: deviceId, event: log.eventName, actor, ...bare, counterparty, data })
  }
  return rows
}

type DeviceLog = Exclude<ReturnType<typeof parseEventLogs<typeof deviceRegistryAbi>>[number], { eventName: 'DeviceModelRecalled' }>

function deviceEventParties(log: DeviceLog): [Hex, Hex | null, Record<string, unknown>] {
  switch (log.eventName) {
    case 'DeviceRegistered':
      return [log.args.manufacturer, null, { di: gtinText(log.args.di), pi: decodeGs1Value(log.args.pi) }]
    case 'DeviceTransferred':
      return [log.args.from, log.args.to, {}]
    case 'DeviceInstalled':
      return [log.args.by, log.args.holder, { location: log.args.location }]
    case 'DeviceUsageLogged':
      return [log.args.by, log.args.holder, { units: log.args.units, totalUsage: log.args.totalUsage.toString(), logHash: log.args.logHash }]
    case 'DeviceServiced':
      return [log.args.technician, log.args.servicer, { kind: log.args.kind, reportHash: log.args.reportHash, nextServiceDue: log.args.nextServiceDue.toString() }]
    case 'DeviceIncidentReported':
      return [log.args.reporter, log.args.member, { severity: log.args.severity, reportHash: log.args.reportHash }]
    case 'DeviceRecalled':
      return [log.args.by, null, { reasonCode: log.args.reasonCode }]
    case 'DeviceDecommissioned':
      return [log.args.holder, null, { reason: log.args.reason }]
  }
}

/** A unit's id from the raw values of a log: keccak256(abi.encode(uint64 gtin, bytes32 serial)). */
function unitIdFromLog(gtin: bigint, serial: Hex): Hex {
  return keccak256(encodeAbiParameters([{ type: 'uint64' }, { type: 'bytes32' }], [gtin, serial]))
}
