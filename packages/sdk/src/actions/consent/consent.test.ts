// Consents: direct and relayed grants and revocations, listing, and authorization decisions.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAddress } from '@medchain/crypto'
import { keccak256, stringToHex, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { registerIndividual } from '../consortium/registerIndividual.ts'
import { registerPatient } from '../identity/registerPatient.ts'
import { findAuthorization } from './findAuthorization.ts'
import { getConsent } from './getConsent.ts'
import { grantConsent } from './grantConsent.ts'
import { listConsents } from './listConsents.ts'
import { relayConsentGrant } from './relayConsentGrant.ts'
import { relayConsentRevocation } from './relayConsentRevocation.ts'
import { revokeConsent } from './revokeConsent.ts'
import { signConsentGrant } from './signConsentGrant.ts'
import { signConsentRevocation } from './signConsentRevocation.ts'

describe('consents', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let research: MedchainClient
  let hospitalAddress: Address
  let researchAddress: Address
  let clinician: Address
  let expiry: bigint
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    research = await chain.client(chain.keys[2])
    hospitalAddress = privateKeyToAddress(chain.keys[1]!)
    researchAddress = privateKeyToAddress(chain.keys[2]!)
    clinician = freshKey().address
    await registerIndividual(hospital, { account: clinician, kind: 'clinician' })
    expiry = BigInt(Math.floor(Date.now() / 1000)) + 86_400n
  })
  after(() => chain?.close())

  /** A registered patient without gas: it only signs. */
  async function newPatient() {
    const key = freshKey()
    await registerPatient(hospital, { pseudonym: key.address, encryptionPublicKey: key.publicKey })
    return key
  }

  it('a patient grants directly; the consent reads back with names', async () => {
    // The dev key 4 holds ether, so this patient pays for its own grant.
    const key = chain.keys[4]!
    const address = privateKeyToAddress(key)
    await registerPatient(hospital, { pseudonym: address, encryptionPublicKey: freshKey().publicKey })
    const patient = await chain.client(key)
    const recordId = keccak256(stringToHex('a record'))
    const granted = await grantConsent(patient, {
      grantee: hospitalAddress,
      purposes: ['treatment', 'emergency'],
      resourceTypes: ['Observation', 'Condition'],
      recordIds: [recordId],
      expiry,
    })
    const consent = await getConsent(research, { consentId: granted.consentId })
    assert.deepEqual({ ...consent, grantedAt: 0n }, {
      consentId: granted.consentId,
      patient: address,
      grantee: hospitalAddress,
      purposes: ['treatment', 'emergency'],
      resourceTypes: ['Condition', 'Observation'],
      resourceTypeMask: (1n << 27n) | (1n << 95n),
      recordIds: [recordId],
      start: 0n,
      expiry,
      grantedAt: 0n,
      revokedAt: undefined,
    })
    await revokeConsent(patient, { consentId: granted.consentId })
    const [listed] = await listConsents(research, { patient: address })
    assert.ok(listed?.revokedAt && listed.revokedAt > 0n)
    await expectRevert(revokeConsent(patient, { consentId: granted.consentId }), 'ConsentAlreadyRevoked')
    await expectRevert(revokeConsent(hospital, { consentId: granted.consentId }), 'ConsentNotPatient', [granted.consentId, hospitalAddress])
    assert.equal(await getConsent(research, { consentId: keccak256('0x01') }), undefined)
  })

  it('a gateway relays a signed grant; the signature works once', async () => {
    const patient = await newPatient()
    const signed = await signConsentGrant(hospital, { patient: patient.privateKey, grantee: hospitalAddress, purposes: 'treatment', resourceTypes: ['Observation'], expiry })
    assert.equal(signed.nonce, 0n)
    assert.equal(signed.grant.purposes, 1)
    const relayed = await relayConsentGrant(hospital, signed)
    assert.equal(relayed.consentId, signed.consentId)
    assert.deepEqual((await listConsents(research, { patient: patient.address })).map((c) => c.consentId), [signed.consentId])
    const replay = await expectRevert(relayConsentGrant(hospital, signed), 'ConsentInvalidSigner')
    assert.equal(replay.revert?.args[1], patient.address)

    const expired = await signConsentGrant(hospital, { patient: patient.privateKey, grantee: hospitalAddress, purposes: 'treatment', resourceTypes: ['Observation'], expiry, deadline: 1n })
    await expectRevert(relayConsentGrant(hospital, expired), 'ConsentSignatureExpired', [1n])
    const empty = await signConsentGrant(hospital, { patient: patient.privateKey, grantee: hospitalAddress, purposes: 'treatment', expiry })
    await expectRevert(relayConsentGrant(hospital, empty), 'ConsentEmptyScope')
  })

  it('decides access: member grants cover clinicians; purpose, scope and revocation refuse', async () => {
    const patient = await newPatient()
    const recordId = keccak256(stringToHex('listed record'))
    const byType = await relayConsentGrant(
      hospital,
      await signConsentGrant(hospital, { patient: patient.privateKey, grantee: hospitalAddress, purposes: ['treatment'], resourceTypes: ['Observation'], expiry }),
    )
    const decide = (accessor: Address, resourceType = 'Observation', purpose: 'treatment' | 'research' = 'treatment', id?: Hex) =>
      findAuthorization(research, { patient: patient.address, accessor, purpose, resourceType, recordId: id })

    assert.deepEqual(await decide(clinician), { consentId: byType.consentId, decision: 'allowed', decisionCode: 0 })
    assert.deepEqual(await decide(researchAddress), { consentId: undefined, decision: 'noConsent', decisionCode: 1 })
    assert.deepEqual(await decide(clinician, 'Observation', 'research'), { consentId: byType.consentId, decision: 'wrongPurpose', decisionCode: 5 })
    assert.deepEqual(await decide(clinician, 'Condition'), { consentId: byType.consentId, decision: 'outOfScope', decisionCode: 6 })

    const byRecord = await relayConsentGrant(
      hospital,
      await signConsentGrant(hospital, { patient: patient.privateKey, grantee: clinician, purposes: ['treatment'], recordIds: [recordId], expiry }),
    )
    assert.deepEqual(await decide(clinician, 'Condition', 'treatment', recordId), { consentId: byRecord.consentId, decision: 'allowed', decisionCode: 0 })

    const revocation = await signConsentRevocation(hospital, { patient: patient.privateKey, consentId: byType.consentId })
    await relayConsentRevocation(hospital, revocation)
    assert.deepEqual(await decide(hospitalAddress), { consentId: byType.consentId, decision: 'revoked', decisionCode: 2 })
    await expectRevert(relayConsentRevocation(hospital, revocation), 'ConsentInvalidSigner')

    await expectMedchainError(decide(clinician, 'NotAType'), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(findAuthorization(research, { patient: patient.address, accessor: clinician, purpose: [], resourceType: 'Observation' }), 'SDK_INVALID_ARGUMENT')
  })

  it('checks terms before signing', async () => {
    const patient = await newPatient()
    const base = { patient: patient.privateKey, grantee: hospitalAddress, expiry }
    await expectMedchainError(signConsentGrant(hospital, { ...base, purposes: ['sales' as never], resourceTypes: ['Observation'] }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(signConsentGrant(hospital, { ...base, purposes: 'treatment', resourceTypes: ['Nope'] }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(signConsentGrant(hospital, { ...base, patient: '0x12', purposes: 'treatment' }), 'SDK_INVALID_ARGUMENT')
  })
})
