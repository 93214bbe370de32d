import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { accessActions, accessDecisions, purposes } from '@medchain/contracts'
import { bytesToHex, encodeAbiParameters, stringToHex, zeroAddress, zeroHash, type Hex } from 'viem'
import { expectMedchainError } from '../../test/expectMedchainError.ts'
import { FHIR_RESOURCE_TYPES } from '../fhirResourceTypes.ts'
import type { AccessEntry, RecordLeaf } from '../types.ts'
import { encodeAccessEntry } from './accessEntry.ts'
import { encodeRecordLeaf } from './recordLeaf.ts'
import { bytes32ToResourceType, resourceTypeToBytes32 } from './resourceType.ts'

const id = (byte: string): Hex => `0x${byte.repeat(32)}`
const alice = '0x1111111111111111111111111111111111111111'
const bob = '0x2222222222222222222222222222222222222222'

describe('leaf encodings', () => {
  it('puts resource type names left-aligned in 32 bytes and reads them back', async () => {
    assert.equal(resourceTypeToBytes32('Observation'), `0x4f62736572766174696f6e${'00'.repeat(21)}`)
    for (const name of FHIR_RESOURCE_TYPES.filter((n) => n.length <= 32)) assert.equal(bytes32ToResourceType(resourceTypeToBytes32(name)), name)
    for (const bad of ['', 'observation', 'Blood Pressure', 'Obs1', 'MedicinalProductUndesirableEffect']) {
      await expectMedchainError(() => resourceTypeToBytes32(bad), 'SDK_INVALID_ARGUMENT')
    }
    for (const bad of [zeroHash, stringToHex('x', { size: 32 }), `${resourceTypeToBytes32('Observation').slice(0, 64)}41` as Hex, '0x4f' as Hex]) {
      await expectMedchainError(() => bytes32ToResourceType(bad), 'SDK_INVALID_ARGUMENT')
    }
  })

  it('encodes a record leaf as abi.encode of its fields in the documented order', async () => {
    const leaf: RecordLeaf = {
      recordId: id('01'),
      patient: alice,
      custodian: bob,
      resourceType: 'Condition',
      contentHash: id('02'),
      version: 3,
      previousContentHash: id('03'),
    }
    const expected = encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'address' }, { type: 'address' }, { type: 'bytes32' }, { type: 'bytes32' }, { type: 'uint32' }, { type: 'bytes32' }],
      [id('01'), alice, bob, stringToHex('Condition', { size: 32 }), id('02'), 3, id('03')],
    )
    assert.equal(bytesToHex(encodeRecordLeaf(leaf)), expected)
    assert.equal(encodeRecordLeaf(leaf).length, 7 * 32)
    await expectMedchainError(() => encodeRecordLeaf({ ...leaf, version: 0 }), 'SDK_INVALID_ARGUMENT')
    const badPatient = await expectMedchainError(() => encodeRecordLeaf({ ...leaf, patient: '0x12' }), 'SDK_INVALID_ARGUMENT')
    assert.match(badPatient.message, /"leaf\.patient"/)
  })

  it('encodes an access entry as abi.encode of its fields in the documented order', async () => {
    const entry: AccessEntry = {
      entryId: id('0a'),
      accessor: alice,
      member: bob,
      patient: zeroAddress,
      recordId: zeroHash,
      action: accessActions.SEARCH,
      purpose: purposes.TREATMENT,
      authorization: id('0b'),
      decision: accessDecisions.ALLOWED,
      accessedAt: 1_700_000_000n,
    }
    const expected = encodeAbiParameters(
      [
        { type: 'bytes32' },
        { type: 'address' },
        { type: 'address' },
        { type: 'address' },
        { type: 'bytes32' },
        { type: 'uint8' },
        { type: 'uint16' },
        { type: 'bytes32' },
        { type: 'uint8' },
        { type: 'uint64' },
      ],
      [id('0a'), alice, bob, zeroAddress, zeroHash, 6, 1, id('0b'), 0, 1_700_000_000n],
    )
    assert.equal(bytesToHex(encodeAccessEntry(entry)), expected)
    await expectMedchainError(() => encodeAccessEntry({ ...entry, action: 256 }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => encodeAccessEntry({ ...entry, accessedAt: 2n ** 64n }), 'SDK_INVALID_ARGUMENT')
  })
})
