// Consortium governance: proposals of each kind, majority voting, rejection, expiry and refusals.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseEventLogs, zeroAddress, type TransactionReceipt } from 'viem'
import { consortiumAbi, individualKinds, roles } from '../generated/index.ts'
import { deployConsortium, LIFETIME, memberInput, type ConsortiumContract } from './helpers/consortium.ts'
import { invalidKeys } from './helpers/keys.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestWallet } from './helpers/testChain.ts'

const Status = { None: 0, Pending: 1, Executed: 2, Rejected: 3, Expired: 4 } as const
const Kind = { Admission: 0, Removal: 1, RolesChange: 2 } as const

describe('Consortium governance', () => {
  let chain: TestChain
  let w: TestWallet[]
  before(async () => {
    chain = await startTestChain()
    w = Array.from({ length: 8 }, (_, i) => chain.wallet(i))
  })
  after(() => chain?.close())

  const addr = (wallet: TestWallet) => wallet.account.address
  const events = <name extends 'ProposalCreated' | 'VoteCast' | 'ProposalExecuted' | 'ProposalRejected'>(
    receipt: TransactionReceipt,
    eventName: name,
  ) => parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName })
  const proposalIdOf = (receipt: TransactionReceipt): bigint => {
    const [created] = events(receipt, 'ProposalCreated')
    assert.ok(created, 'no ProposalCreated event')
    return created.args.proposalId
  }

  /** A consortium of `count` hospital members w[0..count-1]; `as(i)` sends from w[i]. */
  async function consortiumOf(count: number) {
    const consortium = await deployConsortium(
      chain,
      w.slice(0, count).map((wallet) => [wallet, roles.HOSPITAL] as const),
    )
    const as = (i: number): ConsortiumContract => chain.connect(consortium, w[i]!)
    return { consortium, as }
  }

  describe('admission', () => {
    it('passes once yes votes are a strict majority of the snapshot, and executes at once', async () => {
      const { consortium, as } = await consortiumOf(3)
      const candidate = memberInput(w[5]!, roles.RESEARCH)
      const created = await chain.mined(
        as(0).write.proposeAdmission([
          candidate.org,
          candidate.name,
          candidate.roles,
          candidate.gatewayUrl,
          candidate.encryptionPublicKey,
        ]),
      )
      const id = proposalIdOf(created)
      const createdAt = (await chain.publicClient.getBlock({ blockNumber: created.blockNumber })).timestamp
      assert.equal(id, 1n)
      assert.deepEqual(events(created, 'ProposalCreated')[0]?.args, {
        proposalId: 1n,
        kind: Kind.Admission,
        proposer: addr(w[0]!),
        org: candidate.org,
        expiresAt: createdAt + LIFETIME,
      })
      assert.deepEqual(events(created, 'VoteCast')[0]?.args, {
        proposalId: 1n,
        voter: addr(w[0]!),
        support: true,
        yesVotes: 1,
        noVotes: 0,
      })
      assert.equal(await consortium.read.isMember([candidate.org]), false)
      assert.equal(await consortium.read.hasVoted([id, addr(w[0]!)]), true)

      const passed = await chain.mined(as(1).write.vote([id, true]))
      assert.equal(events(passed, 'ProposalExecuted')[0]?.args.proposalId, id)
      const [admitted] = parseEventLogs({ abi: consortiumAbi, logs: passed.logs, eventName: 'MemberAdmitted' })
      assert.equal(admitted?.args.org, candidate.org)
      assert.equal(await consortium.read.isMember([candidate.org]), true)
      assert.equal(await consortium.read.memberCount(), 4n)
      assert.deepEqual(await consortium.read.members(), [...w.slice(0, 3).map(addr), candidate.org])
      const member = await consortium.read.getMember([candidate.org])
      assert.equal(member.name, candidate.name)
      assert.equal(member.roles, roles.RESEARCH)
      assert.equal(member.encryptionPublicKey, candidate.encryptionPublicKey)

      assert.deepEqual(await consortium.read.getProposal([id]), {
        kind: Kind.Admission,
        status: Status.Executed,
        proposer: addr(w[0]!),
        org: candidate.org,
        roles: roles.RESEARCH,
        createdAt,
        expiresAt: createdAt + LIFETIME,
        memberCountSnapshot: 3,
        yesVotes: 2,
        noVotes: 0,
        name: candidate.name,
        gatewayUrl: candidate.gatewayUrl,
        encryptionPublicKey: candidate.encryptionPublicKey,
      })
      await expectRevert(as(2).write.vote([id, true]), 'ConsortiumProposalClosed', [id, Status.Executed])
    })

    it('executes at creation when the proposer alone is a majority', async () => {
      const { consortium, as } = await consortiumOf(1)
      const candidate = memberInput(w[5]!, roles.PHARMACY)
      const receipt = await chain.mined(
        as(0).write.proposeAdmission([candidate.org, candidate.name, candidate.roles, '', candidate.encryptionPublicKey]),
      )
      assert.equal(events(receipt, 'ProposalExecuted').length, 1)
      assert.equal(await consortium.read.isMember([candidate.org]), true)
    })

    it('refuses an invalid candidate', async () => {
      const { consortium, as } = await consortiumOf(2)
      const c = memberInput(w[5]!, roles.HOSPITAL)
      const propose = (input: typeof c) =>
        as(0).write.proposeAdmission([input.org, input.name, input.roles, input.gatewayUrl, input.encryptionPublicKey])
      await expectRevert(propose({ ...c, org: addr(w[1]!) }), 'ConsortiumAlreadyMember', [addr(w[1]!)])
      await expectRevert(propose({ ...c, org: zeroAddress }), 'ConsortiumInvalidAccount', [zeroAddress])
      await expectRevert(propose({ ...c, roles: 0 }), 'ConsortiumInvalidRoles', [0])
      await expectRevert(propose({ ...c, roles: 64 }), 'ConsortiumInvalidRoles', [64])
      await expectRevert(propose({ ...c, name: '' }), 'ConsortiumInvalidName')
      for (const key of Object.values(invalidKeys())) {
        await expectRevert(propose({ ...c, encryptionPublicKey: key }), 'ConsortiumInvalidKey', [key])
      }
      await chain.mined(consortium.write.registerIndividual([c.org, individualKinds.CLINICIAN]))
      await expectRevert(propose(c), 'ConsortiumAccountIsIndividual', [c.org, addr(w[0]!)])
    })

    it('refuses to execute when the candidate became an individual meanwhile', async () => {
      const { as } = await consortiumOf(3)
      const c = memberInput(w[5]!, roles.HOSPITAL)
      const id = proposalIdOf(
        await chain.mined(as(0).write.proposeAdmission([c.org, c.name, c.roles, c.gatewayUrl, c.encryptionPublicKey])),
      )
      await chain.mined(as(2).write.registerIndividual([c.org, individualKinds.TECHNICIAN]))
      await expectRevert(as(1).write.vote([id, true]), 'ConsortiumAccountIsIndividual', [c.org, addr(w[2]!)])
    })
  })

  describe('removal', () => {
    it('passes by majority; the removed member loses its vote', async () => {
      const { consortium, as } = await consortiumOf(3)
      const target = addr(w[2]!)
      const id = proposalIdOf(await chain.mined(as(2).write.proposeRemoval([addr(w[0]!)])))
      const removal = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([target])))
      const receipt = await chain.mined(as(1).write.vote([removal, true]))
      const [removed] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'MemberRemoved' })
      assert.equal(removed?.args.org, target)
      assert.equal(await consortium.read.isMember([target]), false)
      assert.equal((await consortium.read.getMember([target])).active, false)
      assert.equal(await consortium.read.memberCount(), 2n)
      assert.deepEqual(await consortium.read.members(), [addr(w[0]!), addr(w[1]!)])

      await expectRevert(as(2).write.vote([id, true]), 'ConsortiumNotMember', [target])
      await expectRevert(as(2).write.proposeRemoval([addr(w[1]!)]), 'ConsortiumNotMember', [target])
      // The removed member's earlier yes still counts against the snapshot of 3.
      assert.equal((await consortium.read.getProposal([id])).yesVotes, 1)
    })

    it('refuses to remove a non-member or the last member', async () => {
      const { as } = await consortiumOf(1)
      await expectRevert(as(0).write.proposeRemoval([addr(w[0]!)]), 'ConsortiumLastMember', [addr(w[0]!)])
      await expectRevert(as(0).write.proposeRemoval([addr(w[5]!)]), 'ConsortiumNotMember', [addr(w[5]!)])
    })

    it('refuses to execute a removal that would leave no member', async () => {
      const { consortium, as } = await consortiumOf(2)
      const removeB = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[1]!)])))
      const removeA = proposalIdOf(await chain.mined(as(1).write.proposeRemoval([addr(w[0]!)])))
      await chain.mined(as(1).write.vote([removeB, true]))
      assert.equal(await consortium.read.memberCount(), 1n)
      await expectRevert(as(0).write.vote([removeA, true]), 'ConsortiumLastMember', [addr(w[0]!)])
    })
  })

  describe('roles change', () => {
    it('passes by majority and replaces the roles', async () => {
      const { consortium, as } = await consortiumOf(3)
      const target = addr(w[1]!)
      const newRoles = roles.MANUFACTURER | roles.DISTRIBUTOR
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRolesChange([target, newRoles])))
      const receipt = await chain.mined(as(2).write.vote([id, true]))
      const [changed] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'MemberRolesChanged' })
      assert.deepEqual(changed?.args, { org: target, previousRoles: roles.HOSPITAL, roles: newRoles })
      assert.equal(await consortium.read.hasRole([target, roles.HOSPITAL]), false)
      assert.equal(await consortium.read.hasRole([target, newRoles]), true)
    })

    it('refuses invalid roles or a non-member target', async () => {
      const { as } = await consortiumOf(2)
      await expectRevert(as(0).write.proposeRolesChange([addr(w[1]!), 0]), 'ConsortiumInvalidRoles', [0])
      await expectRevert(as(0).write.proposeRolesChange([addr(w[1]!), 0x40]), 'ConsortiumInvalidRoles', [0x40])
      await expectRevert(as(0).write.proposeRolesChange([addr(w[5]!), roles.HOSPITAL]), 'ConsortiumNotMember', [
        addr(w[5]!),
      ])
    })
  })

  describe('voting', () => {
    it('rejects once no votes are a strict majority', async () => {
      const { consortium, as } = await consortiumOf(5)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRolesChange([addr(w[1]!), roles.REGULATOR])))
      await chain.mined(as(1).write.vote([id, false]))
      await chain.mined(as(2).write.vote([id, false]))
      const receipt = await chain.mined(as(3).write.vote([id, false]))
      assert.equal(events(receipt, 'ProposalRejected')[0]?.args.proposalId, id)
      assert.deepEqual(events(receipt, 'VoteCast')[0]?.args, {
        proposalId: id,
        voter: addr(w[3]!),
        support: false,
        yesVotes: 1,
        noVotes: 3,
      })
      const proposal = await consortium.read.getProposal([id])
      assert.equal(proposal.status, Status.Rejected)
      assert.equal(await consortium.read.hasRole([addr(w[1]!), roles.HOSPITAL]), true)
      await expectRevert(as(4).write.vote([id, true]), 'ConsortiumProposalClosed', [id, Status.Rejected])
    })

    it('leaves a tie pending', async () => {
      const { consortium, as } = await consortiumOf(4)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRolesChange([addr(w[1]!), roles.REGULATOR])))
      await chain.mined(as(1).write.vote([id, true]))
      await chain.mined(as(2).write.vote([id, false]))
      await chain.mined(as(3).write.vote([id, false]))
      const proposal = await consortium.read.getProposal([id])
      assert.deepEqual([proposal.status, proposal.yesVotes, proposal.noVotes], [Status.Pending, 2, 2])
    })

    it('refuses a second vote, including the proposer’s', async () => {
      const { as } = await consortiumOf(4)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[3]!)])))
      await expectRevert(as(0).write.vote([id, true]), 'ConsortiumAlreadyVoted', [id, addr(w[0]!)])
      await chain.mined(as(1).write.vote([id, false]))
      await expectRevert(as(1).write.vote([id, true]), 'ConsortiumAlreadyVoted', [id, addr(w[1]!)])
    })

    it('refuses non-members, for every proposal kind and for votes', async () => {
      const { as } = await consortiumOf(2)
      const outsider = as(6)
      const o = addr(w[6]!)
      const c = memberInput(w[5]!, roles.HOSPITAL)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[1]!)])))
      await expectRevert(
        outsider.write.proposeAdmission([c.org, c.name, c.roles, c.gatewayUrl, c.encryptionPublicKey]),
        'ConsortiumNotMember',
        [o],
      )
      await expectRevert(outsider.write.proposeRemoval([addr(w[1]!)]), 'ConsortiumNotMember', [o])
      await expectRevert(outsider.write.proposeRolesChange([addr(w[1]!), roles.HOSPITAL]), 'ConsortiumNotMember', [o])
      await expectRevert(outsider.write.vote([id, true]), 'ConsortiumNotMember', [o])
    })

    it('refuses unknown proposals', async () => {
      const { consortium, as } = await consortiumOf(2)
      await expectRevert(as(0).write.vote([0n, true]), 'ConsortiumUnknownProposal', [0n])
      await expectRevert(as(0).write.vote([7n, true]), 'ConsortiumUnknownProposal', [7n])
      await expectRevert(consortium.read.getProposal([0n]), 'ConsortiumUnknownProposal', [0n])
    })

    it('allows one open proposal per organisation', async () => {
      const { as } = await consortiumOf(3)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRolesChange([addr(w[2]!), roles.REGULATOR])))
      await expectRevert(as(1).write.proposeRemoval([addr(w[2]!)]), 'ConsortiumPendingProposal', [addr(w[2]!), id])
      await chain.mined(as(1).write.vote([id, false]))
      await chain.mined(as(2).write.vote([id, false]))
      proposalIdOf(await chain.mined(as(1).write.proposeRemoval([addr(w[2]!)])))
    })

    it('lets only members admitted before a proposal vote on it', async () => {
      const { consortium, as } = await consortiumOf(3)
      const pending = proposalIdOf(await chain.mined(as(0).write.proposeRolesChange([addr(w[1]!), roles.REGULATOR])))
      const c = memberInput(w[5]!, roles.HOSPITAL)
      const admission = proposalIdOf(
        await chain.mined(as(1).write.proposeAdmission([c.org, c.name, c.roles, c.gatewayUrl, c.encryptionPublicKey])),
      )
      await chain.mined(as(2).write.vote([admission, true]))
      assert.equal(await consortium.read.isMember([c.org]), true)
      await expectRevert(as(5).write.vote([pending, true]), 'ConsortiumNotEligibleVoter', [pending, c.org])
      const later = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[2]!)])))
      assert.equal((await consortium.read.getProposal([later])).memberCountSnapshot, 4)
      await chain.mined(as(5).write.vote([later, true]))
    })
  })

  describe('expiry', () => {
    it('refuses votes after the lifetime and reports the proposal expired', async () => {
      const { consortium, as } = await consortiumOf(3)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[2]!)])))
      const { expiresAt } = await consortium.read.getProposal([id])
      await chain.increaseTime(Number(LIFETIME) + 1)
      assert.ok((await chain.now()) >= expiresAt)
      await expectRevert(as(1).write.vote([id, true]), 'ConsortiumProposalExpired', [id, expiresAt])
      assert.equal((await consortium.read.getProposal([id])).status, Status.Expired)
      // An expired proposal no longer blocks a new one for the same organisation.
      const next = proposalIdOf(await chain.mined(as(1).write.proposeRemoval([addr(w[2]!)])))
      assert.equal(next, id + 1n)
      assert.equal((await consortium.read.getProposal([next])).status, Status.Pending)
    })

    it('still accepts votes just before expiry', async () => {
      const { consortium, as } = await consortiumOf(3)
      const id = proposalIdOf(await chain.mined(as(0).write.proposeRemoval([addr(w[2]!)])))
      await chain.increaseTime(Number(LIFETIME) - 120)
      await chain.mined(as(1).write.vote([id, true]))
      assert.equal((await consortium.read.getProposal([id])).status, Status.Executed)
    })
  })
})
