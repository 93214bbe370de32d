// AccessLog: members log Merkle roots of access entries; entries are proven with @medchain/crypto trees.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { encodeAbiParameters, parseEventLogs, zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import { accessActions, accessDecisions, accessLogAbi, accessLogBytecode, individualKinds, purposes, roles } from '../generated/index.ts'
import { deployConsortium } from './helpers/consortium.ts'
import { randomIds, sealBatch } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Log = TestContract<typeof accessLogAbi>

type Entry = {
  entryId: Hex
  accessor: Address
  member: Address
  patient: Address
  recordId: Hex
  action: number
  purpose: number
  authorization: Hex
  decision: number
  accessedAt: bigint
}

/** The documented leaf encoding: abi.encode of the fields in AccessEntry order. */
const encodeEntry = (e: Entry): Hex =>
  encodeAbiParameters(
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
    [e.entryId, e.accessor, e.member, e.patient, e.recordId, e.action, e.purpose, e.authorization, e.decision, e.accessedAt],
  )

describe('AccessLog', () => {
  let chain: TestChain
  let hospital: TestWallet
  let research: TestWallet
  let clinician: TestWallet
  let log: Log
  before(async () => {
    chain = await startTestChain()
    ;[hospital, research, clinician] = [0, 1, 2].map((i) => chain.wallet(i)) as [TestWallet, TestWallet, TestWallet]
    const consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
    ])
    await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    log = await chain.deploy({ abi: accessLogAbi, bytecode: accessLogBytecode, args: [consortium.address] })
  })
  after(() => chain?.close())

  const as = (wallet: TestWallet): Log => chain.connect(log, wallet)

  function entries(member: Address, count: number): Entry[] {
    return randomIds(count).map((entryId, i) => ({
      entryId,
      accessor: clinician.account.address,
      member,
      patient: chain.unfundedWallet().account.address,
      recordId: i % 4 === 3 ? zeroHash : randomIds(1)[0]!,
      action: i % 4 === 3 ? accessActions.SEARCH : i % 2 ? accessActions.REFUSE : accessActions.READ,
      purpose: purposes.TREATMENT,
      authorization: i % 2 ? zeroHash : randomIds(1)[0]!,
      decision: i % 2 ? accessDecisions.NO_CONSENT : accessDecisions.ALLOWED,
      accessedAt: 1_700_000_000n + BigInt(i),
    }))
  }

  it('a member logs a batch root, and every entry of it verifies on chain', async () => {
    const batch = entries(research.account.address, 9)
    const { root, proofs } = sealBatch(batch.map(encodeEntry))
    const receipt = await chain.mined(as(research).write.logBatch([root, 9, 1_700_000_000n, 1_700_000_008n]))
    const [event] = parseEventLogs({ abi: accessLogAbi, logs: receipt.logs, eventName: 'AccessBatchLogged' })
    assert.deepEqual(event?.args, { root, member: research.account.address, count: 9, firstAt: 1_700_000_000n, lastAt: 1_700_000_008n })
    const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
    assert.deepEqual(await log.read.getBatch([root]), {
      member: research.account.address,
      count: 9,
      firstAt: 1_700_000_000n,
      lastAt: 1_700_000_008n,
      loggedAt: block.timestamp,
    })
    for (const [i, entry] of batch.entries()) assert.equal(await log.read.verifyEntry([root, entry, proofs[i]!]), true)

    assert.equal(await log.read.verifyEntry([root, batch[0]!, proofs[2]!]), false)
    assert.equal(await log.read.verifyEntry([root, { ...batch[0]!, decision: accessDecisions.REVOKED }, proofs[0]!]), false)
    assert.equal(await log.read.verifyEntry([root, { ...batch[0]!, accessedAt: batch[0]!.accessedAt + 1n }, proofs[0]!]), false)
    assert.equal(await log.read.verifyEntry([randomIds(1)[0]!, batch[0]!, proofs[0]!]), false)
  })

  it('rejects entries naming another member than the batch logger', async () => {
    const batch = entries(hospital.account.address, 2)
    const { root, proofs } = sealBatch(batch.map(encodeEntry))
    await chain.mined(as(research).write.logBatch([root, 2, 0n, 0n]))
    assert.equal(await log.read.verifyEntry([root, batch[0]!, proofs[0]!]), false)
  })

  it('admits active members only, not their individuals', async () => {
    const root = randomIds(1)[0]!
    await expectRevert(as(clinician).write.logBatch([root, 1, 0n, 0n]), 'ConsortiumNotMember', [clinician.account.address])
  })

  it('refuses empty batches, zero roots, inverted time ranges and a root logged twice', async () => {
    const root = randomIds(1)[0]!
    await expectRevert(log.write.logBatch([zeroHash, 1, 0n, 0n]), 'AccessLogInvalidBatch', [zeroHash, 1])
    await expectRevert(log.write.logBatch([root, 0, 0n, 0n]), 'AccessLogInvalidBatch', [root, 0])
    await expectRevert(log.write.logBatch([root, 1, 5n, 4n]), 'AccessLogInvalidTimeRange', [5n, 4n])
    await chain.mined(log.write.logBatch([root, 1, 4n, 5n]))
    await expectRevert(as(research).write.logBatch([root, 1, 4n, 5n]), 'AccessLogBatchAlreadyLogged', [root])
    assert.deepEqual(await log.read.getBatch([randomIds(1)[0]!]), { member: zeroAddress, count: 0, firstAt: 0n, lastAt: 0n, loggedAt: 0n })
  })
})
