export { IndexError, type IndexErrorCode, IndexErrorCodes, type IndexErrorOptions, isIndexError } from './errors.ts'
export type { Address, Hex, Page, PagedResult, TimestampInput } from './types.ts'
export { type OpenIndexOptions, type RecordIndex, openIndex } from './openIndex.ts'
export type { IndexActions } from './indexActions.ts'
export { type Migration, loadMigrations } from './migrate.ts'
export { DERIVED_TABLES } from './truncateDerivedTables.ts'

export type { AnchorKind, RecordVersion, RecordVersionInput, SearchParamInput } from './records/recordTypes.ts'
export type { InsertRecordVersionsReturnType } from './records/insertRecordVersions.ts'
export type { ListPatientRecordsOptions } from './records/listPatientRecords.ts'
export type { GetCurrentRecordOptions, GetCurrentRecordsOptions, GetRecordVersionOptions, ListHistoryOptions } from './records/getRecord.ts'
export type { BatchEntry, ConfirmBatchOptions, MarkBatchAnchoredOptions, MarkBatchPendingOptions } from './records/markBatch.ts'
export type { ListPendingRecordsOptions, PendingBatch } from './records/listPending.ts'
export type { DestroyWrappedKeysOptions, MarkErasedOptions } from './records/erasure.ts'

export type { SearchRecordsOptions, SearchSort, TokenFilter } from './search/searchRecords.ts'
export type { DateFilter, DatePrefix } from './search/dateCondition.ts'
export { fhirDateRange } from './search/fhirDateRange.ts'

export type { GetPatientOptions, Patient } from './patients/patients.ts'
export type { FindPatientLinkOptions, LinkPatientOptions } from './patients/patientLinks.ts'
export type { Consent, ConsentGrantedInput, ListConsentsOptions, MarkConsentRevokedOptions } from './consents/consents.ts'
export type {
  BreakGlassAccess,
  BreakGlassOpenedInput,
  ListBreakGlassOptions,
  ReviewBreakGlassOptions,
  ReviewStatus,
} from './breakGlass/breakGlass.ts'
export type { AuditEntry, AuditEntryInput } from './audit/auditTypes.ts'
export type { AuditBatchEntry, ListUnanchoredAuditEntriesOptions, MarkAuditBatchAnchoredOptions } from './audit/auditBatches.ts'
export type { ListAuditEntriesOptions } from './audit/listAuditEntries.ts'
export type { ChainCursor, GetCursorOptions } from './cursor/chainCursor.ts'
export type { SupplyUnit } from './supply/units.ts'
export type { SupplyEvent } from './supply/events.ts'
export type { ListSupplyDevicesOptions, SupplyDevice, SupplyDeviceInput } from './supply/devices.ts'
export { SCAN_VERDICTS, type RecordScanOptions, type ScanVerdict, type SupplyScan } from './supply/scans.ts'
export type { ListSupplyAlertsOptions, SupplyAlert, SupplyAlertInput } from './supply/alerts.ts'
export type { DispenseLink } from './supply/dispenseLinks.ts'
export type { ResearchStudy, ResearchStudyInput } from './research/studies.ts'
export type { ResearchResult } from './research/results.ts'
export type { ResearchRelay } from './research/relays.ts'
