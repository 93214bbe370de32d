import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { roles } from '@medchain/contracts'
import { expectMedchainError } from '../test/expectMedchainError.ts'
import { ROLE_NAMES, individualKindToValue, maskToRoles, rolesToMask } from './roles.ts'

describe('roles', () => {
  it('converts names to the contract masks and back, in bit order', () => {
    assert.equal(rolesToMask(['hospital']), roles.HOSPITAL)
    assert.equal(rolesToMask(['pharmacy', 'research', 'research']), roles.PHARMACY | roles.RESEARCH)
    assert.equal(rolesToMask(ROLE_NAMES), roles.ALL_ROLES)
    assert.deepEqual(maskToRoles(roles.PHARMACY | roles.RESEARCH), ['research', 'pharmacy'])
    for (let mask = 0; mask <= roles.ALL_ROLES; mask++) assert.equal(rolesToMask(maskToRoles(mask)), mask)
  })

  it('refuses unknown names and bits', async () => {
    await expectMedchainError(() => rolesToMask(['hospital', 'surgeon' as never]), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => maskToRoles(64), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => maskToRoles(-1), 'SDK_INVALID_ARGUMENT')
    assert.equal(individualKindToValue('technician'), 3)
    await expectMedchainError(() => individualKindToValue('toString' as never), 'SDK_INVALID_ARGUMENT')
  })
})
