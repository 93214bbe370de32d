import type { Address, Hex } from 'viem'
import type { PurposeName } from './purposes.ts'
import type { RoleName } from './roles.ts'

/** Where the medchain contracts of one chain live; what `deployments/<chainId>.json` holds. */
export type Deployment = {
  chainId: number
  consortium: Address
  identityRegistry: Address
  recordRegistry: Address
  consentRegistry: Address
  emergencyAccess: Address
  accessLog: Address
  /** Drug products, lots, units and custody (supply chain). */
  drugRegistry: Address
  /** Medical devices by UDI and their lifecycle (supply chain). */
  deviceRegistry: Address
  /** Attestations, studies and enrollments (private research screening). */
  studyRegistry: Address
  /** Block holding the Consortium deployment: where event scans start. */
  deployedAtBlock: bigint
  deployer: Address
}

/** A consortium member organisation. */
export type Member = {
  address: Address
  name: string
  roles: RoleName[]
  gatewayUrl: string
  /** 33-byte compressed secp256k1 key readers wrap data keys to. */
  encryptionPublicKey: Hex
  /** Unix seconds of admission. */
  joinedAt: bigint
  /** False once removed. */
  active: boolean
}

export type ProposalKind = 'admission' | 'removal' | 'rolesChange'
export type ProposalStatus = 'pending' | 'executed' | 'rejected' | 'expired'

/** A governance proposal; `name`, `gatewayUrl`, `encryptionPublicKey` are set for admissions only. */
export type Proposal = {
  id: bigint
  kind: ProposalKind
  status: ProposalStatus
  proposer: Address
  org: Address
  /** The admitted member's roles, or the new roles of a roles change; empty for a removal. */
  roles: RoleName[]
  createdAt: bigint
  expiresAt: bigint
  memberCountSnapshot: number
  yesVotes: number
  noVotes: number
  name: string
  gatewayUrl: string
  encryptionPublicKey: Hex
}

/** A registered patient pseudonym. */
export type Patient = {
  pseudonym: Address
  encryptionPublicKey: Hex
  /** The hospital member that registered the pseudonym. */
  registrar: Address
  registeredAt: bigint
  /** 1 at registration, incremented by each key rotation. */
  keyVersion: number
}

/** The latest version of a singly anchored record (RecordRegistry). */
export type RecordAnchor = {
  recordId: Hex
  patient: Address
  /** The hospital member holding the encrypted resource. */
  custodian: Address
  /** FHIR resource type name, e.g. `Observation`. */
  resourceType: string
  /** SHA-256 of the ciphertext. */
  contentHash: Hex
  /** 1 for the first version. */
  version: number
  anchoredAt: bigint
}

/** A Merkle batch of records anchored by one custodian. */
export type RecordBatch = {
  root: Hex
  custodian: Address
  count: number
  anchoredAt: bigint
}

/** The crypto-shredding marker of a record. */
export type RecordErasure = {
  recordId: Hex
  /** The hospital member that marked it (the custodian for a singly anchored record). */
  erasedBy: Address
  erasedAt: bigint
  reasonCode: number
}

/**
 * One record of a Merkle batch; the leaf is `abi.encode` of these fields in this order (see
 * `encodeRecordLeaf`), with `resourceType` as its left-aligned bytes32.
 */
export type RecordLeaf = {
  recordId: Hex
  patient: Address
  custodian: Address
  /** FHIR resource type name, e.g. `Observation`. */
  resourceType: string
  contentHash: Hex
  version: number
  /** Zero hash for version 1. */
  previousContentHash: Hex
}

/** A patient's consent (ConsentRegistry). */
export type Consent = {
  consentId: Hex
  patient: Address
  /** A member (covering its individuals) or one individual. */
  grantee: Address
  purposes: PurposeName[]
  /** Names of the FHIR resource types in scope (bits of `resourceTypeMask` within FHIR_RESOURCE_TYPES). */
  resourceTypes: string[]
  /** The on-chain bitmask: bit i is FHIR_RESOURCE_TYPES[i]. */
  resourceTypeMask: bigint
  /** Record ids in scope, besides the resource types. */
  recordIds: Hex[]
  /** Unix seconds from which the consent applies. */
  start: bigint
  /** Unix seconds from which it no longer applies. */
  expiry: bigint
  grantedAt: bigint
  /** Undefined while not revoked. */
  revokedAt: bigint | undefined
}

export type BreakGlassReviewStatus = 'pending' | 'justified' | 'unjustified'

/** A break-glass (emergency) access (EmergencyAccess). */
export type BreakGlassAccess = {
  accessId: Hex
  patient: Address
  clinician: Address
  /** The hospital member the clinician acts for. */
  member: Address
  reasonCode: number
  /** Hash of the off-chain free-text justification. */
  justificationHash: Hex
  openedAt: bigint
  expiresAt: bigint
  /** Whether the access grants access now (see IEmergencyAccess). */
  active: boolean
  reviewStatus: BreakGlassReviewStatus
  /** Undefined until reviewed. */
  reviewer: Address | undefined
  reviewedAt: bigint | undefined
  noteHash: Hex
}

/** A logged batch of access entries (AccessLog). */
export type AccessBatch = {
  root: Hex
  /** The member whose gateway logged it. */
  member: Address
  count: number
  firstAt: bigint
  lastAt: bigint
  loggedAt: bigint
}

/**
 * One access-log entry; the leaf is `abi.encode` of these fields in this order (see
 * `encodeAccessEntry`). Codes are the on-chain ones: `accessActions`, `purposes`, `accessDecisions`.
 */
export type AccessEntry = {
  /** Unique id the gateway gives the entry. */
  entryId: Hex
  /** Who asked: a member, an individual or a patient pseudonym. */
  accessor: Address
  /** The member whose gateway served the request and logs the batch. */
  member: Address
  /** Zero address if no patient is concerned. */
  patient: Address
  /** Zero hash if no single record is concerned (e.g. a search). */
  recordId: Hex
  /** An `accessActions` code (READ 1, WRITE 2, REFUSE 3, EXPORT 4, ERASE 5, SEARCH 6). */
  action: number
  /** The `purposes` bits stated. */
  purpose: number
  /** The consent id or break-glass access id relied on; zero hash if none. */
  authorization: Hex
  /** An `accessDecisions` code. */
  decision: number
  /** Unix seconds of the access. */
  accessedAt: bigint
}

/** The SDK form of a consent's terms. */
export type ConsentTerms = {
  /** An active member (covering its individuals) or one individual. */
  grantee: Address
  /** At least one purpose. */
  purposes: PurposeName | readonly PurposeName[]
  /** FHIR resource type names in scope (see FHIR_RESOURCE_TYPES). Default none. */
  resourceTypes?: readonly string[] | undefined
  /** Record ids in scope (at most 64), besides the resource types. Default none. */
  recordIds?: readonly Hex[] | undefined
  /** Unix seconds from which the consent applies. Default 0: at once. */
  start?: bigint | number | undefined
  /** Unix seconds from which it no longer applies; after `start` and in the future. */
  expiry: bigint | number
}

/** ConsentRegistry's GrantInput: the exact terms a patient signs and a relayer submits. */
export type ConsentGrantInput = {
  grantee: Address
  /** Purposes bitmask. */
  purposes: number
  /** Resource-type bitmask (bit i = FHIR_RESOURCE_TYPES[i]). */
  resourceTypes: bigint
  recordIds: Hex[]
  start: bigint
  expiry: bigint
}
