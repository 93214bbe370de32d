import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { accessDecisions, purposes } from '@medchain/contracts'
import { expectMedchainError } from '../test/expectMedchainError.ts'
import { accessDecisionCode, accessDecisionName } from './accessDecisions.ts'
import { FHIR_RESOURCE_TYPES, maskToResourceTypes, resourceTypeIndex, resourceTypesToMask } from './fhirResourceTypes.ts'
import { PURPOSE_NAMES, maskToPurposes, purposesToMask } from './purposes.ts'

describe('consent codes', () => {
  it('converts purpose names to the contract masks and back, in bit order', () => {
    assert.equal(purposesToMask('treatment'), purposes.TREATMENT)
    assert.equal(purposesToMask(['publicHealth', 'research', 'research']), purposes.PUBLIC_HEALTH | purposes.RESEARCH)
    assert.equal(purposesToMask(PURPOSE_NAMES), purposes.ALL)
    assert.deepEqual(maskToPurposes(purposes.PUBLIC_HEALTH | purposes.EMERGENCY), ['emergency', 'publicHealth'])
    for (let mask = 1; mask <= purposes.ALL; mask++) assert.equal(purposesToMask(maskToPurposes(mask)), mask)
  })

  it('refuses unknown purposes, empty lists and bits', async () => {
    await expectMedchainError(() => purposesToMask([]), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => purposesToMask(['treatment', 'marketing' as never]), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => maskToPurposes(64), 'SDK_INVALID_ARGUMENT')
  })

  it('names every AccessDecisions code, both ways', async () => {
    for (const [constant, code] of Object.entries(accessDecisions)) {
      const name = accessDecisionName(code)
      assert.equal(name, constant.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()))
      assert.equal(accessDecisionCode(name), code)
    }
    await expectMedchainError(() => accessDecisionName(8), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => accessDecisionCode('maybe' as never), 'SDK_INVALID_ARGUMENT')
  })

  it('indexes the FHIR R4 resource types alphabetically, within a uint256 mask', async () => {
    assert.equal(FHIR_RESOURCE_TYPES.length, 146)
    assert.equal(new Set(FHIR_RESOURCE_TYPES).size, 146)
    // Append-only: these indexes are on chain in consents; they must never change.
    assert.deepEqual([resourceTypeIndex('Account'), resourceTypeIndex('Observation'), resourceTypeIndex('VisionPrescription')], [0, 95, 145])
    assert.equal(resourceTypesToMask(['Observation', 'Account']), (1n << 95n) | 1n)
    assert.deepEqual(maskToResourceTypes((1n << 95n) | 1n | (1n << 200n)), ['Account', 'Observation'])
    assert.equal(resourceTypesToMask([]), 0n)
    await expectMedchainError(() => resourceTypeIndex('observation'), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => resourceTypesToMask(['Observation', 'Nope']), 'SDK_INVALID_ARGUMENT')
  })
})
