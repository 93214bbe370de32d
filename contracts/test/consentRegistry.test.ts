// ConsentRegistry: grants and revocations, directly and by relayed EIP-712 signature.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  encodeAbiParameters,
  hashDomain,
  keccak256,
  parseEventLogs,
  recoverTypedDataAddress,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from 'viem'
import { consentRegistryAbi, individualKinds, purposes, roles } from '../generated/index.ts'
import {
  deployConsentRegistry,
  grantInput,
  grantTypes,
  revokeTypes,
  signGrant,
  signRevoke,
  type ConsentContract,
} from './helpers/consent.ts'
import { deployConsortium } from './helpers/consortium.ts'
import { deployIdentityRegistry, newPatient, randomIds, type IdentityRegistryContract } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestWallet } from './helpers/testChain.ts'

const consentIdOf = (patient: Address, nonce: bigint): Hex =>
  keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [patient, nonce]))

describe('ConsentRegistry grants and revocations', () => {
  let chain: TestChain
  let hospital: TestWallet
  let research: TestWallet
  let clinician: TestWallet
  let relayer: TestWallet
  let identity: IdentityRegistryContract
  let registry: ConsentContract
  before(async () => {
    chain = await startTestChain()
    ;[hospital, research, clinician, relayer] = [0, 1, 2, 3].map((i) => chain.wallet(i)) as [TestWallet, TestWallet, TestWallet, TestWallet]
    const consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
    ])
    await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    identity = await deployIdentityRegistry(chain, consortium)
    registry = await deployConsentRegistry(chain, consortium, identity)
  })
  after(() => chain?.close())

  const as = (wallet: TestWallet): ConsentContract => chain.connect(registry, wallet)
  const inAnHour = async () => (await chain.now()) + 3600n

  /** A registered patient holding ether, and one consent it granted to the hospital. */
  async function withConsent() {
    const patient = await newPatient(chain, identity, { funded: true })
    const input = await grantInput(chain, hospital.account.address)
    await chain.mined(as(patient).write.grant([input]))
    return { patient, input, consentId: consentIdOf(patient.account.address, 0n) }
  }

  describe('direct grants', () => {
    it('a patient grants a consent whose id is keccak256(patient, nonce)', async () => {
      const patient = await newPatient(chain, identity, { funded: true })
      const address = patient.account.address
      const recordIds = randomIds(2)
      const input = await grantInput(chain, hospital.account.address, { purposes: purposes.TREATMENT | purposes.RESEARCH, recordIds })
      const receipt = await chain.mined(as(patient).write.grant([input]))
      const consentId = consentIdOf(address, 0n)
      const [event] = parseEventLogs({ abi: consentRegistryAbi, logs: receipt.logs, eventName: 'ConsentGranted' })
      assert.deepEqual(event?.args, { consentId, patient: address, ...input })
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      assert.deepEqual(await registry.read.getConsent([consentId]), {
        patient: address,
        ...input,
        grantedAt: block.timestamp,
        revokedAt: 0n,
      })
      assert.equal(await registry.read.nonces([address]), 1n)

      await chain.mined(as(patient).write.grant([await grantInput(chain, clinician.account.address)]))
      assert.deepEqual(await registry.read.consentsOf([address]), [consentId, consentIdOf(address, 1n)])
      assert.equal((await registry.read.getConsent([consentIdOf(address, 1n)])).grantee, clinician.account.address)
      assert.equal(await registry.read.MAX_RECORD_IDS(), 64n)
      assert.equal((await registry.read.getConsent([zeroHash])).patient, zeroAddress)
    })

    it('refuses callers that are not registered pseudonyms', async () => {
      const input = await grantInput(chain, hospital.account.address)
      await expectRevert(as(relayer).write.grant([input]), 'ConsentUnknownPatient', [relayer.account.address])
    })

    it('refuses invalid grantees, purposes, scopes and windows', async () => {
      const patient = await newPatient(chain, identity, { funded: true })
      const grant = async (overrides: Parameters<typeof grantInput>[2]) =>
        as(patient).write.grant([await grantInput(chain, hospital.account.address, overrides)])
      const now = await chain.now()
      const outsider = chain.unfundedWallet().account.address
      await expectRevert(grant({ grantee: outsider }), 'ConsentInvalidGrantee', [outsider])
      await expectRevert(grant({ grantee: zeroAddress }), 'ConsentInvalidGrantee', [zeroAddress])
      await expectRevert(grant({ purposes: 0 }), 'ConsentInvalidPurposes', [0])
      await expectRevert(grant({ purposes: 64 }), 'ConsentInvalidPurposes', [64])
      await expectRevert(grant({ purposes: purposes.ALL | 128 }), 'ConsentInvalidPurposes', [purposes.ALL | 128])
      await expectRevert(grant({ resourceTypes: 0n, recordIds: [] }), 'ConsentEmptyScope')
      await expectRevert(grant({ recordIds: randomIds(65) }), 'ConsentTooManyRecords', [65n, 64n])
      await expectRevert(grant({ recordIds: [...randomIds(2), zeroHash] }), 'ConsentInvalidRecordId', [2n])
      await expectRevert(grant({ start: now + 100n, expiry: now + 100n }), 'ConsentInvalidWindow', [now + 100n, now + 100n])
      await expectRevert(grant({ start: 0n, expiry: now - 1n }), 'ConsentInvalidWindow', [0n, now - 1n])
      // At the limits: 64 record ids and no resource type; every purpose bit; a window from 0.
      await chain.mined(grant({ resourceTypes: 0n, recordIds: randomIds(64), purposes: purposes.ALL, start: 0n }))
      assert.equal(await registry.read.nonces([patient.account.address]), 1n)
    })
  })

  describe('grants by signature', () => {
    it('a relayer submits a patient-signed grant; the patient pays nothing', async () => {
      const patient = await newPatient(chain, identity)
      const address = patient.account.address
      const input = await grantInput(chain, hospital.account.address, { recordIds: randomIds(3) })
      const deadline = await inAnHour()
      const { signature, domain } = await signGrant(chain, registry, patient, address, input, deadline)
      assert.equal(
        await registry.read.domainSeparator(),
        hashDomain({ domain: { ...domain, chainId: BigInt(domain.chainId) }, types: { EIP712Domain: eip712DomainType } }),
      )
      const { result: predicted } = await as(relayer).simulate.grantBySig([address, input, deadline, signature])
      const receipt = await chain.mined(as(relayer).write.grantBySig([address, input, deadline, signature]))
      const consentId = consentIdOf(address, 0n)
      assert.equal(predicted, consentId)
      const [event] = parseEventLogs({ abi: consentRegistryAbi, logs: receipt.logs, eventName: 'ConsentGranted' })
      assert.equal(event?.args.patient, address)
      assert.deepEqual((await registry.read.getConsent([consentId])).recordIds, input.recordIds)
      assert.equal(await chain.publicClient.getBalance({ address }), 0n)
    })

    it('refuses a replay, an expired deadline, another signer and altered terms', async () => {
      const patient = await newPatient(chain, identity)
      const address = patient.account.address
      const input = await grantInput(chain, hospital.account.address)
      const deadline = await inAnHour()
      const { signature, domain, message } = await signGrant(chain, registry, patient, address, input, deadline)
      await chain.mined(as(relayer).write.grantBySig([address, input, deadline, signature]))
      const replayed = await recoverTypedDataAddress({ domain, types: grantTypes, primaryType: 'Grant', message: { ...message, nonce: 1n }, signature })
      await expectRevert(registry.write.grantBySig([address, input, deadline, signature]), 'ConsentInvalidSigner', [replayed, address])

      const past = (await chain.now()) - 1n
      const expired = await signGrant(chain, registry, patient, address, input, past)
      await expectRevert(registry.write.grantBySig([address, input, past, expired.signature]), 'ConsentSignatureExpired', [past])

      const intruder = chain.unfundedWallet()
      const forged = await signGrant(chain, registry, intruder, address, input, deadline)
      await expectRevert(registry.write.grantBySig([address, input, deadline, forged.signature]), 'ConsentInvalidSigner', [
        intruder.account.address,
        address,
      ])

      const genuine = await signGrant(chain, registry, patient, address, input, deadline)
      const widened = { ...input, purposes: purposes.ALL }
      await expectRevert(registry.write.grantBySig([address, widened, deadline, genuine.signature]), 'ConsentInvalidSigner')
      const moreRecords = { ...input, recordIds: randomIds(1) }
      await expectRevert(registry.write.grantBySig([address, moreRecords, deadline, genuine.signature]), 'ConsentInvalidSigner')
      assert.equal(await registry.read.nonces([address]), 1n)
    })

    it('refuses a pseudonym that is not registered, even with its own signature', async () => {
      const stranger = chain.unfundedWallet()
      const input = await grantInput(chain, hospital.account.address)
      const deadline = await inAnHour()
      const { signature } = await signGrant(chain, registry, stranger, stranger.account.address, input, deadline)
      await expectRevert(registry.write.grantBySig([stranger.account.address, input, deadline, signature]), 'ConsentUnknownPatient', [
        stranger.account.address,
      ])
    })
  })

  describe('revocation', () => {
    it('the patient revokes once, consuming its nonce', async () => {
      const { patient, consentId } = await withConsent()
      const receipt = await chain.mined(as(patient).write.revoke([consentId]))
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      const [event] = parseEventLogs({ abi: consentRegistryAbi, logs: receipt.logs, eventName: 'ConsentRevoked' })
      assert.deepEqual(event?.args, { consentId, patient: patient.account.address, revokedAt: block.timestamp })
      assert.equal((await registry.read.getConsent([consentId])).revokedAt, block.timestamp)
      assert.equal(await registry.read.nonces([patient.account.address]), 2n)
      await expectRevert(as(patient).write.revoke([consentId]), 'ConsentAlreadyRevoked', [consentId, block.timestamp])
    })

    it('refuses anyone but the patient, and unknown consents', async () => {
      const { consentId } = await withConsent()
      await expectRevert(as(hospital).write.revoke([consentId]), 'ConsentNotPatient', [consentId, hospital.account.address])
      const unknown = randomIds(1)[0]!
      await expectRevert(as(hospital).write.revoke([unknown]), 'ConsentUnknown', [unknown])
      await expectRevert(registry.write.revokeBySig([unknown, await inAnHour(), `0x${'11'.repeat(65)}`]), 'ConsentUnknown', [unknown])
    })

    it('a relayer submits a patient-signed revocation; replays, expired and forged ones fail', async () => {
      const { patient, consentId } = await withConsent()
      const address = patient.account.address
      const deadline = await inAnHour()
      const intruder = chain.unfundedWallet()
      const forged = await signRevoke(chain, registry, intruder, address, consentId, deadline)
      await expectRevert(registry.write.revokeBySig([consentId, deadline, forged.signature]), 'ConsentInvalidSigner', [
        intruder.account.address,
        address,
      ])
      const past = (await chain.now()) - 1n
      const expired = await signRevoke(chain, registry, patient, address, consentId, past)
      await expectRevert(registry.write.revokeBySig([consentId, past, expired.signature]), 'ConsentSignatureExpired', [past])

      const { signature, domain, message } = await signRevoke(chain, registry, patient, address, consentId, deadline)
      const receipt = await chain.mined(as(relayer).write.revokeBySig([consentId, deadline, signature]))
      assert.equal(parseEventLogs({ abi: consentRegistryAbi, logs: receipt.logs, eventName: 'ConsentRevoked' }).length, 1)
      const replayed = await recoverTypedDataAddress({
        domain,
        types: revokeTypes,
        primaryType: 'Revoke',
        message: { ...message, nonce: message.nonce + 1n },
        signature,
      })
      await expectRevert(registry.write.revokeBySig([consentId, deadline, signature]), 'ConsentInvalidSigner', [replayed, address])
    })

    it('a revocation invalidates a signed grant not yet relayed (shared nonce)', async () => {
      const { patient, input, consentId } = await withConsent()
      const address = patient.account.address
      const deadline = await inAnHour()
      const pending = await signGrant(chain, registry, patient, address, input, deadline)
      await chain.mined(as(patient).write.revoke([consentId]))
      await expectRevert(registry.write.grantBySig([address, input, deadline, pending.signature]), 'ConsentInvalidSigner')
    })
  })
})

const eip712DomainType = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
] as const
