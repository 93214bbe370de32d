import type { Address, Hex } from 'viem'
import { maskToResourceTypes } from '../fhirResourceTypes.ts'
import { maskToPurposes } from '../purposes.ts'
import type { Consent } from '../types.ts'

type RawConsent = {
  patient: Address
  grantee: Address
  purposes: number
  resourceTypes: bigint
  recordIds: readonly Hex[]
  start: bigint
  expiry: bigint
  grantedAt: bigint
  revokedAt: bigint
}

/** ConsentRegistry's Consent struct in the SDK's form. */
export function toConsent(consentId: Hex, raw: RawConsent): Consent {
  return {
    consentId,
    patient: raw.patient,
    grantee: raw.grantee,
    purposes: maskToPurposes(raw.purposes),
    resourceTypes: maskToResourceTypes(raw.resourceTypes),
    resourceTypeMask: raw.resourceTypes,
    recordIds: [...raw.recordIds],
    start: raw.start,
    expiry: raw.expiry,
    grantedAt: raw.grantedAt,
    revokedAt: raw.revokedAt === 0n ? undefined : raw.revokedAt,
  }
}
