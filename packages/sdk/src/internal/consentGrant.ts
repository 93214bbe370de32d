// The terms of a consent grant: from the SDK's named form to ConsentRegistry's GrantInput, and the
// checks a signed grant's raw terms get before relaying.
import { concat, keccak256, type Hex } from 'viem'
import { resourceTypesToMask } from '../fhirResourceTypes.ts'
import { MedchainError } from '../errors.ts'
import { purposesToMask } from '../purposes.ts'
import type { ConsentGrantInput, ConsentTerms } from '../types.ts'
import { assertAddress, assertBytes32Array, assertSmallUint, assertUint, assertUint64 } from './assert.ts'

/** The terms in ConsentRegistry's form; names are checked against the purpose and FHIR type tables. */
export function toConsentGrantInput(terms: ConsentTerms): ConsentGrantInput {
  if (typeof terms !== 'object' || terms === null) throw new MedchainError('expected consent terms', { code: 'SDK_INVALID_ARGUMENT' })
  return {
    grantee: assertAddress('grantee', terms.grantee),
    purposes: purposesToMask(terms.purposes),
    resourceTypes: resourceTypesToMask(terms.resourceTypes ?? []),
    recordIds: assertBytes32Array('recordIds', terms.recordIds ?? [], { maxLength: 64 }),
    start: assertUint64('start', terms.start ?? 0n),
    expiry: assertUint64('expiry', terms.expiry),
  }
}

/** Checks the raw terms of a signed grant (e.g. received by a gateway) and returns them normalised. */
export function assertConsentGrantInput(name: string, input: ConsentGrantInput): ConsentGrantInput {
  if (typeof input !== 'object' || input === null) throw new MedchainError(`"${name}" expected grant terms`, { code: 'SDK_INVALID_ARGUMENT' })
  const resourceTypes = assertUint(`${name}.resourceTypes`, input.resourceTypes)
  return {
    grantee: assertAddress(`${name}.grantee`, input.grantee),
    purposes: assertSmallUint(`${name}.purposes`, input.purposes, 16),
    resourceTypes,
    recordIds: assertBytes32Array(`${name}.recordIds`, input.recordIds, { maxLength: 64 }),
    start: assertUint64(`${name}.start`, input.start),
    expiry: assertUint64(`${name}.expiry`, input.expiry),
  }
}

/** `recordIdsHash` of the Grant type: keccak256(abi.encodePacked(recordIds)). */
export function recordIdsHash(recordIds: readonly Hex[]): Hex {
  return keccak256(recordIds.length === 0 ? '0x' : concat([...recordIds]))
}
