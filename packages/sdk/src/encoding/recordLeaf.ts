import { encodeAbiParameters, hexToBytes } from 'viem'
import { MedchainError } from '../errors.ts'
import { assertAddress, assertBytes32, assertSmallUint } from '../internal/assert.ts'
import type { RecordLeaf } from '../types.ts'
import { resourceTypeToBytes32 } from './resourceType.ts'

/** ABI types of a record leaf, in the order IRecordRegistry documents. */
const RECORD_LEAF_PARAMETERS = [
  { name: 'recordId', type: 'bytes32' },
  { name: 'patient', type: 'address' },
  { name: 'custodian', type: 'address' },
  { name: 'resourceType', type: 'bytes32' },
  { name: 'contentHash', type: 'bytes32' },
  { name: 'version', type: 'uint32' },
  { name: 'previousContentHash', type: 'bytes32' },
] as const

/** A record leaf's fields checked and in their on-chain form (the RecordLeaf struct). */
export function toRecordLeafStruct(leaf: RecordLeaf, name = 'leaf') {
  if (typeof leaf !== 'object' || leaf === null) {
    throw new MedchainError(`"${name}" expected a record leaf object`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return {
    recordId: assertBytes32(`${name}.recordId`, leaf.recordId, { nonZero: true }),
    patient: assertAddress(`${name}.patient`, leaf.patient),
    custodian: assertAddress(`${name}.custodian`, leaf.custodian),
    resourceType: resourceTypeToBytes32(leaf.resourceType),
    contentHash: assertBytes32(`${name}.contentHash`, leaf.contentHash, { nonZero: true }),
    version: assertSmallUint(`${name}.version`, leaf.version, 32, { min: 1 }),
    previousContentHash: assertBytes32(`${name}.previousContentHash`, leaf.previousContentHash),
  }
}

/**
 * The leaf data of a batched record, to pass to `@medchain/crypto`'s `createMerkleBatch().add()`:
 * `abi.encode(bytes32 recordId, address patient, address custodian, bytes32 resourceType,
 * bytes32 contentHash, uint32 version, bytes32 previousContentHash)`. The batch hashes it into the
 * OpenZeppelin standard leaf `keccak256(keccak256(data))` that RecordRegistry.verifyBatchedRecord checks.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a malformed field (named)
 */
export function encodeRecordLeaf(leaf: RecordLeaf): Uint8Array {
  const s = toRecordLeafStruct(leaf)
  return hexToBytes(
    encodeAbiParameters(RECORD_LEAF_PARAMETERS, [s.recordId, s.patient, s.custodian, s.resourceType, s.contentHash, s.version, s.previousContentHash]),
  )
}
