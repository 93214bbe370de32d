import type { Address, Hex } from 'viem'

/** A drug product (DrugRegistry). */
export type DrugProduct = { gtin: string; manufacturer: Address; registeredAt: bigint }

/** A lot of a product. `expiry` is YYMMDD; `expiresAt` the unix second it passes. */
export type DrugLot = {
  lotId: Hex
  gtin: string
  lot: string
  expiry: number
  expiresAt: number
  manufacturer: Address
  /** Undefined while not recalled. */
  recalledAt: bigint | undefined
  recallReason: number
}

export type DrugItemStatus = 'active' | 'in-transit' | 'dispensed' | 'decommissioned'
export type DecommissionReason = 'destroyed' | 'stolen' | 'sample'

/** A drug unit or batch (pallet) as the DrugRegistry holds it. */
export type DrugItem = {
  itemId: Hex
  kind: 'unit' | 'batch'
  lotId: Hex
  holder: Address
  status: DrugItemStatus
  /** Set once decommissioned. */
  decommissionReason: DecommissionReason | undefined
  updatedAt: bigint
  /** The member a shipped item awaits. */
  pendingRecipient: Address | undefined
  /** Units of a batch (0 for a unit). */
  count: number
  /** The batch a unit was unpacked from. */
  batchId: Hex | undefined
  /** Set when dispensed with a MedicationDispense link. */
  patientCommitment: Hex | undefined
}

/** Names a drug item: a unit by its GS1 keys, or a batch by its id (root). */
export type DrugItemRef = { gtin: string; serial: string } | { batchId: Hex }

/** EPCIS "when" and "where" of an event. */
export type SupplyEventOptions = {
  /** When it happened (EPCIS eventTime): a Date or unix milliseconds. Default now. */
  eventTime?: Date | number | undefined
  /** GLN (13 digits) of where it happened (EPCIS readPoint). */
  readPoint?: string | undefined
}

export type DeviceStatus = 'active' | 'decommissioned'
export type DeviceDecommissionReason = 'end-of-life' | 'defective' | 'recalled' | 'lost'
export type MaintenanceKind = 'maintenance' | 'calibration'

/** A medical device by UDI (DeviceRegistry). */
export type Device = {
  deviceId: Hex
  /** Device identifier: the model's GTIN-14. */
  di: string
  /** Production identifier (serial or lot). */
  pi: string
  manufacturer: Address
  registeredAt: bigint
  holder: Address
  status: DeviceStatus
  decommissionReason: DeviceDecommissionReason | undefined
  /** Undefined while not installed (cleared by a transfer). */
  installedAt: bigint | undefined
  /** Hash of the holder's location label. */
  location: Hex | undefined
  /** Running total of logged usage units. */
  usage: bigint
  lastServicedAt: bigint | undefined
  nextServiceDue: bigint | undefined
  incidents: number
  /** The device's or its model's recall; undefined if none. */
  recalledAt: bigint | undefined
  recallReason: number
}
