// Converts the Consortium's ABI-decoded structs into the SDK's named, role-named types.
import type { Address, Hex } from 'viem'
import { MedchainError } from '../errors.ts'
import { maskToRoles } from '../roles.ts'
import type { Member, Proposal, ProposalKind, ProposalStatus } from '../types.ts'

/** Solidity enum order of IConsortium.ProposalKind. */
const KINDS: readonly ProposalKind[] = ['admission', 'removal', 'rolesChange']
/** Solidity enum order of IConsortium.ProposalStatus; `None` (0) never reaches here. */
const STATUSES: readonly (ProposalStatus | undefined)[] = [undefined, 'pending', 'executed', 'rejected', 'expired']

type RawMember = {
  name: string
  roles: number
  gatewayUrl: string
  encryptionPublicKey: Hex
  joinedAt: bigint
  active: boolean
}

type RawProposal = {
  kind: number
  status: number
  proposer: Address
  org: Address
  roles: number
  createdAt: bigint
  expiresAt: bigint
  memberCountSnapshot: number
  yesVotes: number
  noVotes: number
  name: string
  gatewayUrl: string
  encryptionPublicKey: Hex
}

export function toMember(address: Address, raw: RawMember): Member {
  return {
    address,
    name: raw.name,
    roles: maskToRoles(raw.roles),
    gatewayUrl: raw.gatewayUrl,
    encryptionPublicKey: raw.encryptionPublicKey,
    joinedAt: raw.joinedAt,
    active: raw.active,
  }
}

export function toProposal(id: bigint, raw: RawProposal): Proposal {
  const kind = KINDS[raw.kind]
  const status = STATUSES[raw.status]
  // The contract only ever stores these enum values; anything else means a mismatched ABI.
  if (kind === undefined || status === undefined) {
    throw new MedchainError(`Proposal ${id} has an unknown kind ${raw.kind} or status ${raw.status}`, { code: 'SDK_UNKNOWN_ERROR' })
  }
  return {
    id,
    kind,
    status,
    proposer: raw.proposer,
    org: raw.org,
    roles: maskToRoles(raw.roles),
    createdAt: raw.createdAt,
    expiresAt: raw.expiresAt,
    memberCountSnapshot: raw.memberCountSnapshot,
    yesVotes: raw.yesVotes,
    noVotes: raw.noVotes,
    name: raw.name,
    gatewayUrl: raw.gatewayUrl,
    encryptionPublicKey: raw.encryptionPublicKey,
  }
}
