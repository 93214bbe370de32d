import { RESOURCE_TYPES } from '@medchain/fhir'
import { MedchainError } from './errors.ts'

/**
 * The FHIR resource types a consent's `resourceTypes` bitmask refers to: bit i of the mask is
 * `FHIR_RESOURCE_TYPES[i]`: the table of `@medchain/fhir` (the FHIR R4 resource types in
 * alphabetical order, 146 of them, so the uint256 mask has room to spare), one table for both. Append-only: consents on chain keep their bits forever, so an
 * entry is never moved, removed or renamed; a later FHIR version's new types go at the end.
 */
export const FHIR_RESOURCE_TYPES = RESOURCE_TYPES

const INDEX = new Map<string, number>(FHIR_RESOURCE_TYPES.map((name, i) => [name, i]))

/**
 * The bit index of a FHIR resource type, as ConsentRegistry checks take it (`resourceTypeIndex`).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a name not in {@link FHIR_RESOURCE_TYPES}
 */
export function resourceTypeIndex(name: string, argument = 'resourceType'): number {
  const index = typeof name === 'string' ? INDEX.get(name) : undefined
  if (index === undefined) {
    throw new MedchainError(`"${argument}" is not a FHIR resource type of FHIR_RESOURCE_TYPES: ${JSON.stringify(name)}`, {
      code: 'SDK_INVALID_ARGUMENT',
    })
  }
  return index
}

/**
 * The consent bitmask of a list of FHIR resource type names (empty list: 0n).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a name not in {@link FHIR_RESOURCE_TYPES}
 */
export function resourceTypesToMask(names: readonly string[], argument = 'resourceTypes'): bigint {
  if (!Array.isArray(names)) throw new MedchainError(`"${argument}" expected an array of FHIR resource type names`, { code: 'SDK_INVALID_ARGUMENT' })
  return names.reduce((mask, name, i) => mask | (1n << BigInt(resourceTypeIndex(name, `${argument}[${i}]`))), 0n)
}

/** The FHIR resource type names of a consent bitmask, in table order; bits past the table are ignored. */
export function maskToResourceTypes(mask: bigint): string[] {
  return FHIR_RESOURCE_TYPES.filter((_, i) => (mask >> BigInt(i)) & 1n)
}
