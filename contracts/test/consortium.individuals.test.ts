// Consortium individuals: registration per member role, revocation, and when they stop counting.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseEventLogs, zeroAddress, type Address, type TransactionReceipt } from 'viem'
import { consortiumAbi, individualKinds, roles } from '../generated/index.ts'
import { deployConsortium, memberInput, type ConsortiumContract } from './helpers/consortium.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestWallet } from './helpers/testChain.ts'

const { CLINICIAN, RESEARCHER, TECHNICIAN } = individualKinds

describe('Consortium individuals', () => {
  let chain: TestChain
  let hospital: TestWallet
  let research: TestWallet
  let manufacturer: TestWallet
  let regulator: TestWallet
  let outsider: TestWallet
  before(async () => {
    chain = await startTestChain()
    outsider = chain.wallet(7)
    ;[hospital, research, manufacturer, regulator] = [0, 1, 2, 3].map((i) => chain.wallet(i)) as [
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
    ]
  })
  after(() => chain?.close())

  const person = () => chain.unfundedWallet().account.address

  /** Hospital, research, manufacturer and regulator members; `as(wallet)` sends from that member. */
  async function setup() {
    const consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
      [manufacturer, roles.MANUFACTURER],
      [regulator, roles.REGULATOR],
    ])
    const as = (wallet: TestWallet): ConsortiumContract => chain.connect(consortium, wallet)
    return { consortium, as }
  }

  async function expectIndividual(consortium: ConsortiumContract, account: Address, org: Address, kind: number) {
    assert.equal(await consortium.read.individualKind([account]), kind)
    assert.equal(await consortium.read.memberOf([account]), org)
  }

  /** Has the other members vote yes on a new proposal until it executes. */
  async function pass(as: (wallet: TestWallet) => ConsortiumContract, proposal: Promise<`0x${string}`>) {
    let receipt: TransactionReceipt = await chain.mined(proposal)
    const [created] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'ProposalCreated' })
    assert.ok(created)
    const executed = () => parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'ProposalExecuted' })
    for (const voter of [hospital, research, manufacturer, regulator]) {
      if (executed().length > 0) return
      const address = voter.account.address
      if (address === created.args.proposer || !(await as(voter).read.isMember([address]))) continue
      receipt = await chain.mined(as(voter).write.vote([created.args.proposalId, true]))
    }
    assert.equal(executed().length, 1, 'proposal did not pass')
  }

  it('registers each kind under a member with a role allowing it', async () => {
    const { consortium, as } = await setup()
    const cases = [
      [hospital, CLINICIAN],
      [hospital, TECHNICIAN],
      [research, RESEARCHER],
      [manufacturer, TECHNICIAN],
    ] as const
    for (const [member, kind] of cases) {
      const account = person()
      const receipt = await chain.mined(as(member).write.registerIndividual([account, kind]))
      const [event] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'IndividualRegistered' })
      assert.deepEqual(event?.args, { org: member.account.address, account, kind })
      await expectIndividual(consortium, account, member.account.address, kind)
    }
  })

  it('refuses a kind the member’s roles do not allow, or an unknown kind', async () => {
    const { as } = await setup()
    const cases = [
      [hospital, RESEARCHER],
      [research, CLINICIAN],
      [research, TECHNICIAN],
      [manufacturer, CLINICIAN],
      [regulator, CLINICIAN],
      [regulator, TECHNICIAN],
      [hospital, 0],
      [hospital, 4],
      [hospital, 255],
    ] as const
    for (const [member, kind] of cases) {
      await expectRevert(as(member).write.registerIndividual([person(), kind]), 'ConsortiumInvalidIndividualKind', [
        member.account.address,
        kind,
      ])
    }
  })

  it('refuses non-members, the zero address, members and accounts registered elsewhere', async () => {
    const { as } = await setup()
    await expectRevert(as(outsider).write.registerIndividual([person(), CLINICIAN]), 'ConsortiumNotMember', [
      outsider.account.address,
    ])
    await expectRevert(as(hospital).write.registerIndividual([zeroAddress, CLINICIAN]), 'ConsortiumInvalidAccount', [
      zeroAddress,
    ])
    await expectRevert(
      as(hospital).write.registerIndividual([manufacturer.account.address, TECHNICIAN]),
      'ConsortiumAlreadyMember',
      [manufacturer.account.address],
    )
    const account = person()
    await chain.mined(as(hospital).write.registerIndividual([account, TECHNICIAN]))
    for (const member of [hospital, manufacturer]) {
      await expectRevert(
        as(member).write.registerIndividual([account, TECHNICIAN]),
        'ConsortiumIndividualAlreadyRegistered',
        [account, hospital.account.address],
      )
    }
  })

  it('revokes by the registering member only, and allows registering again', async () => {
    const { consortium, as } = await setup()
    const account = person()
    await chain.mined(as(hospital).write.registerIndividual([account, CLINICIAN]))
    await expectRevert(as(research).write.revokeIndividual([account]), 'ConsortiumNotIndividualOwner', [
      account,
      research.account.address,
    ])
    await expectRevert(as(outsider).write.revokeIndividual([account]), 'ConsortiumNotMember', [
      outsider.account.address,
    ])
    const receipt = await chain.mined(as(hospital).write.revokeIndividual([account]))
    const [event] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'IndividualRevoked' })
    assert.deepEqual(event?.args, { org: hospital.account.address, account })
    await expectIndividual(consortium, account, zeroAddress, 0)
    await expectRevert(as(hospital).write.revokeIndividual([account]), 'ConsortiumNotIndividualOwner', [
      account,
      hospital.account.address,
    ])
    await chain.mined(as(manufacturer).write.registerIndividual([account, TECHNICIAN]))
    await expectIndividual(consortium, account, manufacturer.account.address, TECHNICIAN)
  })

  it('stops counting the individuals of a removed member, even after its re-admission', async () => {
    const { consortium, as } = await setup()
    const clinician = person()
    await chain.mined(as(hospital).write.registerIndividual([clinician, CLINICIAN]))
    await pass(as, as(research).write.proposeRemoval([hospital.account.address]))
    assert.equal(await consortium.read.isMember([hospital.account.address]), false)
    await expectIndividual(consortium, clinician, zeroAddress, 0)

    const again = memberInput(hospital, roles.HOSPITAL)
    await pass(
      as,
      as(research).write.proposeAdmission([again.org, again.name, again.roles, again.gatewayUrl, again.encryptionPublicKey]),
    )
    assert.equal(await consortium.read.isMember([hospital.account.address]), true)
    await expectIndividual(consortium, clinician, zeroAddress, 0)
    // The stale registration neither blocks a new one nor can be revoked as if current.
    await expectRevert(as(hospital).write.revokeIndividual([clinician]), 'ConsortiumNotIndividualOwner', [
      clinician,
      hospital.account.address,
    ])
    await chain.mined(as(hospital).write.registerIndividual([clinician, CLINICIAN]))
    await expectIndividual(consortium, clinician, hospital.account.address, CLINICIAN)
  })

  it('stops counting individuals whose kind the member’s new roles no longer allow', async () => {
    const { consortium, as } = await setup()
    const [clinician, technician] = [person(), person()]
    await pass(as, as(research).write.proposeRolesChange([hospital.account.address, roles.HOSPITAL | roles.MANUFACTURER]))
    await chain.mined(as(hospital).write.registerIndividual([clinician, CLINICIAN]))
    await chain.mined(as(hospital).write.registerIndividual([technician, TECHNICIAN]))
    await pass(as, as(research).write.proposeRolesChange([hospital.account.address, roles.MANUFACTURER]))
    await expectIndividual(consortium, clinician, zeroAddress, 0)
    await expectIndividual(consortium, technician, hospital.account.address, TECHNICIAN)
  })

  it('refuses to admit an active individual as a member', async () => {
    const { as } = await setup()
    const account = chain.wallet(6)
    await chain.mined(as(research).write.registerIndividual([account.account.address, RESEARCHER]))
    const c = memberInput(account, roles.PHARMACY)
    await expectRevert(
      as(hospital).write.proposeAdmission([c.org, c.name, c.roles, c.gatewayUrl, c.encryptionPublicKey]),
      'ConsortiumAccountIsIndividual',
      [c.org, research.account.address],
    )
  })
})
