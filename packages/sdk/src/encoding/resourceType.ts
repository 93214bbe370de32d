import { hexToString, stringToHex, type Hex } from 'viem'
import { MedchainError } from '../errors.ts'
import { assertBytes32 } from '../internal/assert.ts'

/** What RecordRegistry accepts: an upper-case ASCII letter, then ASCII letters, 32 at most. */
const NAME = /^[A-Z][A-Za-z]{0,31}$/

/**
 * A FHIR resource type name as RecordRegistry stores it: ASCII, left-aligned in 32 bytes, zero-padded
 * (`Observation` -> 0x4f62736572766174696f6e000...). Names over 32 characters (only R4's
 * `MedicinalProductUndesirableEffect`) cannot be anchored.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for anything but 1-32 ASCII letters starting upper-case
 */
export function resourceTypeToBytes32(name: string): Hex {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new MedchainError(`"resourceType" expected a FHIR resource type name (1-32 ASCII letters, upper-case first), got ${JSON.stringify(name)}`, {
      code: 'SDK_INVALID_ARGUMENT',
    })
  }
  return stringToHex(name, { size: 32 })
}

/**
 * The FHIR resource type name in a bytes32 made by {@link resourceTypeToBytes32}.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` when the value is not such an encoding
 */
export function bytes32ToResourceType(value: Hex): string {
  const hex = assertBytes32('value', value)
  const name = hexToString(hex).replace(/\0+$/, '')
  if (!NAME.test(name) || stringToHex(name, { size: 32 }) !== hex) {
    throw new MedchainError(`"value" is not a left-aligned FHIR resource type name: ${hex}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return name
}
