// Patient pseudonyms: registration by hospitals only, key rotation direct and by relayed signature.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAddress } from '@medchain/crypto'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { getPatient } from './getPatient.ts'
import { registerPatient } from './registerPatient.ts'
import { relayPatientKeyRotation } from './relayPatientKeyRotation.ts'
import { rotatePatientKey } from './rotatePatientKey.ts'
import { signPatientKeyRotation } from './signPatientKeyRotation.ts'

describe('patient identities', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let research: MedchainClient
  let relayer: MedchainClient
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    research = await chain.client(chain.keys[2])
    relayer = await chain.client(chain.keys[3])
  })
  after(() => chain?.close())

  async function registered() {
    const patient = freshKey()
    await registerPatient(hospital, { pseudonym: patient.address, encryptionPublicKey: patient.publicKey })
    return patient
  }

  it('lets a hospital register a pseudonym and refuses a non-hospital member', async () => {
    const patient = await registered()
    const record = await getPatient(research, { pseudonym: patient.address })
    assert.deepEqual(
      { key: record?.encryptionPublicKey, registrar: record?.registrar, version: record?.keyVersion },
      { key: patient.publicKey, registrar: privateKeyToAddress(chain.keys[1]!), version: 1 },
    )
    const other = freshKey()
    await expectRevert(registerPatient(research, { pseudonym: other.address, encryptionPublicKey: other.publicKey }), 'ConsortiumMissingRole', [
      privateKeyToAddress(chain.keys[2]!),
      1,
    ])
    await expectRevert(registerPatient(hospital, { pseudonym: patient.address, encryptionPublicKey: other.publicKey }), 'IdentityAlreadyRegistered', [
      patient.address,
    ])
    assert.equal(await getPatient(research, { pseudonym: other.address }), undefined)
  })

  it('rotates a key by a patient signature relayed by another account, and refuses its replay', async () => {
    const patient = await registered()
    const next = freshKey()
    const signed = await signPatientKeyRotation(relayer, { patient: patient.privateKey, newKey: next.publicKey })
    assert.equal(signed.pseudonym, patient.address)
    assert.equal(signed.nonce, 0n)

    const relayed = await relayPatientKeyRotation(relayer, signed)
    assert.equal(relayed.keyVersion, 2)
    const record = await getPatient(relayer, { pseudonym: patient.address })
    assert.deepEqual({ key: record?.encryptionPublicKey, version: record?.keyVersion }, { key: next.publicKey, version: 2 })
    // The patient's pseudonym never paid: the relayer sent the transaction.
    const tx = await relayer.publicClient.getTransaction({ hash: relayed.hash })
    assert.equal(tx.from.toLowerCase(), privateKeyToAddress(chain.keys[3]!).toLowerCase())

    // The nonce moved on, so the same signature now recovers to another address.
    const replay = await expectRevert(relayPatientKeyRotation(hospital, signed), 'IdentityInvalidSigner')
    assert.equal(replay.revert?.args[1], patient.address)
  })

  it('refuses an expired signature and one signed by another key', async () => {
    const patient = await registered()
    const next = freshKey()
    const expired = await signPatientKeyRotation(relayer, { patient: patient.privateKey, newKey: next.publicKey, deadline: 1n })
    await expectRevert(relayPatientKeyRotation(relayer, expired), 'IdentitySignatureExpired', [1n])
    const forged = await signPatientKeyRotation(relayer, { patient: freshKey().privateKey, newKey: next.publicKey })
    await expectRevert(relayPatientKeyRotation(relayer, { ...forged, pseudonym: patient.address }), 'IdentityInvalidSigner')
    await expectMedchainError(signPatientKeyRotation(relayer, { patient: '0x12', newKey: next.publicKey }), 'SDK_INVALID_ARGUMENT')
  })

  it('lets a patient rotate its own key directly', async () => {
    const patient = await registered()
    const next = freshKey()
    const result = await rotatePatientKey(await chain.client(patient.privateKey), { newKey: next.publicKey })
    assert.equal(result.keyVersion, 2)
    await expectRevert(rotatePatientKey(await chain.client(freshKey().privateKey), { newKey: next.publicKey }), 'IdentityUnknownPatient')
  })
})
