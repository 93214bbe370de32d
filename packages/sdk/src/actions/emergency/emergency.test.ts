// Break-glass access: opening by a clinician, the active window, reviews direct and relayed.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAddress } from '@medchain/crypto'
import { keccak256, stringToHex, type Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { DEFAULT_EMERGENCY_WINDOW_SECONDS } from '../../deploy/deployContracts.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { registerIndividual } from '../consortium/registerIndividual.ts'
import { registerPatient } from '../identity/registerPatient.ts'
import { getActiveBreakGlass } from './getActiveBreakGlass.ts'
import { getBreakGlass } from './getBreakGlass.ts'
import { openBreakGlass } from './openBreakGlass.ts'
import { relayBreakGlassReview } from './relayBreakGlassReview.ts'
import { reviewBreakGlass } from './reviewBreakGlass.ts'
import { signBreakGlassReview } from './signBreakGlassReview.ts'

const justificationHash = keccak256(stringToHex('unconscious on arrival, allergies unknown'))

describe('break-glass access', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let regulator: MedchainClient
  let clinician: MedchainClient
  let clinicianAddress: Address
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    regulator = await chain.client(chain.keys[3])
    // Dev key 4 holds ether: the clinician sends its own transactions.
    clinician = await chain.client(chain.keys[4])
    clinicianAddress = privateKeyToAddress(chain.keys[4]!)
    await registerIndividual(hospital, { account: clinicianAddress, kind: 'clinician' })
  })
  after(() => chain?.close())

  async function newPatient() {
    const key = freshKey()
    await registerPatient(hospital, { pseudonym: key.address, encryptionPublicKey: key.publicKey })
    return key
  }

  it('a clinician opens access; it is active for the window, then ends', async () => {
    const patient = await newPatient()
    const opened = await openBreakGlass(clinician, { patient: patient.address, reasonCode: 1, justificationHash })
    const access = await getActiveBreakGlass(hospital, { patient: patient.address, accessor: clinicianAddress })
    assert.ok(access)
    assert.equal(access.accessId, opened.accessId)
    assert.equal(access.expiresAt, opened.expiresAt)
    assert.equal(access.expiresAt - access.openedAt, DEFAULT_EMERGENCY_WINDOW_SECONDS)
    assert.deepEqual(
      { member: access.member, clinician: access.clinician, active: access.active, status: access.reviewStatus, reviewer: access.reviewer },
      { member: privateKeyToAddress(chain.keys[1]!), clinician: clinicianAddress, active: true, status: 'pending', reviewer: undefined },
    )
    assert.equal(await getActiveBreakGlass(hospital, { patient: patient.address, accessor: privateKeyToAddress(chain.keys[1]!) }), undefined)

    await chain.node.provider.request({ method: 'evm_increaseTime', params: [Number(DEFAULT_EMERGENCY_WINDOW_SECONDS)] })
    await chain.node.provider.request({ method: 'evm_mine', params: [] })
    assert.equal(await getActiveBreakGlass(hospital, { patient: patient.address, accessor: clinicianAddress }), undefined)
    assert.equal((await getBreakGlass(hospital, { accessId: opened.accessId }))?.active, false)
    assert.equal(await getBreakGlass(hospital, { accessId: justificationHash }), undefined)

    await expectRevert(openBreakGlass(hospital, { patient: patient.address, reasonCode: 1, justificationHash }), 'ConsortiumNotIndividual')
    await expectRevert(openBreakGlass(clinician, { patient: patient.address, reasonCode: 0, justificationHash }), 'BreakGlassInvalidReason')
  })

  it('a regulator reviews once', async () => {
    const patient = await newPatient()
    const { accessId } = await openBreakGlass(clinician, { patient: patient.address, reasonCode: 2, justificationHash })
    await expectRevert(reviewBreakGlass(hospital, { accessId, justified: true }), 'BreakGlassNotReviewer')
    await reviewBreakGlass(regulator, { accessId, justified: true, noteHash: justificationHash })
    const access = await getBreakGlass(hospital, { accessId })
    assert.deepEqual([access?.reviewStatus, access?.reviewer, access?.noteHash], ['justified', privateKeyToAddress(chain.keys[3]!), justificationHash])
    assert.ok(access?.reviewedAt)
    const again = await expectRevert(reviewBreakGlass(regulator, { accessId, justified: false }), 'BreakGlassAlreadyReviewed')
    assert.match(again.message, /1 \(Justified\)/)
  })

  it('a gateway relays the patient’s signed review; an unjustified one ends the access; replays fail', async () => {
    const patient = await newPatient()
    const { accessId } = await openBreakGlass(clinician, { patient: patient.address, reasonCode: 3, justificationHash })
    const signed = await signBreakGlassReview(hospital, { patient: patient.privateKey, accessId, justified: false })
    assert.equal(signed.nonce, 0n)
    await relayBreakGlassReview(hospital, signed)
    const access = await getBreakGlass(hospital, { accessId })
    assert.deepEqual([access?.reviewStatus, access?.reviewer, access?.active], ['unjustified', patient.address, false])
    await expectRevert(relayBreakGlassReview(hospital, signed), 'BreakGlassInvalidSigner')

    const other = await openBreakGlass(clinician, { patient: patient.address, reasonCode: 3, justificationHash })
    const expired = await signBreakGlassReview(hospital, { patient: patient.privateKey, accessId: other.accessId, justified: true, deadline: 1n })
    await expectRevert(relayBreakGlassReview(hospital, expired), 'BreakGlassSignatureExpired', [1n])
    const forged = await signBreakGlassReview(hospital, { patient: freshKey().privateKey, accessId: other.accessId, justified: true })
    await expectRevert(relayBreakGlassReview(hospital, forged), 'BreakGlassInvalidSigner')
    await expectMedchainError(reviewBreakGlass(regulator, { accessId: other.accessId, justified: 'yes' as never }), 'SDK_INVALID_ARGUMENT')
  })
})
