import { encodeAbiParameters, hexToBytes } from 'viem'
import { MedchainError } from '../errors.ts'
import { assertAddress, assertBytes32, assertSmallUint, assertUint64 } from '../internal/assert.ts'
import type { AccessEntry } from '../types.ts'

/** ABI types of an access-log leaf, in the order IAccessLog documents. */
const ACCESS_ENTRY_PARAMETERS = [
  { name: 'entryId', type: 'bytes32' },
  { name: 'accessor', type: 'address' },
  { name: 'member', type: 'address' },
  { name: 'patient', type: 'address' },
  { name: 'recordId', type: 'bytes32' },
  { name: 'action', type: 'uint8' },
  { name: 'purpose', type: 'uint16' },
  { name: 'authorization', type: 'bytes32' },
  { name: 'decision', type: 'uint8' },
  { name: 'accessedAt', type: 'uint64' },
] as const

/** An access entry's fields checked (the AccessEntry struct). */
export function toAccessEntryStruct(entry: AccessEntry, name = 'entry') {
  if (typeof entry !== 'object' || entry === null) {
    throw new MedchainError(`"${name}" expected an access entry object`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return {
    entryId: assertBytes32(`${name}.entryId`, entry.entryId),
    accessor: assertAddress(`${name}.accessor`, entry.accessor),
    member: assertAddress(`${name}.member`, entry.member),
    patient: assertAddress(`${name}.patient`, entry.patient),
    recordId: assertBytes32(`${name}.recordId`, entry.recordId),
    action: assertSmallUint(`${name}.action`, entry.action, 8),
    purpose: assertSmallUint(`${name}.purpose`, entry.purpose, 16),
    authorization: assertBytes32(`${name}.authorization`, entry.authorization),
    decision: assertSmallUint(`${name}.decision`, entry.decision, 8),
    accessedAt: assertUint64(`${name}.accessedAt`, entry.accessedAt),
  }
}

/**
 * The leaf data of an access-log entry, to pass to `@medchain/crypto`'s `createMerkleBatch().add()`:
 * `abi.encode(bytes32 entryId, address accessor, address member, address patient, bytes32 recordId,
 * uint8 action, uint16 purpose, bytes32 authorization, uint8 decision, uint64 accessedAt)`.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a malformed field (named)
 */
export function encodeAccessEntry(entry: AccessEntry): Uint8Array {
  const s = toAccessEntryStruct(entry)
  return hexToBytes(
    encodeAbiParameters(ACCESS_ENTRY_PARAMETERS, [
      s.entryId,
      s.accessor,
      s.member,
      s.patient,
      s.recordId,
      s.action,
      s.purpose,
      s.authorization,
      s.decision,
      s.accessedAt,
    ]),
  )
}
