export { MedchainError, MedchainErrorCodes, isMedchainError, type MedchainErrorCode, type MedchainErrorOptions, type ContractRevert } from './errors.ts'
export { decodeContractError, formatRevert, type DecodeContractErrorOptions } from './decodeContractError.ts'
export {
  createMedchainClient,
  type CreateMedchainClientParameters,
  type CreateMedchainClientReturnType,
  type MedchainClient,
} from './createMedchainClient.ts'
export { ROLE_NAMES, isRoleName, rolesToMask, maskToRoles, individualKindToValue, type RoleName, type IndividualKind } from './roles.ts'
export { PURPOSE_NAMES, isPurposeName, purposesToMask, maskToPurposes, type PurposeName } from './purposes.ts'
export { accessDecisionName, accessDecisionCode, type AccessDecision } from './accessDecisions.ts'
export { FHIR_RESOURCE_TYPES, resourceTypeIndex, resourceTypesToMask, maskToResourceTypes } from './fhirResourceTypes.ts'
export { resourceTypeToBytes32, bytes32ToResourceType } from './encoding/resourceType.ts'
export { encodeRecordLeaf } from './encoding/recordLeaf.ts'
export { encodeAccessEntry } from './encoding/accessEntry.ts'
/** On-chain codes, for access-log entries: `accessActions.READ`, `purposes.TREATMENT`, `accessDecisions.ALLOWED`... */
export { accessActions, accessDecisions, purposes } from '@medchain/contracts'
export type {
  AccessBatch,
  AccessEntry,
  BreakGlassAccess,
  BreakGlassReviewStatus,
  Consent,
  Deployment,
  Member,
  Patient,
  Proposal,
  ProposalKind,
  ProposalStatus,
  RecordAnchor,
  RecordBatch,
  RecordErasure,
  RecordLeaf,
  ConsentTerms,
  ConsentGrantInput,
} from './types.ts'
export type { ContractWriteResult } from './internal/writeContract.ts'
export type { ProposalOutcome } from './internal/proposalOutcome.ts'

export { getMember, type GetMemberParameters, type GetMemberReturnType } from './actions/consortium/getMember.ts'
export { getMembers, type GetMembersReturnType } from './actions/consortium/getMembers.ts'
export { hasRole, type HasRoleParameters, type HasRoleReturnType } from './actions/consortium/hasRole.ts'
export { getProposal, type GetProposalParameters, type GetProposalReturnType } from './actions/consortium/getProposal.ts'
export { listProposals, type ListProposalsParameters, type ListProposalsReturnType } from './actions/consortium/listProposals.ts'
export { proposeAdmission, type ProposeAdmissionParameters, type ProposeAdmissionReturnType } from './actions/consortium/proposeAdmission.ts'
export { proposeRemoval, type ProposeRemovalParameters, type ProposeRemovalReturnType } from './actions/consortium/proposeRemoval.ts'
export {
  proposeRolesChange,
  type ProposeRolesChangeParameters,
  type ProposeRolesChangeReturnType,
} from './actions/consortium/proposeRolesChange.ts'
export { vote, type VoteParameters, type VoteReturnType } from './actions/consortium/vote.ts'
export {
  registerIndividual,
  type RegisterIndividualParameters,
  type RegisterIndividualReturnType,
} from './actions/consortium/registerIndividual.ts'
export { revokeIndividual, type RevokeIndividualParameters, type RevokeIndividualReturnType } from './actions/consortium/revokeIndividual.ts'
export { updateGateway, type UpdateGatewayParameters, type UpdateGatewayReturnType } from './actions/consortium/updateGateway.ts'
export {
  rotateEncryptionKey,
  type RotateEncryptionKeyParameters,
  type RotateEncryptionKeyReturnType,
} from './actions/consortium/rotateEncryptionKey.ts'

export { registerPatient, type RegisterPatientParameters, type RegisterPatientReturnType } from './actions/identity/registerPatient.ts'
export { getPatient, type GetPatientParameters, type GetPatientReturnType } from './actions/identity/getPatient.ts'
export { rotatePatientKey, type RotatePatientKeyParameters, type RotatePatientKeyReturnType } from './actions/identity/rotatePatientKey.ts'
export {
  signPatientKeyRotation,
  rotateKeyTypes,
  type SignPatientKeyRotationParameters,
  type SignPatientKeyRotationReturnType,
  type SignedPatientKeyRotation,
} from './actions/identity/signPatientKeyRotation.ts'
export {
  relayPatientKeyRotation,
  type RelayPatientKeyRotationParameters,
  type RelayPatientKeyRotationReturnType,
} from './actions/identity/relayPatientKeyRotation.ts'

export { anchorRecord, type AnchorRecordParameters, type AnchorRecordReturnType } from './actions/records/anchorRecord.ts'
export { anchorRecordBatch, type AnchorRecordBatchParameters, type AnchorRecordBatchReturnType } from './actions/records/anchorRecordBatch.ts'
export { markRecordErased, type MarkRecordErasedParameters, type MarkRecordErasedReturnType } from './actions/records/markRecordErased.ts'
export { getRecordAnchor, type GetRecordAnchorParameters, type GetRecordAnchorReturnType } from './actions/records/getRecordAnchor.ts'
export { getRecordBatch, type GetRecordBatchParameters, type GetRecordBatchReturnType } from './actions/records/getRecordBatch.ts'
export { getErasure, type GetErasureParameters, type GetErasureReturnType } from './actions/records/getErasure.ts'
export {
  verifyBatchedRecord,
  type VerifyBatchedRecordParameters,
  type VerifyBatchedRecordReturnType,
} from './actions/records/verifyBatchedRecord.ts'

export { grantConsent, type GrantConsentParameters, type GrantConsentReturnType } from './actions/consent/grantConsent.ts'
export {
  signConsentGrant,
  consentGrantTypes,
  type SignConsentGrantParameters,
  type SignConsentGrantReturnType,
  type SignedConsentGrant,
} from './actions/consent/signConsentGrant.ts'
export { relayConsentGrant, type RelayConsentGrantParameters, type RelayConsentGrantReturnType } from './actions/consent/relayConsentGrant.ts'
export { revokeConsent, type RevokeConsentParameters, type RevokeConsentReturnType } from './actions/consent/revokeConsent.ts'
export {
  signConsentRevocation,
  consentRevocationTypes,
  type SignConsentRevocationParameters,
  type SignConsentRevocationReturnType,
  type SignedConsentRevocation,
} from './actions/consent/signConsentRevocation.ts'
export {
  relayConsentRevocation,
  type RelayConsentRevocationParameters,
  type RelayConsentRevocationReturnType,
} from './actions/consent/relayConsentRevocation.ts'
export { getConsent, type GetConsentParameters, type GetConsentReturnType } from './actions/consent/getConsent.ts'
export { listConsents, type ListConsentsParameters, type ListConsentsReturnType } from './actions/consent/listConsents.ts'
export { findAuthorization, type FindAuthorizationParameters, type FindAuthorizationReturnType } from './actions/consent/findAuthorization.ts'

export { openBreakGlass, type OpenBreakGlassParameters, type OpenBreakGlassReturnType } from './actions/emergency/openBreakGlass.ts'
export { reviewBreakGlass, type ReviewBreakGlassParameters, type ReviewBreakGlassReturnType } from './actions/emergency/reviewBreakGlass.ts'
export {
  signBreakGlassReview,
  breakGlassReviewTypes,
  type SignBreakGlassReviewParameters,
  type SignBreakGlassReviewReturnType,
  type SignedBreakGlassReview,
} from './actions/emergency/signBreakGlassReview.ts'
export {
  relayBreakGlassReview,
  type RelayBreakGlassReviewParameters,
  type RelayBreakGlassReviewReturnType,
} from './actions/emergency/relayBreakGlassReview.ts'
export { getBreakGlass, type GetBreakGlassParameters, type GetBreakGlassReturnType } from './actions/emergency/getBreakGlass.ts'
export {
  getActiveBreakGlass,
  type GetActiveBreakGlassParameters,
  type GetActiveBreakGlassReturnType,
} from './actions/emergency/getActiveBreakGlass.ts'

export { logAccessBatch, type LogAccessBatchParameters, type LogAccessBatchReturnType } from './actions/audit/logAccessBatch.ts'
export { getAccessBatch, type GetAccessBatchParameters, type GetAccessBatchReturnType } from './actions/audit/getAccessBatch.ts'
export { verifyAccessEntry, type VerifyAccessEntryParameters, type VerifyAccessEntryReturnType } from './actions/audit/verifyAccessEntry.ts'

export {
  deployContracts,
  DEFAULT_EMERGENCY_WINDOW_SECONDS,
  type DeployContractsParameters,
  type DeployContractsReturnType,
  type MemberInput,
} from './deploy/deployContracts.ts'
export { deploymentFilePath, saveDeployment, loadDeployment, readDeploymentFile } from './deploy/deploymentFile.ts'
export {
  isKeystoreName,
  keystoreFilePath,
  saveKeystore,
  importKeystore,
  loadKeystore,
  listKeystores,
  type KeystoreEntry,
  type UnlockedKey,
  type SaveKeystoreParameters,
  type ImportKeystoreParameters,
  type LoadKeystoreParameters,
} from './keys/keystoreFiles.ts'
export * from './signing.ts'
export { fastLocalAccount } from './accounts/fastLocalAccount.ts'

export type {
  DecommissionReason,
  Device,
  DeviceDecommissionReason,
  DeviceStatus,
  DrugItem,
  DrugItemRef,
  DrugItemStatus,
  DrugLot,
  DrugProduct,
  MaintenanceKind,
  SupplyEventOptions,
} from './supplyTypes.ts'
export type { SupplyEventRecord } from './internal/supplyEvent.ts'
/** On-chain codes of the supply contracts. */
export { decommissionReasons, deviceDecommissionReasons, maintenanceKinds } from '@medchain/contracts'
export {
  gs1CheckDigit,
  normalizeGtin,
  normalizeGln,
  encodeGs1Value,
  decodeGs1Value,
  parseExpiry,
  formatExpiry,
  expiryToUnix,
  expiryToIsoDate,
} from './encoding/gs1.ts'
export { parseDigitalLink, formatDigitalLink, type DigitalLink } from './encoding/digitalLink.ts'
export { unitIdOf, lotIdOf, deviceIdOf, batchTreeOf, dispenseCommitment, type BatchTree } from './encoding/supplyIds.ts'
export {
  EPCIS_CONTEXT,
  epcisDocument,
  epcisEventId,
  epcisEventWithId,
  unitEpc,
  batchEpc,
  type SupplyEventFacts,
  type SupplyEventKind,
} from './encoding/epcisEvent.ts'
export { registerProduct, type RegisterProductParameters, type RegisterProductReturnType } from './actions/supply/registerProduct.ts'
export { getProduct, type GetProductParameters, type GetProductReturnType } from './actions/supply/getProduct.ts'
export { commissionUnit, type CommissionUnitParameters, type CommissionUnitReturnType } from './actions/supply/commissionUnit.ts'
export {
  commissionBatch,
  MAX_BATCH_UNITS,
  type CommissionBatchParameters,
  type CommissionBatchReturnType,
} from './actions/supply/commissionBatch.ts'
export { shipItem, type ShipItemParameters, type ShipItemReturnType } from './actions/supply/shipItem.ts'
export { receiveItem, type ReceiveItemParameters, type ReceiveItemReturnType } from './actions/supply/receiveItem.ts'
export { unpackUnit, type UnpackUnitParameters, type UnpackUnitReturnType } from './actions/supply/unpackUnit.ts'
export { dispenseUnit, type DispenseUnitParameters, type DispenseUnitReturnType } from './actions/supply/dispenseUnit.ts'
export { decommissionItem, type DecommissionItemParameters, type DecommissionItemReturnType } from './actions/supply/decommissionItem.ts'
export { recallLot, type RecallLotParameters, type RecallLotReturnType } from './actions/supply/recallLot.ts'
export { getLot, type GetLotParameters, type GetLotReturnType } from './actions/supply/getLot.ts'
export { getDrugItem, type GetDrugItemParameters, type GetDrugItemReturnType } from './actions/supply/getDrugItem.ts'
export { registerDevice, type RegisterDeviceParameters, type RegisterDeviceReturnType } from './actions/supply/registerDevice.ts'
export { transferDevice, type TransferDeviceParameters, type TransferDeviceReturnType } from './actions/supply/transferDevice.ts'
export { installDevice, type InstallDeviceParameters, type InstallDeviceReturnType } from './actions/supply/installDevice.ts'
export { logDeviceUsage, type LogDeviceUsageParameters, type LogDeviceUsageReturnType } from './actions/supply/logDeviceUsage.ts'
export {
  recordDeviceService,
  type RecordDeviceServiceParameters,
  type RecordDeviceServiceReturnType,
} from './actions/supply/recordDeviceService.ts'
export {
  reportDeviceIncident,
  type IncidentSeverity,
  type ReportDeviceIncidentParameters,
  type ReportDeviceIncidentReturnType,
} from './actions/supply/reportDeviceIncident.ts'
export { recallDevice, type RecallDeviceParameters, type RecallDeviceReturnType } from './actions/supply/recallDevice.ts'
export {
  decommissionDevice,
  DEVICE_DECOMMISSION_REASONS,
  type DecommissionDeviceParameters,
  type DecommissionDeviceReturnType,
} from './actions/supply/decommissionDevice.ts'
export { getDevice, type GetDeviceParameters, type GetDeviceReturnType } from './actions/supply/getDevice.ts'
export { listDevices, type ListDevicesParameters, type ListDevicesReturnType } from './actions/supply/listDevices.ts'

export { STUDY_CIRCUITS, studyCircuitId, type StudyCircuitName, type StudyProof } from './actions/research/studyCircuits.ts'
export { attestIndicators, type AttestIndicatorsParameters, type AttestIndicatorsReturnType } from './actions/research/attestIndicators.ts'
export { publishStudy, type PublishStudyParameters, type PublishStudyReturnType } from './actions/research/publishStudy.ts'
export { enrollInStudy, type EnrollInStudyParameters, type EnrollInStudyReturnType } from './actions/research/enrollInStudy.ts'
export { submitStudyResult, type SubmitStudyResultParameters, type SubmitStudyResultReturnType } from './actions/research/submitStudyResult.ts'
export {
  acknowledgeStudyResult,
  type AcknowledgeStudyResultParameters,
  type AcknowledgeStudyResultReturnType,
} from './actions/research/acknowledgeStudyResult.ts'
export { getStudy, type GetStudyParameters, type Study } from './actions/research/getStudy.ts'
export { getEnrollment, type GetEnrollmentParameters, type Enrollment } from './actions/research/getEnrollment.ts'
export {
  installStudyVerifier,
  type InstallStudyVerifierParameters,
  type InstallStudyVerifierReturnType,
} from './actions/research/installStudyVerifier.ts'
