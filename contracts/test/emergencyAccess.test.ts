// EmergencyAccess: break-glass opening by clinicians, its time window, and reviews by a regulator
// or the patient, directly or by relayed EIP-712 signature.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { encodeAbiParameters, keccak256, parseEventLogs, recoverTypedDataAddress, zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import { emergencyAccessAbi, emergencyAccessBytecode, individualKinds, roles } from '../generated/index.ts'
import { deployConsortium, type ConsortiumContract } from './helpers/consortium.ts'
import { deployIdentityRegistry, domainOf, newPatient, randomIds, type IdentityRegistryContract } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Emergency = TestContract<typeof emergencyAccessAbi>

const WINDOW = 600n
const PENDING = 0
const JUSTIFIED = 1
const UNJUSTIFIED = 2
const reviewTypes = {
  Review: [
    { name: 'accessId', type: 'bytes32' },
    { name: 'justified', type: 'bool' },
    { name: 'noteHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

describe('EmergencyAccess', () => {
  let chain: TestChain
  let hospital: TestWallet
  let regulator: TestWallet
  let research: TestWallet
  let clinician: TestWallet
  let technician: TestWallet
  let relayer: TestWallet
  let consortium: ConsortiumContract
  let identity: IdentityRegistryContract
  let emergency: Emergency
  before(async () => {
    chain = await startTestChain()
    ;[hospital, regulator, research, clinician, technician, relayer] = [0, 1, 2, 3, 4, 5].map((i) => chain.wallet(i)) as [
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
    ]
    consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [regulator, roles.REGULATOR],
      [research, roles.RESEARCH],
    ])
    await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    await chain.mined(consortium.write.registerIndividual([technician.account.address, individualKinds.TECHNICIAN]))
    identity = await deployIdentityRegistry(chain, consortium)
    emergency = await deploy(WINDOW)
  })
  after(() => chain?.close())

  const deploy = (window: bigint) =>
    chain.deploy({ abi: emergencyAccessAbi, bytecode: emergencyAccessBytecode, args: [consortium.address, identity.address, window] })
  const as = (wallet: TestWallet): Emergency => chain.connect(emergency, wallet)
  const [justification, note] = randomIds(2) as [Hex, Hex]

  /** A fresh patient (funded when it must send) and an access the clinician opened to it. */
  async function opened({ funded = false } = {}) {
    const patient = await newPatient(chain, identity, { funded })
    const { result: accessId } = await as(clinician).simulate.open([patient.account.address, 1, justification], { account: clinician.account })
    await chain.mined(as(clinician).write.open([patient.account.address, 1, justification]))
    return { patient, address: patient.account.address, accessId }
  }

  async function signReview(signer: TestWallet, patient: Address, accessId: Hex, justified: boolean, deadline: bigint) {
    const message = { accessId, justified, noteHash: note, nonce: await emergency.read.nonces([patient]), deadline }
    const domain = domainOf(chain, 'medchain EmergencyAccess', emergency.address)
    const signature = await signer.signTypedData({ domain, types: reviewTypes, primaryType: 'Review', message })
    return { signature, domain, message }
  }

  const inAnHour = async () => (await chain.now()) + 3600n
  const idOf = (patient: Address, counter: bigint) =>
    keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint256' }], [clinician.account.address, patient, counter]))

  describe('opening', () => {
    it('a clinician opens access for the window; the id hashes clinician, patient and a counter', async () => {
      const patient = (await newPatient(chain, identity)).account.address
      const receipt = await chain.mined(as(clinician).write.open([patient, 7, justification]))
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      const [event] = parseEventLogs({ abi: emergencyAccessAbi, logs: receipt.logs, eventName: 'BreakGlassOpened' })
      const accessId = event!.args.accessId
      // The first access of this contract: counter 0.
      assert.equal(accessId, idOf(patient, 0n))
      assert.deepEqual(event?.args, {
        accessId,
        patient,
        member: hospital.account.address,
        clinician: clinician.account.address,
        reasonCode: 7,
        justificationHash: justification,
        expiresAt: block.timestamp + WINDOW,
      })
      assert.deepEqual(await emergency.read.getAccess([accessId]), {
        patient,
        clinician: clinician.account.address,
        member: hospital.account.address,
        reasonCode: 7,
        justificationHash: justification,
        openedAt: block.timestamp,
        expiresAt: block.timestamp + WINDOW,
        reviewStatus: PENDING,
        reviewer: zeroAddress,
        reviewedAt: 0n,
        noteHash: zeroHash,
      })
      assert.equal(await emergency.read.activeAccess([patient, clinician.account.address]), accessId)
      assert.equal(await emergency.read.isActive([accessId]), true)
      assert.equal(await emergency.read.activeAccess([patient, hospital.account.address]), zeroHash)

      // Opening again gives a new id, which activeAccess now reports.
      const { result: second } = await as(clinician).simulate.open([patient, 7, justification], { account: clinician.account })
      await chain.mined(as(clinician).write.open([patient, 7, justification]))
      assert.equal(second, idOf(patient, 1n))
      assert.equal(await emergency.read.activeAccess([patient, clinician.account.address]), second)
      assert.equal(await emergency.read.window(), WINDOW)
      assert.equal(await emergency.read.identityRegistry(), identity.address)
    })

    it('admits active clinicians only, for registered patients, with a reason', async () => {
      const patient = (await newPatient(chain, identity)).account.address
      for (const wallet of [hospital, technician, relayer]) {
        await expectRevert(as(wallet).write.open([patient, 1, justification]), 'ConsortiumNotIndividual', [
          wallet.account.address,
          individualKinds.CLINICIAN,
        ])
      }
      const stranger = chain.unfundedWallet().account.address
      await expectRevert(as(clinician).write.open([stranger, 1, justification]), 'BreakGlassUnknownPatient', [stranger])
      await expectRevert(as(clinician).write.open([patient, 0, justification]), 'BreakGlassInvalidReason')
    })

    it('ends at expiresAt, and as soon as the clinician is revoked', async () => {
      const { address, accessId } = await opened()
      await chain.increaseTime(Number(WINDOW))
      assert.equal(await emergency.read.isActive([accessId]), false)
      assert.equal(await emergency.read.activeAccess([address, clinician.account.address]), zeroHash)

      const second = await opened()
      await chain.mined(consortium.write.revokeIndividual([clinician.account.address]))
      assert.equal(await emergency.read.activeAccess([second.address, clinician.account.address]), zeroHash)
      await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
      assert.equal(await emergency.read.activeAccess([second.address, clinician.account.address]), second.accessId)
      assert.equal(await emergency.read.isActive([randomIds(1)[0]!]), false)
    })

    it('refuses a zero window at deployment', async () => {
      await expectRevert(deploy(0n), 'BreakGlassInvalidWindow', [0n])
      assert.equal(await (await deploy(14_400n)).read.window(), 14_400n)
    })
  })

  describe('review', () => {
    it('a regulator reviews once, during or after the window', async () => {
      const { accessId } = await opened()
      await chain.increaseTime(Number(WINDOW) + 1)
      const receipt = await chain.mined(as(regulator).write.review([accessId, true, note]))
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      const [event] = parseEventLogs({ abi: emergencyAccessAbi, logs: receipt.logs, eventName: 'BreakGlassReviewed' })
      assert.deepEqual(event?.args, { accessId, reviewer: regulator.account.address, justified: true, noteHash: note })
      const access = await emergency.read.getAccess([accessId])
      assert.deepEqual([access.reviewStatus, access.reviewer, access.reviewedAt, access.noteHash], [
        JUSTIFIED,
        regulator.account.address,
        block.timestamp,
        note,
      ])
      await expectRevert(as(regulator).write.review([accessId, false, note]), 'BreakGlassAlreadyReviewed', [accessId, JUSTIFIED])
    })

    it('refuses reviewers that are neither a regulator nor the patient, and unknown accesses', async () => {
      const { accessId } = await opened()
      for (const wallet of [hospital, clinician, relayer]) {
        await expectRevert(as(wallet).write.review([accessId, true, note]), 'BreakGlassNotReviewer', [accessId, wallet.account.address])
      }
      const unknown = randomIds(1)[0]!
      await expectRevert(as(regulator).write.review([unknown, true, note]), 'BreakGlassUnknownAccess', [unknown])
      await expectRevert(emergency.write.reviewBySig([unknown, true, note, await inAnHour(), `0x${'11'.repeat(65)}`]), 'BreakGlassUnknownAccess', [
        unknown,
      ])
    })

    it('the patient reviews directly; an unjustified review ends a running access', async () => {
      const { patient, address, accessId } = await opened({ funded: true })
      assert.equal(await emergency.read.isActive([accessId]), true)
      await chain.mined(chain.connect(emergency, patient).write.review([accessId, false, note]))
      const access = await emergency.read.getAccess([accessId])
      assert.deepEqual([access.reviewStatus, access.reviewer], [UNJUSTIFIED, address])
      assert.equal(await emergency.read.nonces([address]), 1n)
      assert.equal(await emergency.read.isActive([accessId]), false)
      assert.equal(await emergency.read.activeAccess([address, clinician.account.address]), zeroHash)
    })

    it('a relayer submits the patient-signed review; replays, expired and forged signatures fail', async () => {
      const { address, patient, accessId } = await opened()
      const deadline = await inAnHour()
      const intruder = chain.unfundedWallet()
      const forged = await signReview(intruder, address, accessId, true, deadline)
      await expectRevert(emergency.write.reviewBySig([accessId, true, note, deadline, forged.signature]), 'BreakGlassInvalidSigner', [
        intruder.account.address,
        address,
      ])
      const past = (await chain.now()) - 1n
      const expired = await signReview(patient, address, accessId, true, past)
      await expectRevert(emergency.write.reviewBySig([accessId, true, note, past, expired.signature]), 'BreakGlassSignatureExpired', [past])
      const flipped = await signReview(patient, address, accessId, true, deadline)
      await expectRevert(emergency.write.reviewBySig([accessId, false, note, deadline, flipped.signature]), 'BreakGlassInvalidSigner')

      const { signature, domain, message } = await signReview(patient, address, accessId, true, deadline)
      const receipt = await chain.mined(as(relayer).write.reviewBySig([accessId, true, note, deadline, signature]))
      const [event] = parseEventLogs({ abi: emergencyAccessAbi, logs: receipt.logs, eventName: 'BreakGlassReviewed' })
      assert.equal(event?.args.reviewer, address)
      assert.equal((await emergency.read.getAccess([accessId])).reviewStatus, JUSTIFIED)
      assert.equal(await emergency.read.isActive([accessId]), true)
      const replayed = await recoverTypedDataAddress({
        domain,
        types: reviewTypes,
        primaryType: 'Review',
        message: { ...message, nonce: 1n },
        signature,
      })
      await expectRevert(emergency.write.reviewBySig([accessId, true, note, deadline, signature]), 'BreakGlassInvalidSigner', [replayed, address])
      // Signed afresh, the second review still finds the access reviewed.
      const again = await signReview(patient, address, accessId, true, deadline)
      await expectRevert(emergency.write.reviewBySig([accessId, true, note, deadline, again.signature]), 'BreakGlassAlreadyReviewed', [
        accessId,
        JUSTIFIED,
      ])
    })
  })
})
