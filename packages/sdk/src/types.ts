import type { Address, Hex } from 'viem'
import type { RoleName } from './roles.ts'

/** Where the medchain contracts of one chain live; what `deployments/<chainId>.json` holds. */
export type Deployment = {
  chainId: number
  consortium: Address
  identityRegistry: Address
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
