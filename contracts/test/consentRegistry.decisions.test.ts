// ConsentRegistry decisions: checkConsent and findAuthorization across accessors, purposes,
// scopes, time windows, revocation and membership changes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { encodeAbiParameters, keccak256, zeroHash, type Address, type Hex } from 'viem'
import { accessDecisions, individualKinds, purposes, roles } from '../generated/index.ts'
import { CONDITION, OBSERVATION, deployConsentRegistry, grantInput, type ConsentContract, type GrantInput } from './helpers/consent.ts'
import { deployConsortium, type ConsortiumContract } from './helpers/consortium.ts'
import { deployIdentityRegistry, newPatient, randomIds, type IdentityRegistryContract } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestWallet } from './helpers/testChain.ts'

const { ALLOWED, NO_CONSENT, REVOKED, NOT_STARTED, EXPIRED, WRONG_PURPOSE, OUT_OF_SCOPE, GRANTEE_NOT_MEMBER } = accessDecisions
const { TREATMENT, RESEARCH } = purposes

describe('ConsentRegistry decisions', () => {
  let chain: TestChain
  let hospital: TestWallet
  let otherHospital: TestWallet
  let research: TestWallet
  let leaving: TestWallet
  let clinician: TestWallet
  let leavingClinician: TestWallet
  let consortium: ConsortiumContract
  let identity: IdentityRegistryContract
  let registry: ConsentContract
  before(async () => {
    chain = await startTestChain()
    ;[hospital, otherHospital, research, leaving, clinician, leavingClinician] = [0, 1, 2, 3, 4, 5].map((i) => chain.wallet(i)) as [
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
    ]
    consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [otherHospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
      [leaving, roles.HOSPITAL],
    ])
    await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    await chain.mined(
      chain.connect(consortium, leaving).write.registerIndividual([leavingClinician.account.address, individualKinds.CLINICIAN]),
    )
    identity = await deployIdentityRegistry(chain, consortium)
    registry = await deployConsentRegistry(chain, consortium, identity)
  })
  after(() => chain?.close())

  const addressOf = (wallet: TestWallet) => wallet.account.address

  /** A fresh funded patient and a function granting its consents, returning their ids. */
  async function patientWith() {
    const patient = await newPatient(chain, identity, { funded: true })
    const address = patient.account.address
    const grant = async (grantee: Address, overrides: Partial<GrantInput> = {}): Promise<Hex> => {
      const nonce = await registry.read.nonces([address])
      await chain.mined(chain.connect(registry, patient).write.grant([await grantInput(chain, grantee, overrides)]))
      return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [address, nonce]))
    }
    const revoke = (consentId: Hex) => chain.mined(chain.connect(registry, patient).write.revoke([consentId]))
    const find = async (accessor: Address, purpose: number = TREATMENT, typeIndex = OBSERVATION, recordId: Hex = zeroHash) => {
      const [consentId, decision] = await registry.read.findAuthorization([address, accessor, purpose, typeIndex, recordId])
      return { consentId, decision }
    }
    return { patient: address, grant, revoke, find }
  }

  it('NO_CONSENT with a zero id when the patient granted nothing, or nothing to this accessor', async () => {
    const { grant, find } = await patientWith()
    assert.deepEqual(await find(addressOf(hospital)), { consentId: zeroHash, decision: NO_CONSENT })
    await grant(addressOf(otherHospital))
    assert.deepEqual(await find(addressOf(hospital)), { consentId: zeroHash, decision: NO_CONSENT })
    assert.deepEqual(await find(addressOf(research)), { consentId: zeroHash, decision: NO_CONSENT })
  })

  it('a grant to a member covers the member and its clinicians, not an individual grant the member', async () => {
    const { grant, find } = await patientWith()
    const toMember = await grant(addressOf(hospital))
    assert.deepEqual(await find(addressOf(hospital)), { consentId: toMember, decision: ALLOWED })
    assert.deepEqual(await find(addressOf(clinician)), { consentId: toMember, decision: ALLOWED })

    const other = await patientWith()
    const toClinician = await other.grant(addressOf(clinician))
    assert.deepEqual(await other.find(addressOf(clinician)), { consentId: toClinician, decision: ALLOWED })
    assert.deepEqual(await other.find(addressOf(hospital)), { consentId: zeroHash, decision: NO_CONSENT })
  })

  it('WRONG_PURPOSE unless every purpose bit asked for is granted', async () => {
    const { grant, find } = await patientWith()
    const consentId = await grant(addressOf(hospital))
    assert.deepEqual(await find(addressOf(clinician), RESEARCH), { consentId, decision: WRONG_PURPOSE })
    assert.deepEqual(await find(addressOf(clinician), TREATMENT | RESEARCH), { consentId, decision: WRONG_PURPOSE })
    const both = await grant(addressOf(hospital), { purposes: TREATMENT | RESEARCH })
    assert.deepEqual(await find(addressOf(clinician), TREATMENT | RESEARCH), { consentId: both, decision: ALLOWED })
  })

  it('OUT_OF_SCOPE for another resource type; record-id scopes match the listed records only', async () => {
    const { grant, find } = await patientWith()
    const byType = await grant(addressOf(hospital))
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, CONDITION), { consentId: byType, decision: OUT_OF_SCOPE })

    const [listed, unlisted] = randomIds(2) as [Hex, Hex]
    const byRecord = await grant(addressOf(hospital), { resourceTypes: 0n, recordIds: [...randomIds(3), listed] })
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, CONDITION, listed), { consentId: byRecord, decision: ALLOWED })
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, CONDITION, unlisted), { consentId: byRecord, decision: OUT_OF_SCOPE })
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, CONDITION, zeroHash), { consentId: byRecord, decision: OUT_OF_SCOPE })
    // The type-scoped consent still allows Observations, whatever the record.
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, OBSERVATION, unlisted), { consentId: byType, decision: ALLOWED })
    assert.deepEqual(await find(addressOf(hospital), TREATMENT, 255), { consentId: byRecord, decision: OUT_OF_SCOPE })
  })

  it('NOT_STARTED before the start, ALLOWED in the window, EXPIRED from the expiry on', async () => {
    const { grant, find } = await patientWith()
    const now = await chain.now()
    const consentId = await grant(addressOf(hospital), { start: now + 1000n, expiry: now + 2000n })
    assert.deepEqual(await find(addressOf(hospital)), { consentId, decision: NOT_STARTED })
    await chain.increaseTime(1100)
    assert.deepEqual(await find(addressOf(hospital)), { consentId, decision: ALLOWED })
    await chain.increaseTime(1000)
    assert.deepEqual(await find(addressOf(hospital)), { consentId, decision: EXPIRED })
  })

  it('REVOKED once the patient revokes', async () => {
    const { grant, revoke, find } = await patientWith()
    const consentId = await grant(addressOf(hospital))
    await revoke(consentId)
    assert.deepEqual(await find(addressOf(clinician)), { consentId, decision: REVOKED })
  })

  it('GRANTEE_NOT_MEMBER once the grantee leaves; the individuals of a removed member get NO_CONSENT', async () => {
    const { grant, find } = await patientWith()
    const toMember = await grant(addressOf(leaving))
    const toLeavingClinician = await grant(addressOf(leavingClinician))
    const toClinician = await grant(addressOf(clinician))
    assert.deepEqual(await find(addressOf(leavingClinician)), { consentId: toLeavingClinician, decision: ALLOWED })

    await chain.mined(consortium.write.revokeIndividual([addressOf(clinician)]))
    assert.deepEqual(await find(addressOf(clinician)), { consentId: toClinician, decision: GRANTEE_NOT_MEMBER })

    await chain.mined(consortium.write.proposeRemoval([addressOf(leaving)]))
    const proposalId = await consortium.read.proposalCount()
    for (const voter of [otherHospital, research]) await chain.mined(chain.connect(consortium, voter).write.vote([proposalId, true]))
    assert.equal(await consortium.read.isMember([addressOf(leaving)]), false)
    assert.deepEqual(await find(addressOf(leaving)), { consentId: toMember, decision: GRANTEE_NOT_MEMBER })
    // Its own grant applies to the former clinician (newest first), the member's no longer does.
    assert.deepEqual(await find(addressOf(leavingClinician)), { consentId: toLeavingClinician, decision: GRANTEE_NOT_MEMBER })
    await chain.mined(consortium.write.registerIndividual([addressOf(clinician), individualKinds.CLINICIAN]))
  })

  it('returns the newest ALLOWED consent, else the refusal of the newest consent that applies', async () => {
    const { grant, revoke, find } = await patientWith()
    const allowing = await grant(addressOf(hospital))
    const researchOnly = await grant(addressOf(hospital), { purposes: RESEARCH })
    assert.deepEqual(await find(addressOf(clinician)), { consentId: allowing, decision: ALLOWED })
    await revoke(allowing)
    assert.deepEqual(await find(addressOf(clinician)), { consentId: researchOnly, decision: WRONG_PURPOSE })
    const newer = await grant(addressOf(hospital))
    await grant(addressOf(otherHospital))
    assert.deepEqual(await find(addressOf(clinician)), { consentId: newer, decision: ALLOWED })
    await revoke(newer)
    assert.deepEqual(await find(addressOf(clinician)), { consentId: newer, decision: REVOKED })
  })

  it('checkConsent evaluates one consent; unknown or foreign consents give NO_CONSENT', async () => {
    const { grant } = await patientWith()
    const consentId = await grant(addressOf(hospital))
    const check = (id: Hex, accessor: Address, purpose: number = TREATMENT, typeIndex = OBSERVATION) =>
      registry.read.checkConsent([id, accessor, purpose, typeIndex, zeroHash])
    assert.equal(await check(consentId, addressOf(clinician)), ALLOWED)
    assert.equal(await check(consentId, addressOf(clinician), RESEARCH), WRONG_PURPOSE)
    assert.equal(await check(consentId, addressOf(clinician), TREATMENT, CONDITION), OUT_OF_SCOPE)
    assert.equal(await check(consentId, addressOf(otherHospital)), NO_CONSENT)
    assert.equal(await check(randomIds(1)[0]!, addressOf(hospital)), NO_CONSENT)
  })

  it('refuses a zero or unknown purpose in queries', async () => {
    const { patient } = await patientWith()
    for (const purpose of [0, 64]) {
      await expectRevert(registry.read.findAuthorization([patient, addressOf(hospital), purpose, 0, zeroHash]), 'ConsentInvalidPurposes', [
        purpose,
      ])
      await expectRevert(registry.read.checkConsent([zeroHash, addressOf(hospital), purpose, 0, zeroHash]), 'ConsentInvalidPurposes', [
        purpose,
      ])
    }
  })
})
