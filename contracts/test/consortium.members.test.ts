// Consortium: bootstrap, member views and members' self-service (gateway URL, encryption key).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseEventLogs, zeroAddress, type ContractConstructorArgs } from 'viem'
import { consortiumAbi, consortiumBytecode, roles } from '../generated/index.ts'
import { deployConsortium, LIFETIME, memberInput } from './helpers/consortium.ts'
import { invalidKeys, randomCompressedKey } from './helpers/keys.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain } from './helpers/testChain.ts'

describe('Consortium members', () => {
  let chain: TestChain
  before(async () => {
    chain = await startTestChain()
  })
  after(() => chain?.close())

  const deployWith = (args: ContractConstructorArgs<typeof consortiumAbi>) =>
    chain.deploy({ abi: consortiumAbi, bytecode: consortiumBytecode, args })

  describe('constructor', () => {
    it('admits the bootstrap members with their profiles', async () => {
      const [a, b] = [chain.wallet(0), chain.wallet(1)]
      const inputA = memberInput(a, roles.HOSPITAL | roles.RESEARCH)
      const inputB = memberInput(b, roles.REGULATOR, { gatewayUrl: '' })
      const hash = await chain.wallet(0).deployContract({
        abi: consortiumAbi,
        bytecode: consortiumBytecode,
        args: [[inputA, inputB], LIFETIME],
      })
      const receipt = await chain.mined(hash)
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.ok(receipt.contractAddress)
      const consortium = chain.at(consortiumAbi, receipt.contractAddress)

      assert.equal(await consortium.read.memberCount(), 2n)
      assert.deepEqual(await consortium.read.members(), [a.account.address, b.account.address])
      assert.equal(await consortium.read.proposalLifetime(), LIFETIME)
      assert.equal(await consortium.read.proposalCount(), 0n)
      assert.deepEqual(await consortium.read.getMember([a.account.address]), {
        name: inputA.name,
        roles: roles.HOSPITAL | roles.RESEARCH,
        gatewayUrl: inputA.gatewayUrl,
        encryptionPublicKey: inputA.encryptionPublicKey,
        joinedAt: block.timestamp,
        active: true,
      })
      assert.equal((await consortium.read.getMember([b.account.address])).gatewayUrl, '')

      const admitted = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'MemberAdmitted' })
      assert.deepEqual(
        admitted.map((log) => log.args),
        [inputA, inputB].map(({ org, name, roles, gatewayUrl, encryptionPublicKey }) => ({
          org,
          name,
          roles,
          gatewayUrl,
          encryptionPublicKey,
        })),
      )
    })

    it('refuses an empty bootstrap', async () => {
      await expectRevert(deployWith([[], LIFETIME]), 'ConsortiumNoBootstrapMember')
    })

    it('refuses a zero or oversized proposal lifetime', async () => {
      const bootstrap = [memberInput(chain.wallet(0), roles.HOSPITAL)]
      await expectRevert(deployWith([bootstrap, 0n]), 'ConsortiumInvalidLifetime', [0n])
      await expectRevert(deployWith([bootstrap, 2n ** 32n]), 'ConsortiumInvalidLifetime', [2n ** 32n])
    })

    it('refuses a duplicate or zero bootstrap address', async () => {
      const a = chain.wallet(0)
      await expectRevert(
        deployWith([[memberInput(a, roles.HOSPITAL), memberInput(a, roles.RESEARCH)], LIFETIME]),
        'ConsortiumAlreadyMember',
        [a.account.address],
      )
      await expectRevert(
        deployWith([[memberInput(a, roles.HOSPITAL, { org: zeroAddress })], LIFETIME]),
        'ConsortiumInvalidAccount',
        [zeroAddress],
      )
    })

    it('refuses invalid roles, an empty name and invalid keys', async () => {
      const a = chain.wallet(0)
      for (const bad of [0, roles.ALL_ROLES + 1, 0x8000]) {
        await expectRevert(deployWith([[memberInput(a, bad)], LIFETIME]), 'ConsortiumInvalidRoles', [bad])
      }
      await expectRevert(deployWith([[memberInput(a, roles.HOSPITAL, { name: '' })], LIFETIME]), 'ConsortiumInvalidName')
      for (const [label, key] of Object.entries(invalidKeys())) {
        await expectRevert(
          deployWith([[memberInput(a, roles.HOSPITAL, { encryptionPublicKey: key })], LIFETIME]),
          'ConsortiumInvalidKey',
          [key],
        ).catch((error: unknown) => assert.fail(`key ${label}: ${String(error)}`))
      }
    })
  })

  describe('views', () => {
    it('hasRole needs every bit of the role, and an active member', async () => {
      const [a, b] = [chain.wallet(0), chain.wallet(1)]
      const consortium = await deployConsortium(chain, [[a, roles.HOSPITAL | roles.MANUFACTURER]])
      assert.equal(await consortium.read.hasRole([a.account.address, roles.HOSPITAL]), true)
      assert.equal(await consortium.read.hasRole([a.account.address, roles.HOSPITAL | roles.MANUFACTURER]), true)
      assert.equal(await consortium.read.hasRole([a.account.address, roles.HOSPITAL | roles.RESEARCH]), false)
      assert.equal(await consortium.read.hasRole([a.account.address, 0]), false)
      assert.equal(await consortium.read.hasRole([b.account.address, roles.HOSPITAL]), false)
      assert.equal(await consortium.read.isMember([b.account.address]), false)
      assert.equal(await consortium.read.memberOf([a.account.address]), a.account.address)
      assert.equal(await consortium.read.memberOf([b.account.address]), zeroAddress)
      assert.equal(await consortium.read.individualKind([a.account.address]), 0)
      assert.deepEqual(await consortium.read.getMember([b.account.address]), {
        name: '',
        roles: 0,
        gatewayUrl: '',
        encryptionPublicKey: '0x',
        joinedAt: 0n,
        active: false,
      })
      await expectRevert(consortium.read.getProposal([1n]), 'ConsortiumUnknownProposal', [1n])
    })
  })

  describe('self-service', () => {
    it('a member updates its gateway URL', async () => {
      const a = chain.wallet(0)
      const consortium = await deployConsortium(chain, [[a, roles.HOSPITAL]])
      const receipt = await chain.mined(consortium.write.updateGateway(['https://new.example/fhir']))
      const [event] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'GatewayUpdated' })
      assert.deepEqual(event?.args, { org: a.account.address, gatewayUrl: 'https://new.example/fhir' })
      assert.equal((await consortium.read.getMember([a.account.address])).gatewayUrl, 'https://new.example/fhir')
    })

    it('a member rotates its encryption key', async () => {
      const a = chain.wallet(0)
      const consortium = await deployConsortium(chain, [[a, roles.HOSPITAL]])
      const key = randomCompressedKey()
      const receipt = await chain.mined(consortium.write.rotateEncryptionKey([key]))
      const [event] = parseEventLogs({ abi: consortiumAbi, logs: receipt.logs, eventName: 'EncryptionKeyRotated' })
      assert.deepEqual(event?.args, { org: a.account.address, encryptionPublicKey: key })
      assert.equal((await consortium.read.getMember([a.account.address])).encryptionPublicKey, key)
    })

    it('refuses an invalid key', async () => {
      const consortium = await deployConsortium(chain, [[chain.wallet(0), roles.HOSPITAL]])
      for (const [label, key] of Object.entries(invalidKeys())) {
        await expectRevert(consortium.write.rotateEncryptionKey([key]), 'ConsortiumInvalidKey', [key]).catch(
          (error: unknown) => assert.fail(`key ${label}: ${String(error)}`),
        )
      }
    })

    it('refuses non-members', async () => {
      const outsider = chain.wallet(1)
      const consortium = chain.connect(await deployConsortium(chain, [[chain.wallet(0), roles.HOSPITAL]]), outsider)
      const notMember = [outsider.account.address] as const
      await expectRevert(consortium.write.updateGateway(['https://x.example']), 'ConsortiumNotMember', notMember)
      await expectRevert(consortium.write.rotateEncryptionKey([randomCompressedKey()]), 'ConsortiumNotMember', notMember)
    })
  })
})
