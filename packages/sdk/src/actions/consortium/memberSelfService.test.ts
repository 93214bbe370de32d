// What a member does for itself: individuals, gateway URL, encryption key; concurrent writes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { consortiumAbi } from '@medchain/contracts'
import { privateKeyToAddress } from '@medchain/crypto'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { getMember } from './getMember.ts'
import { registerIndividual } from './registerIndividual.ts'
import { revokeIndividual } from './revokeIndividual.ts'
import { rotateEncryptionKey } from './rotateEncryptionKey.ts'
import { updateGateway } from './updateGateway.ts'

describe('member self-service', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
  })
  after(() => chain?.close())

  const individualKind = (account: `0x${string}`) =>
    hospital.publicClient.readContract({ address: chain.deployment.consortium, abi: consortiumAbi, functionName: 'individualKind', args: [account] })

  it('registers concurrent individuals from one account (the nonce manager orders them)', async () => {
    const clinicians = [freshKey(), freshKey(), freshKey(), freshKey()]
    const results = await Promise.all(clinicians.map(({ address }) => registerIndividual(hospital, { account: address, kind: 'clinician' })))
    const nonces = await Promise.all(results.map(({ hash }) => hospital.publicClient.getTransaction({ hash }).then((tx) => tx.nonce)))
    assert.equal(new Set(nonces).size, clinicians.length)
    for (const { address } of clinicians) assert.equal(await individualKind(address), 1)

    await revokeIndividual(hospital, { account: clinicians[0]!.address })
    assert.equal(await individualKind(clinicians[0]!.address), 0)
    await expectMedchainError(registerIndividual(hospital, { account: clinicians[0]!.address, kind: 'nurse' as never }), 'SDK_INVALID_ARGUMENT')
  })

  it('refuses a kind the member has no role for, decoded', async () => {
    const researcher = freshKey()
    const error = await expectRevert(registerIndividual(hospital, { account: researcher.address, kind: 'researcher' }), 'ConsortiumInvalidIndividualKind', [
      privateKeyToAddress(chain.keys[1]!),
      2,
    ])
    assert.match(error.message, /ConsortiumInvalidIndividualKind\(org: 0x[0-9a-fA-F]{40}, kind: 2\)/)
  })

  it('updates its gateway URL and rotates its encryption key', async () => {
    const key = freshKey()
    await updateGateway(hospital, { gatewayUrl: 'https://gw.hospital.test' })
    const rotated = await rotateEncryptionKey(hospital, { encryptionPublicKey: key.publicKey })
    assert.ok(rotated.events.some((event) => event.eventName === 'EncryptionKeyRotated'))
    const member = await getMember(hospital, { address: privateKeyToAddress(chain.keys[1]!) })
    assert.equal(member?.gatewayUrl, 'https://gw.hospital.test')
    assert.equal(member?.encryptionPublicKey, key.publicKey)
    const outsider = await chain.client(chain.keys[6])
    await expectRevert(updateGateway(outsider, { gatewayUrl: 'x' }), 'ConsortiumNotMember')
  })
})
