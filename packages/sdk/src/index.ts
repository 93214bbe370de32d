export { MedchainError, MedchainErrorCodes, isMedchainError, type MedchainErrorCode, type MedchainErrorOptions, type ContractRevert } from './errors.ts'
export { decodeContractError, formatRevert, type DecodeContractErrorOptions } from './decodeContractError.ts'
export {
  createMedchainClient,
  type CreateMedchainClientParameters,
  type CreateMedchainClientReturnType,
  type MedchainClient,
} from './createMedchainClient.ts'
export { ROLE_NAMES, isRoleName, rolesToMask, maskToRoles, individualKindToValue, type RoleName, type IndividualKind } from './roles.ts'
export type { Deployment, Member, Patient, Proposal, ProposalKind, ProposalStatus } from './types.ts'
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

export { deployContracts, type DeployContractsParameters, type DeployContractsReturnType, type MemberInput } from './deploy/deployContracts.ts'
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
