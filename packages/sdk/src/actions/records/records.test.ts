// Record anchors: single versions, Merkle batches built with @medchain/crypto, erasure markers.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMerkleBatch, privateKeyToAddress } from '@medchain/crypto'
import { bytesToHex, keccak256, stringToHex, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { encodeRecordLeaf } from '../../encoding/recordLeaf.ts'
import type { RecordLeaf } from '../../types.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { registerPatient } from '../identity/registerPatient.ts'
import { anchorRecord } from './anchorRecord.ts'
import { anchorRecordBatch } from './anchorRecordBatch.ts'
import { getErasure } from './getErasure.ts'
import { getRecordAnchor } from './getRecordAnchor.ts'
import { getRecordBatch } from './getRecordBatch.ts'
import { markRecordErased } from './markRecordErased.ts'
import { verifyBatchedRecord } from './verifyBatchedRecord.ts'

let counter = 0
const nextId = (): Hex => keccak256(stringToHex(`record ${++counter} ${Math.random()}`))

describe('record anchors', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let research: MedchainClient
  let hospitalAddress: Address
  let patient: Address
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    research = await chain.client(chain.keys[2])
    hospitalAddress = privateKeyToAddress(chain.keys[1]!)
    const key = freshKey()
    await registerPatient(hospital, { pseudonym: key.address, encryptionPublicKey: key.publicKey })
    patient = key.address
  })
  after(() => chain?.close())

  it('anchors a record and its next version, and reads the head', async () => {
    const recordId = nextId()
    const [v1, v2] = [nextId(), nextId()]
    const first = await anchorRecord(hospital, { recordId, patient, resourceType: 'Observation', contentHash: v1 })
    assert.equal(first.version, 1)
    const second = await anchorRecord(hospital, { recordId, patient, resourceType: 'Observation', contentHash: v2, previousContentHash: v1 })
    assert.equal(second.version, 2)
    const head = await getRecordAnchor(research, { recordId })
    assert.deepEqual(
      { ...head, anchoredAt: undefined },
      { recordId, patient, custodian: hospitalAddress, resourceType: 'Observation', contentHash: v2, version: 2, anchoredAt: undefined },
    )
    assert.ok(head!.anchoredAt > 0n)
    assert.equal(await getRecordAnchor(research, { recordId: nextId() }), undefined)

    await expectRevert(anchorRecord(hospital, { recordId, patient, resourceType: 'Observation', contentHash: nextId(), previousContentHash: v1 }), 'RecordStaleVersion', [
      recordId,
      v2,
      v1,
    ])
    await expectRevert(anchorRecord(research, { recordId: nextId(), patient, resourceType: 'Observation', contentHash: v1 }), 'ConsortiumMissingRole')
    await expectMedchainError(anchorRecord(hospital, { recordId, patient, resourceType: 'blood pressure', contentHash: v1 }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(anchorRecord(hospital, { recordId: `0x${'00'.repeat(32)}`, patient, resourceType: 'Observation', contentHash: v1 }), 'SDK_INVALID_ARGUMENT')
  })

  it('anchors a batch root from @medchain/crypto and verifies its leaves on chain', async () => {
    const leaves: RecordLeaf[] = Array.from({ length: 5 }, (_, i) => ({
      recordId: nextId(),
      patient,
      custodian: hospitalAddress,
      resourceType: i % 2 ? 'Observation' : 'Condition',
      contentHash: nextId(),
      version: 1,
      previousContentHash: `0x${'00'.repeat(32)}`,
    }))
    const batch = createMerkleBatch()
    for (const leaf of leaves) batch.add(encodeRecordLeaf(leaf))
    const { root, proofs } = batch.seal()
    await anchorRecordBatch(hospital, { root, count: leaves.length })
    const stored = await getRecordBatch(research, { root })
    assert.deepEqual({ ...stored, anchoredAt: 0n }, { root: bytesToHex(root), custodian: hospitalAddress, count: 5, anchoredAt: 0n })
    for (const [i, leaf] of leaves.entries()) assert.equal(await verifyBatchedRecord(research, { root, leaf, proof: proofs[i]! }), true)
    assert.equal(await verifyBatchedRecord(research, { root, leaf: leaves[0]!, proof: proofs[1]! }), false)
    assert.equal(await verifyBatchedRecord(research, { root, leaf: { ...leaves[0]!, custodian: patient }, proof: proofs[0]! }), false)
    assert.equal(await getRecordBatch(research, { root: nextId() }), undefined)
    await expectRevert(anchorRecordBatch(hospital, { root, count: 5 }), 'RecordBatchAlreadyAnchored', [bytesToHex(root)])
    await expectMedchainError(anchorRecordBatch(hospital, { root, count: 0 }), 'SDK_INVALID_ARGUMENT')
  })

  it('marks a record erased once and reads the marker', async () => {
    const recordId = nextId()
    await anchorRecord(hospital, { recordId, patient, resourceType: 'Condition', contentHash: nextId() })
    assert.equal(await getErasure(research, { recordId }), undefined)
    await markRecordErased(hospital, { recordId, reasonCode: 2 })
    const erasure = await getErasure(research, { recordId })
    assert.deepEqual({ ...erasure, erasedAt: 0n }, { recordId, erasedBy: hospitalAddress, reasonCode: 2, erasedAt: 0n })
    await expectRevert(markRecordErased(hospital, { recordId, reasonCode: 2 }), 'RecordAlreadyErased', [recordId])
    await expectMedchainError(markRecordErased(hospital, { recordId, reasonCode: 70_000 }), 'SDK_INVALID_ARGUMENT')
  })
})
