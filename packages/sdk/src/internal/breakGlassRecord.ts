import { zeroAddress, type Address, type Hex } from 'viem'
import { MedchainError } from '../errors.ts'
import type { BreakGlassAccess, BreakGlassReviewStatus } from '../types.ts'

/** Solidity enum order of IEmergencyAccess.ReviewStatus. */
const STATUSES: readonly BreakGlassReviewStatus[] = ['pending', 'justified', 'unjustified']

type RawAccess = {
  patient: Address
  clinician: Address
  member: Address
  reasonCode: number
  justificationHash: Hex
  openedAt: bigint
  expiresAt: bigint
  reviewStatus: number
  reviewer: Address
  reviewedAt: bigint
  noteHash: Hex
}

/** EmergencyAccess's Access struct in the SDK's form. */
export function toBreakGlassAccess(accessId: Hex, raw: RawAccess, active: boolean): BreakGlassAccess {
  const reviewStatus = STATUSES[raw.reviewStatus]
  // The contract only ever stores these enum values; anything else means a mismatched ABI.
  if (reviewStatus === undefined) {
    throw new MedchainError(`Break-glass access ${accessId} has an unknown review status ${raw.reviewStatus}`, { code: 'SDK_UNKNOWN_ERROR' })
  }
  return {
    accessId,
    patient: raw.patient,
    clinician: raw.clinician,
    member: raw.member,
    reasonCode: raw.reasonCode,
    justificationHash: raw.justificationHash,
    openedAt: raw.openedAt,
    expiresAt: raw.expiresAt,
    active,
    reviewStatus,
    reviewer: raw.reviewer === zeroAddress ? undefined : raw.reviewer,
    reviewedAt: raw.reviewedAt === 0n ? undefined : raw.reviewedAt,
    noteHash: raw.noteHash,
  }
}
