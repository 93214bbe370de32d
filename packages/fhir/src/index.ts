export { FhirError, type FhirErrorCode, FhirErrorCodes, type FhirErrorOptions } from './errors.ts';
export { ERROR_STATUS, type ErrorStatus, type IssueType, errorStatus, isKnownErrorCode } from './errorStatus.ts';
export { type OutcomeIssue, operationOutcome, outcomeFromError } from './operationOutcome.ts';
export { type ErrorToOutcomeReturnType, errorToOutcome } from './errorToOutcome.ts';
export {
  ACCESS_DECISION_SYSTEM,
  ACCESS_LOG_EXTENSION_URL,
  ACCOUNT_ADDRESS_SYSTEM,
  BREAK_GLASS_ID_SYSTEM,
  CONSENT_ID_SYSTEM,
  CONSENT_REVOKED_AT_EXTENSION_URL,
  ERROR_CODE_SYSTEM,
  PATIENT_PSEUDONYM_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  RECORD_ID_SYSTEM,
  SECURITY_SERVICE_SYSTEM,
} from './systems.ts';

export {
  type MaskToResourceTypesOptions,
  RESOURCE_TYPES,
  type ResourceType,
  isResourceType,
  maskToResourceTypes,
  resourceTypeBit,
  resourceTypeIndex,
  resourceTypesToMask,
} from './resourceTypes.ts';
export { FHIR_ID_PATTERN, isFhirDate, isFhirDateTime, isFhirId, isFhirInstant, isUrnUuid } from './primitives.ts';
export { type DateRange, type DateRangeOptions, dateRange, periodRange } from './dateRange.ts';
export { DATE_PREFIXES, type DatePrefix, matchesDate } from './matchesDate.ts';
export { type ParsedReference, parseReference } from './parseReference.ts';
export { unixToInstant, MAX_INSTANT_SECONDS } from './unixToInstant.ts';

export { PARSE_RESOURCE_LIMITS, type ParseResourceOptions, parseResource } from './parseResource.ts';

export {
  SEARCH_PARAM_TYPES,
  SEARCH_PATHS,
  type SearchParamName,
  type SearchParamType,
  type SearchPaths,
  searchParamsOf,
} from './searchParamDefinitions.ts';
export { type SearchRow, extractSearchParams } from './extractSearchParams.ts';
export type { DateValue, QuantityPrefix, QuantityValue, TokenValue } from './searchValues.ts';
export {
  type ParseSearchQueryOptions,
  SEARCH_QUERY_LIMITS,
  type SearchCondition,
  type SearchQuery,
  type SearchQueryInput,
  type SortKey,
  parseSearchQuery,
} from './parseSearchQuery.ts';
export { matchesSearch } from './matchesSearch.ts';

export { type SearchsetBundleOptions, searchsetBundle } from './searchsetBundle.ts';
export { type HistoryBundleOptions, type HistoryVersion, historyBundle } from './historyBundle.ts';
export {
  type ParseTransactionBundleOptions,
  type ParsedTransactionBundle,
  type TransactionEntry,
  type TransactionMethod,
  parseTransactionBundle,
} from './parseTransactionBundle.ts';
export { resolveTransactionReferences } from './resolveTransactionReferences.ts';
export {
  type ResponseBundleOptions,
  type TransactionEntryResult,
  batchResponseBundle,
  transactionResponseBundle,
} from './transactionResponseBundle.ts';
export { statusLine } from './statusLine.ts';

export { type CapabilityStatementOptions, capabilityStatement } from './capabilityStatement.ts';

export {
  ALL_PURPOSES,
  PURPOSES,
  type Purpose,
  type PurposeCode,
  type PurposeName,
  findPurpose,
  parsePurposes,
  purposesOfMask,
} from './purposeCodes.ts';
export {
  type AccessDecision,
  type AccessDecisionName,
  CONSENT_DECISIONS,
  GATEWAY_REFUSALS,
  type GatewayRefusal,
  accessDecisionErrorCode,
  accessDecisionName,
} from './accessDecisions.ts';
export { type ConsentState, type ConsentTimes, consentState } from './consentState.ts';
export {
  type ConsentResourceOptions,
  type OnChainConsent,
  consentResource,
  consentResourceId,
} from './consentResource.ts';
export {
  ACCESS_ACTIONS,
  type AccessLogEntry,
  type AuditEventResourceOptions,
  type RestfulInteraction,
  auditEventResource,
} from './auditEventResource.ts';

export { type ListPatientBundleReturnType, listPatientBundle } from './synthea.ts';
