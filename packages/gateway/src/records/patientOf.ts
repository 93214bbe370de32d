import { extractSearchParams } from '@medchain/fhir'
import type { FhirResource } from 'fhir/r4.js'
import { isAddress, zeroAddress, type Address } from 'viem'
import { GatewayError } from '../errors.ts'

/**
 * Resource types that describe the care setting rather than a patient (directory data): they carry
 * no patient, so only the custodian's key wraps them and any member may read them.
 */
export const DIRECTORY_TYPES: ReadonlySet<string> = new Set([
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'HealthcareService',
  'Endpoint',
  'Medication',
  'Substance',
  'Device',
])

/**
 * The patient pseudonym a resource belongs to: a Patient's own id, else its patient or subject
 * reference `Patient/<pseudonym>`. Pseudonyms are the patients' addresses, so one id names the
 * patient at every gateway and on chain. Directory types belong to no patient (zero address).
 * @throws GatewayError `GATEWAY_UNKNOWN_PATIENT` when a patient resource names no pseudonym
 */
export function patientOf(resource: FhirResource): Address {
  if (DIRECTORY_TYPES.has(resource.resourceType)) return zeroAddress
  const ids = new Set(
    extractSearchParams(resource)
      .filter((row) => row.name === 'patient' && row.valueStr !== undefined)
      .map((row) => (row.valueStr as string).toLowerCase()),
  )
  const [id] = ids
  if (ids.size !== 1 || id === undefined || !isAddress(id, { strict: false })) {
    const expression = resource.resourceType === 'Patient' ? 'Patient.id' : `${resource.resourceType}.subject`
    throw new GatewayError(
      ids.size > 1
        ? `${resource.resourceType} refers to more than one patient`
        : `${resource.resourceType} must refer to its patient as Patient/<pseudonym address>`,
      { code: 'GATEWAY_UNKNOWN_PATIENT', expression },
    )
  }
  return id as Address
}
