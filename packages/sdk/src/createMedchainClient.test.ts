import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAccount } from 'viem/accounts'
import { expectMedchainError, expectRevert } from '../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../test/localChain.ts'
import { getMembers } from './actions/consortium/getMembers.ts'
import { vote } from './actions/consortium/vote.ts'
import { proposeAdmission } from './actions/consortium/proposeAdmission.ts'
import { createMedchainClient } from './createMedchainClient.ts'

describe('createMedchainClient', () => {
  let chain: LocalChain
  let rpcUrl: string
  before(async () => {
    chain = await startLocalChain()
    rpcUrl = await chain.node.listen({ port: 0 })
  })
  after(() => chain?.close())

  it('works over HTTP, where a revert decodes without retries', async () => {
    const hospital = await createMedchainClient({ rpcUrl, account: chain.keys[1], deployment: chain.deployment })
    assert.equal(hospital.chain.id, chain.node.chainId)
    assert.equal((await getMembers(hospital)).length, 3)
    const newcomer = freshKey()
    const { proposalId } = await proposeAdmission(hospital, {
      org: newcomer.address,
      name: 'Corner Pharmacy',
      roles: ['pharmacy'],
      encryptionPublicKey: newcomer.publicKey,
    })
    const started = Date.now()
    await expectRevert(vote(hospital, { proposalId, support: true }), 'ConsortiumAlreadyVoted', [proposalId, hospital.account!.address])
    assert.ok(Date.now() - started < 900, `a revert took ${Date.now() - started} ms: was it retried?`)
  })

  it('accepts a viem account and gives it a nonce manager', async () => {
    const client = await createMedchainClient({ provider: chain.node.provider, account: privateKeyToAccount(chain.keys[1]!) })
    assert.ok(client.account?.nonceManager)
    assert.equal(client.deployment, undefined)
  })

  it('refuses a chain id or deployment that does not match the node', async () => {
    const { provider } = chain.node
    await expectMedchainError(createMedchainClient({ provider, chainId: chain.node.chainId + 1 }), 'SDK_CHAIN_MISMATCH')
    await expectMedchainError(
      createMedchainClient({ provider, deployment: { ...chain.deployment, chainId: chain.node.chainId + 1 } }),
      'SDK_CHAIN_MISMATCH',
    )
    const nowhere = await expectMedchainError(
      createMedchainClient({ provider, deployment: { ...chain.deployment, identityRegistry: freshKey().address } }),
      'SDK_NOT_DEPLOYED',
    )
    assert.match(nowhere.shortMessage, /deployment\.identityRegistry/)
    await expectMedchainError(getMembers(await createMedchainClient({ provider })), 'SDK_NOT_DEPLOYED')
  })

  it('checks its arguments and reports an unreachable endpoint', async () => {
    await expectMedchainError(createMedchainClient({}), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(createMedchainClient({ rpcUrl, provider: chain.node.provider }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(createMedchainClient({ rpcUrl: 'ftp://x' }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(createMedchainClient({ rpcUrl, account: '0x1234' }), 'SDK_INVALID_ARGUMENT')
    const error = await expectMedchainError(createMedchainClient({ rpcUrl: 'http://127.0.0.1:1' }), 'SDK_RPC_UNREACHABLE')
    assert.match(error.shortMessage, /127\.0\.0\.1:1/)
  })
})
