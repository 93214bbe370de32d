// RecordRegistry: single anchors and their versions, Merkle batches proven with @medchain/crypto
// trees, and erasure markers.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { encodeAbiParameters, parseEventLogs, stringToHex, zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import { individualKinds, recordRegistryAbi, recordRegistryBytecode, roles } from '../generated/index.ts'
import { deployConsortium, type ConsortiumContract } from './helpers/consortium.ts'
import { deployIdentityRegistry, newPatient, randomIds, sealBatch, type IdentityRegistryContract } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Registry = TestContract<typeof recordRegistryAbi>

type Leaf = {
  recordId: Hex
  patient: Address
  custodian: Address
  resourceType: Hex
  contentHash: Hex
  version: number
  previousContentHash: Hex
}

/** The documented leaf encoding: abi.encode of the fields in RecordLeaf order. */
const encodeLeaf = (leaf: Leaf): Hex =>
  encodeAbiParameters(
    [
      { type: 'bytes32' },
      { type: 'address' },
      { type: 'address' },
      { type: 'bytes32' },
      { type: 'bytes32' },
      { type: 'uint32' },
      { type: 'bytes32' },
    ],
    [leaf.recordId, leaf.patient, leaf.custodian, leaf.resourceType, leaf.contentHash, leaf.version, leaf.previousContentHash],
  )

const type = (name: string): Hex => stringToHex(name, { size: 32 })
const OBSERVATION = type('Observation')

describe('RecordRegistry', () => {
  let chain: TestChain
  let hospital: TestWallet
  let otherHospital: TestWallet
  let research: TestWallet
  let outsider: TestWallet
  let clinician: TestWallet
  let consortium: ConsortiumContract
  let identity: IdentityRegistryContract
  let registry: Registry
  let patient: Address
  before(async () => {
    chain = await startTestChain()
    ;[hospital, otherHospital, research, outsider, clinician] = [0, 1, 2, 3, 4].map((i) => chain.wallet(i)) as [
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
    ]
    consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [otherHospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
    ])
    await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    identity = await deployIdentityRegistry(chain, consortium)
    registry = await chain.deploy({ abi: recordRegistryAbi, bytecode: recordRegistryBytecode, args: [consortium.address, identity.address] })
    patient = (await newPatient(chain, identity)).account.address
  })
  after(() => chain?.close())

  const as = (wallet: TestWallet): Registry => chain.connect(registry, wallet)
  const [h1, h2, h3] = randomIds(3) as [Hex, Hex, Hex]

  /** Anchors version 1 of a fresh record from `from` (default the hospital). */
  async function anchored(from: TestWallet = hospital) {
    const [recordId, contentHash] = randomIds(2) as [Hex, Hex]
    await chain.mined(as(from).write.anchorRecord([recordId, patient, OBSERVATION, contentHash, zeroHash]))
    return { recordId, contentHash }
  }

  describe('single anchors', () => {
    it('anchors version 1 with the caller as custodian, then versions chained by content hash', async () => {
      const recordId = randomIds(1)[0]!
      let receipt = await chain.mined(registry.write.anchorRecord([recordId, patient, OBSERVATION, h1, zeroHash]))
      let [event] = parseEventLogs({ abi: recordRegistryAbi, logs: receipt.logs, eventName: 'RecordAnchored' })
      assert.deepEqual(event?.args, {
        recordId,
        patient,
        custodian: hospital.account.address,
        resourceType: OBSERVATION,
        contentHash: h1,
        version: 1,
        previousContentHash: zeroHash,
      })
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.deepEqual(await registry.read.getRecord([recordId]), {
        patient,
        custodian: hospital.account.address,
        version: 1,
        anchoredAt: block.timestamp,
        resourceType: OBSERVATION,
        contentHash: h1,
      })

      // A clinician of the custodian writes the next version.
      receipt = await chain.mined(as(clinician).write.anchorRecord([recordId, patient, OBSERVATION, h2, h1]))
      ;[event] = parseEventLogs({ abi: recordRegistryAbi, logs: receipt.logs, eventName: 'RecordAnchored' })
      assert.equal(event?.args.version, 2)
      assert.equal(event?.args.custodian, hospital.account.address)
      assert.equal(event?.args.previousContentHash, h1)
      const head = await registry.read.getRecord([recordId])
      assert.deepEqual([head.version, head.contentHash], [2, h2])
      assert.equal(await registry.read.identityRegistry(), identity.address)
      assert.equal(await registry.read.consortium(), consortium.address)
    })

    it('refuses a stale or missing previous content hash', async () => {
      const fresh = randomIds(1)[0]!
      await expectRevert(registry.write.anchorRecord([fresh, patient, OBSERVATION, h1, h2]), 'RecordStaleVersion', [fresh, zeroHash, h2])
      const { recordId, contentHash } = await anchored()
      await expectRevert(registry.write.anchorRecord([recordId, patient, OBSERVATION, h2, h3]), 'RecordStaleVersion', [
        recordId,
        contentHash,
        h3,
      ])
      await expectRevert(registry.write.anchorRecord([recordId, patient, OBSERVATION, h2, zeroHash]), 'RecordStaleVersion', [
        recordId,
        contentHash,
        zeroHash,
      ])
    })

    it('keeps custodian, patient and resource type across versions', async () => {
      const { recordId, contentHash } = await anchored()
      await expectRevert(as(otherHospital).write.anchorRecord([recordId, patient, OBSERVATION, h2, contentHash]), 'RecordNotCustodian', [
        recordId,
        hospital.account.address,
        otherHospital.account.address,
      ])
      const otherPatient = (await newPatient(chain, identity)).account.address
      await expectRevert(registry.write.anchorRecord([recordId, otherPatient, OBSERVATION, h2, contentHash]), 'RecordPatientMismatch', [
        recordId,
        patient,
        otherPatient,
      ])
      await expectRevert(
        registry.write.anchorRecord([recordId, patient, type('Condition'), h2, contentHash]),
        'RecordResourceTypeMismatch',
        [recordId, OBSERVATION, type('Condition')],
      )
    })

    it('refuses bad ids, unknown patients, malformed resource types and empty content hashes', async () => {
      const recordId = randomIds(1)[0]!
      await expectRevert(registry.write.anchorRecord([zeroHash, patient, OBSERVATION, h1, zeroHash]), 'RecordInvalidId')
      const stranger = chain.unfundedWallet().account.address
      await expectRevert(registry.write.anchorRecord([recordId, stranger, OBSERVATION, h1, zeroHash]), 'RecordUnknownPatient', [stranger])
      const malformed: Hex[] = [
        zeroHash,
        type('observation'),
        type('Blood Pressure'),
        type('Obs1'),
        `${OBSERVATION.slice(0, 64)}41` as Hex,
      ]
      for (const resourceType of malformed) {
        await expectRevert(registry.write.anchorRecord([recordId, patient, resourceType, h1, zeroHash]), 'RecordInvalidResourceType', [
          resourceType,
        ])
      }
      for (const name of ['MedicinalProductInteraction', 'A', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef']) {
        await chain.mined(registry.write.anchorRecord([randomIds(1)[0]!, patient, type(name), h1, zeroHash]))
      }
      await expectRevert(registry.write.anchorRecord([recordId, patient, OBSERVATION, zeroHash, zeroHash]), 'RecordInvalidContentHash')
    })

    it('admits hospital members and their clinicians only', async () => {
      const recordId = randomIds(1)[0]!
      await expectRevert(as(research).write.anchorRecord([recordId, patient, OBSERVATION, h1, zeroHash]), 'ConsortiumMissingRole', [
        research.account.address,
        roles.HOSPITAL,
      ])
      await expectRevert(as(outsider).write.anchorRecord([recordId, patient, OBSERVATION, h1, zeroHash]), 'ConsortiumNotMember', [
        outsider.account.address,
      ])
      await expectRevert(as(outsider).write.anchorBatch([h1, 1]), 'ConsortiumNotMember', [outsider.account.address])
      await expectRevert(as(research).write.markErased([recordId, 1]), 'ConsortiumMissingRole', [research.account.address, roles.HOSPITAL])
    })
  })

  describe('batches', () => {
    /** Leaves of `count` fresh records of `custodian`, their encodings and a sealed batch. */
    function batchOf(custodian: Address, count: number) {
      const leaves: Leaf[] = randomIds(count).map((recordId, i) => ({
        recordId,
        patient,
        custodian,
        resourceType: i % 2 ? OBSERVATION : type('Condition'),
        contentHash: randomIds(1)[0]!,
        version: 1 + (i % 3),
        previousContentHash: i % 3 ? randomIds(1)[0]! : zeroHash,
      }))
      return { leaves, ...sealBatch(leaves.map(encodeLeaf)) }
    }

    it('anchors a root and verifies every leaf of a @medchain/crypto batch on chain', async () => {
      const { leaves, root, proofs } = batchOf(hospital.account.address, 7)
      const receipt = await chain.mined(as(clinician).write.anchorBatch([root, 7]))
      const [event] = parseEventLogs({ abi: recordRegistryAbi, logs: receipt.logs, eventName: 'RecordBatchAnchored' })
      assert.deepEqual(event?.args, { root, custodian: hospital.account.address, count: 7 })
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.deepEqual(await registry.read.getBatch([root]), { custodian: hospital.account.address, count: 7, anchoredAt: block.timestamp })

      for (const [i, leaf] of leaves.entries()) assert.equal(await registry.read.verifyBatchedRecord([root, leaf, proofs[i]!]), true)
      // Another leaf's proof, a tampered leaf, an unknown root, and a truncated proof all fail.
      assert.equal(await registry.read.verifyBatchedRecord([root, leaves[0]!, proofs[1]!]), false)
      assert.equal(await registry.read.verifyBatchedRecord([root, { ...leaves[0]!, version: 9 }, proofs[0]!]), false)
      assert.equal(await registry.read.verifyBatchedRecord([h3, leaves[0]!, proofs[0]!]), false)
      assert.equal(await registry.read.verifyBatchedRecord([root, leaves[0]!, proofs[0]!.slice(1)]), false)
    })

    it('verifies a single-leaf batch with the empty proof', async () => {
      const { leaves, root, proofs } = batchOf(hospital.account.address, 1)
      assert.deepEqual(proofs, [[]])
      await chain.mined(registry.write.anchorBatch([root, 1]))
      assert.equal(await registry.read.verifyBatchedRecord([root, leaves[0]!, []]), true)
    })

    it('rejects leaves naming a custodian other than the one that anchored the batch', async () => {
      const { leaves, root, proofs } = batchOf(otherHospital.account.address, 3)
      await chain.mined(registry.write.anchorBatch([root, 3]))
      assert.equal(await registry.read.verifyBatchedRecord([root, leaves[0]!, proofs[0]!]), false)
    })

    it('refuses an empty or zero batch and a root anchored twice', async () => {
      await expectRevert(registry.write.anchorBatch([zeroHash, 1]), 'RecordInvalidBatch', [zeroHash, 1])
      await expectRevert(registry.write.anchorBatch([h1, 0]), 'RecordInvalidBatch', [h1, 0])
      const root = randomIds(1)[0]!
      await chain.mined(registry.write.anchorBatch([root, 2]))
      await expectRevert(as(otherHospital).write.anchorBatch([root, 2]), 'RecordBatchAlreadyAnchored', [root])
      assert.deepEqual(await registry.read.getBatch([h2]), { custodian: zeroAddress, count: 0, anchoredAt: 0n })
    })
  })

  describe('erasure', () => {
    it('the custodian (here through a clinician) marks a record erased once; the anchor stays', async () => {
      const { recordId, contentHash } = await anchored()
      const receipt = await chain.mined(as(clinician).write.markErased([recordId, 3]))
      const [event] = parseEventLogs({ abi: recordRegistryAbi, logs: receipt.logs, eventName: 'RecordErased' })
      assert.deepEqual(event?.args, { recordId, custodian: hospital.account.address, reasonCode: 3 })
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.deepEqual(await registry.read.getErasure([recordId]), {
        erasedBy: hospital.account.address,
        erasedAt: block.timestamp,
        reasonCode: 3,
      })
      assert.equal((await registry.read.getRecord([recordId])).contentHash, contentHash)
      await expectRevert(registry.write.markErased([recordId, 3]), 'RecordAlreadyErased', [recordId])
      await expectRevert(registry.write.anchorRecord([recordId, patient, OBSERVATION, h2, contentHash]), 'RecordAlreadyErased', [recordId])
    })

    it('refuses another hospital for a singly anchored record', async () => {
      const { recordId } = await anchored()
      await expectRevert(as(otherHospital).write.markErased([recordId, 1]), 'RecordNotCustodian', [
        recordId,
        hospital.account.address,
        otherHospital.account.address,
      ])
      await expectRevert(registry.write.markErased([zeroHash, 1]), 'RecordInvalidId')
    })

    it('records the eraser of a batched-only record, and blocks anchoring its id afterwards', async () => {
      const recordId = randomIds(1)[0]!
      await chain.mined(as(otherHospital).write.markErased([recordId, 2]))
      assert.equal((await registry.read.getErasure([recordId])).erasedBy, otherHospital.account.address)
      await expectRevert(registry.write.anchorRecord([recordId, patient, OBSERVATION, h1, zeroHash]), 'RecordAlreadyErased', [recordId])
      assert.deepEqual(await registry.read.getErasure([h3]), { erasedBy: zeroAddress, erasedAt: 0n, reasonCode: 0 })
    })
  })
})
