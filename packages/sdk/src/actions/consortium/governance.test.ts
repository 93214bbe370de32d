// Consortium governance through the SDK: proposals, majority votes, decoded reverts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAddress } from '@medchain/crypto'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { getMember } from './getMember.ts'
import { getMembers } from './getMembers.ts'
import { getProposal } from './getProposal.ts'
import { hasRole } from './hasRole.ts'
import { listProposals } from './listProposals.ts'
import { proposeAdmission } from './proposeAdmission.ts'
import { proposeRemoval } from './proposeRemoval.ts'
import { proposeRolesChange } from './proposeRolesChange.ts'
import { vote } from './vote.ts'

describe('consortium governance', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let research: MedchainClient
  let regulator: MedchainClient
  /** Admitted by the first test, with no ether: gas is free on a medchain chain. */
  const newcomer = freshKey()
  before(async () => {
    chain = await startLocalChain()
    ;[hospital, research, regulator] = (await Promise.all([1, 2, 3].map((i) => chain.client(chain.keys[i])))) as [
      MedchainClient,
      MedchainClient,
      MedchainClient,
    ]
  })
  after(() => chain?.close())

  it('admits an organisation once a strict majority (2 of 3) votes yes', async () => {
    const proposed = await proposeAdmission(hospital, {
      org: newcomer.address,
      name: 'Helix Pharma',
      roles: ['manufacturer', 'distributor'],
      gatewayUrl: 'http://helix.test',
      encryptionPublicKey: newcomer.publicKey,
    })
    assert.equal(proposed.status, 'pending')
    assert.equal(proposed.receipt.status, 'success')
    assert.ok(proposed.events.some((event) => event.eventName === 'ProposalCreated'))
    const pending = await getProposal(hospital, { proposalId: proposed.proposalId })
    assert.deepEqual(
      { kind: pending.kind, status: pending.status, yes: pending.yesVotes, snapshot: pending.memberCountSnapshot, roles: pending.roles },
      { kind: 'admission', status: 'pending', yes: 1, snapshot: 3, roles: ['manufacturer', 'distributor'] },
    )
    assert.equal(await getMember(hospital, { address: newcomer.address }), undefined)

    const voted = await vote(research, { proposalId: proposed.proposalId, support: true })
    assert.deepEqual({ status: voted.status, yes: voted.yesVotes, no: voted.noVotes }, { status: 'executed', yes: 2, no: 0 })
    const member = await getMember(hospital, { address: newcomer.address })
    assert.equal(member?.name, 'Helix Pharma')
    assert.deepEqual(member?.roles, ['manufacturer', 'distributor'])
    assert.equal(member?.encryptionPublicKey, newcomer.publicKey)
    assert.equal(await hasRole(hospital, { address: newcomer.address, role: 'manufacturer' }), true)
    assert.equal(await hasRole(hospital, { address: newcomer.address, role: ['manufacturer', 'hospital'] }), false)
    assert.equal((await getMembers(hospital)).length, 4)

    // The proposal is closed now: a late vote reverts with its status decoded.
    const late = await expectRevert(vote(regulator, { proposalId: proposed.proposalId, support: false }), 'ConsortiumProposalClosed', [proposed.proposalId, 2])
    assert.match(late.shortMessage, /ConsortiumProposalClosed\(proposalId: \d+, status: 2 \(Executed\)\)/)
  })

  it('decodes a second vote into ConsortiumAlreadyVoted with its arguments', async () => {
    const target = privateKeyToAddress(chain.keys[3]!)
    const { proposalId } = await proposeRolesChange(hospital, { org: target, roles: ['regulator', 'research'] })
    const voter = privateKeyToAddress(chain.keys[1]!)
    const error = await expectRevert(vote(hospital, { proposalId, support: true }), 'ConsortiumAlreadyVoted', [proposalId, voter])
    assert.equal(error.shortMessage, `Consortium.vote reverted: ConsortiumAlreadyVoted(proposalId: ${proposalId}, voter: ${voter})`)
    // 4 members now: 3 "no" votes are a strict majority and reject it.
    await vote(research, { proposalId, support: false })
    assert.equal((await vote(regulator, { proposalId, support: false })).status, 'pending')
    const rejected = await vote(await chain.client(newcomer.privateKey), { proposalId, support: false })
    assert.equal(rejected.status, 'rejected')
    assert.deepEqual((await getMember(hospital, { address: target }))?.roles, ['regulator'])
  })

  it('lists proposals with their current status', async () => {
    const all = await listProposals(hospital)
    assert.deepEqual(all.map((p) => [p.id, p.kind, p.status]), [
      [1n, 'admission', 'executed'],
      [2n, 'rolesChange', 'rejected'],
    ])
    const { proposalId } = await proposeRemoval(regulator, { org: privateKeyToAddress(chain.keys[2]!) })
    const pending = await listProposals(hospital, { status: 'pending' })
    assert.deepEqual(pending.map((p) => p.id), [proposalId])
    await expectMedchainError(listProposals(hospital, { status: 'open' as never }), 'SDK_INVALID_ARGUMENT')
  })

  it('refuses non-members, read-only clients and bad arguments with coded errors', async () => {
    const outsider = await chain.client(chain.keys[5])
    const someone = freshKey()
    const admission = { org: someone.address, name: 'X', roles: ['pharmacy'] as const, encryptionPublicKey: someone.publicKey }
    await expectRevert(proposeAdmission(outsider, admission), 'ConsortiumNotMember', [privateKeyToAddress(chain.keys[5]!)])
    await expectMedchainError(proposeAdmission(await chain.client(), admission), 'SDK_NO_ACCOUNT')
    await expectMedchainError(proposeAdmission(hospital, { ...admission, org: '0x1234' as never }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(proposeAdmission(hospital, { ...admission, roles: ['surgeon' as never] }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(vote(hospital, { proposalId: 0, support: true }), 'SDK_INVALID_ARGUMENT')
    await expectRevert(getProposal(hospital, { proposalId: 999 }), 'ConsortiumUnknownProposal', [999n])
  })
})
