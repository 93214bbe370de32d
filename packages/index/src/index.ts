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
