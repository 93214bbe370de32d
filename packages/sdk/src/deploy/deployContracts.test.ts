import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { emergencyAccessAbi, recordRegistryAbi } from '@medchain/contracts'
import { privateKeyToAddress } from '@medchain/crypto'
import { getMembers } from '../actions/consortium/getMembers.ts'
import { createMedchainClient } from '../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../test/expectMedchainError.ts'
import { bootstrapOf, TEST_LIFETIME_SECONDS } from '../../test/localChain.ts'
import { DEFAULT_EMERGENCY_WINDOW_SECONDS, deployContracts } from './deployContracts.ts'

describe('deployContracts', () => {
  let node: RunningNode
  before(async () => {
    node = await createEmbeddedNode({ fsync: false })
  })
  after(() => node?.close())

  it('deploys the Consortium with 3 bootstrap members and the contracts bound to it', async () => {
    const deployer = await createMedchainClient({ provider: node.provider, account: node.accounts[0] })
    const deployment = await deployContracts(deployer, { bootstrap: bootstrapOf(node.accounts), proposalLifetimeSeconds: TEST_LIFETIME_SECONDS })
    assert.equal(deployment.chainId, node.chainId)
    assert.equal(deployment.deployer, privateKeyToAddress(node.accounts[0]!))
    assert.ok(deployment.deployedAtBlock > 0n)
    const addresses = [
      deployment.consortium,
      deployment.identityRegistry,
      deployment.recordRegistry,
      deployment.consentRegistry,
      deployment.emergencyAccess,
      deployment.accessLog,
      deployment.drugRegistry,
      deployment.deviceRegistry,
      deployment.studyRegistry,
    ]
    assert.equal(new Set(addresses).size, 9)

    const reader = await createMedchainClient({ provider: node.provider, deployment })
    const members = await getMembers(reader)
    const byName = Object.fromEntries(members.map((member) => [member.name, member]))
    assert.deepEqual(Object.keys(byName).sort(), ['Test Hospital', 'Test Regulator', 'Test Research'])
    assert.deepEqual(byName['Test Hospital']?.roles, ['hospital'])
    assert.equal(byName['Test Hospital']?.address, privateKeyToAddress(node.accounts[1]!))
    assert.equal(byName['Test Research']?.gatewayUrl, 'http://research.test')
    assert.ok(members.every((member) => member.active && member.joinedAt > 0n))
    const window = await reader.publicClient.readContract({ address: deployment.emergencyAccess, abi: emergencyAccessAbi, functionName: 'window' })
    assert.equal(window, DEFAULT_EMERGENCY_WINDOW_SECONDS)
    for (const address of [deployment.recordRegistry, deployment.consentRegistry, deployment.emergencyAccess]) {
      const bound = await reader.publicClient.readContract({ address, abi: recordRegistryAbi, functionName: 'identityRegistry' })
      assert.equal(bound, deployment.identityRegistry)
    }
  })

  it('takes the break-glass window', async () => {
    const deployer = await createMedchainClient({ provider: node.provider, account: node.accounts[0] })
    const deployment = await deployContracts(deployer, {
      bootstrap: bootstrapOf(node.accounts),
      proposalLifetimeSeconds: TEST_LIFETIME_SECONDS,
      emergencyWindowSeconds: 60,
    })
    const window = await deployer.publicClient.readContract({ address: deployment.emergencyAccess, abi: emergencyAccessAbi, functionName: 'window' })
    assert.equal(window, 60n)
  })

  it('decodes a constructor revert before sending anything', async () => {
    const deployer = await createMedchainClient({ provider: node.provider, account: node.accounts[0] })
    const [first] = bootstrapOf(node.accounts)
    const nonceBefore = await deployer.publicClient.getTransactionCount({ address: deployer.account!.address })
    await expectRevert(deployContracts(deployer, { bootstrap: [first!, first!], proposalLifetimeSeconds: 60 }), 'ConsortiumAlreadyMember', [first!.org])
    assert.equal(await deployer.publicClient.getTransactionCount({ address: deployer.account!.address }), nonceBefore)
  })

  it('checks its inputs before any request', async () => {
    const deployer = await createMedchainClient({ provider: node.provider, account: node.accounts[0] })
    const [first] = bootstrapOf(node.accounts)
    await expectMedchainError(deployContracts(deployer, { bootstrap: [], proposalLifetimeSeconds: 60 }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(deployContracts(deployer, { bootstrap: [{ ...first!, roles: [] }], proposalLifetimeSeconds: 60 }), 'SDK_INVALID_ARGUMENT')
    const badKey = await expectMedchainError(
      deployContracts(deployer, { bootstrap: [{ ...first!, encryptionPublicKey: '0x04ab' }], proposalLifetimeSeconds: 60 }),
      'SDK_INVALID_ARGUMENT',
    )
    assert.match(badKey.message, /bootstrap\[0\]\.encryptionPublicKey/)
    await expectMedchainError(deployContracts(deployer, { bootstrap: [first!], proposalLifetimeSeconds: 0 }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(
      deployContracts(deployer, { bootstrap: [first!], proposalLifetimeSeconds: 60, emergencyWindowSeconds: 0 }),
      'SDK_INVALID_ARGUMENT',
    )
    const reader = await createMedchainClient({ provider: node.provider })
    await expectMedchainError(deployContracts(reader, { bootstrap: [first!], proposalLifetimeSeconds: 60 }), 'SDK_NO_ACCOUNT')
  })
})
