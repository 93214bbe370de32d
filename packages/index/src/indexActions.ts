import { appendAuditEntries } from './audit/appendAuditEntries.ts'
import { listUnanchoredAuditEntries, markAuditBatchAnchored } from './audit/auditBatches.ts'
import { listAuditEntries } from './audit/listAuditEntries.ts'
import { listBreakGlass, reviewBreakGlass, upsertBreakGlass } from './breakGlass/breakGlass.ts'
import { listConsents, markConsentRevoked, upsertConsentGranted } from './consents/consents.ts'
import { getCursor, setCursor } from './cursor/chainCursor.ts'
import type { SqlExecutor } from './driver/SqlDriver.ts'
import { findPatientLink, linkPatient } from './patients/patientLinks.ts'
import { getPatient, upsertPatient } from './patients/patients.ts'
import { destroyWrappedKeys, markErased } from './records/erasure.ts'
import { getCurrentRecord, getCurrentRecords, getRecordVersion, listHistory } from './records/getRecord.ts'
import { insertRecordVersions } from './records/insertRecordVersions.ts'
import { listPatientRecords } from './records/listPatientRecords.ts'
import { listPendingBatches, listPendingRecords } from './records/listPending.ts'
import { confirmBatch, markBatchAnchored, markBatchPending } from './records/markBatch.ts'
import { searchRecords } from './search/searchRecords.ts'
import { truncateDerivedTables } from './truncateDerivedTables.ts'
import { insertSupplyAlert, listSupplyAlerts } from './supply/alerts.ts'
import { listSupplyDevices, markDeviceModelRecalled, upsertSupplyDevices } from './supply/devices.ts'
import { getDispenseLink, saveDispenseLink } from './supply/dispenseLinks.ts'
import { appendSupplyEvents, listSupplyEvents } from './supply/events.ts'
import { countScans, listPlacedScans, recordScan, setScanPlace } from './supply/scans.ts'
import { getSupplyUnit, insertSupplyUnits } from './supply/units.ts'
import { getResearchRelay, markResearchRelay, saveResearchRelay } from './research/relays.ts'
import { getResearchResult, listResearchResults, saveResearchResult } from './research/results.ts'
import { getResearchStudy, saveResearchStudy } from './research/studies.ts'

// Every action is a function `(db, options)`, like viem's; the index binds them to a database or
// to a transaction so callers write `index.searchRecords({...})` or `tx.setCursor({...})`.
const actions = {
  insertRecordVersions,
  getCurrentRecord,
  getCurrentRecords,
  getRecordVersion,
  listHistory,
  listPatientRecords,
  markBatchPending,
  markBatchAnchored,
  confirmBatch,
  listPendingBatches,
  listPendingRecords,
  markErased,
  destroyWrappedKeys,
  searchRecords,
  upsertPatient,
  getPatient,
  linkPatient,
  findPatientLink,
  upsertConsentGranted,
  markConsentRevoked,
  listConsents,
  upsertBreakGlass,
  reviewBreakGlass,
  listBreakGlass,
  appendAuditEntries,
  listUnanchoredAuditEntries,
  markAuditBatchAnchored,
  listAuditEntries,
  getCursor,
  setCursor,
  truncateDerivedTables,
  insertSupplyUnits,
  getSupplyUnit,
  appendSupplyEvents,
  listSupplyEvents,
  upsertSupplyDevices,
  markDeviceModelRecalled,
  listSupplyDevices,
  recordScan,
  setScanPlace,
  listPlacedScans,
  countScans,
  insertSupplyAlert,
  listSupplyAlerts,
  saveDispenseLink,
  getDispenseLink,
  saveResearchStudy,
  getResearchStudy,
  saveResearchResult,
  getResearchResult,
  listResearchResults,
  saveResearchRelay,
  getResearchRelay,
  markResearchRelay,
}

type Bound<F> = F extends (db: SqlExecutor, ...args: infer A) => infer R ? (...args: A) => R : never

/** The index's functions, bound to the database or to one transaction. */
export type IndexActions = { [K in keyof typeof actions]: Bound<(typeof actions)[K]> } & {
  /**
   * Runs `fn` in one transaction: everything it does through `tx` is committed together when it
   * resolves, or rolled back when it throws. Nested calls use savepoints. Inside `fn` use `tx`
   * only: with the embedded driver, calling the index itself waits for `fn` to end (a deadlock).
   */
  transaction<T>(fn: (tx: IndexActions) => Promise<T>): Promise<T>
}

/** Binds every action to `db`. */
export function bindActions(db: SqlExecutor): IndexActions {
  const bound = Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [name, (...args: unknown[]) => (action as (...a: unknown[]) => unknown)(db, ...args)]),
  ) as Omit<IndexActions, 'transaction'>
  return { ...bound, transaction: (fn) => db.transaction((tx) => fn(bindActions(tx))) }
}
