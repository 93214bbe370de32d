import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FhirResource } from 'fhir/r4.js';
import { expectFhirError } from '../test/expectFhirError.ts';
import {
  RESOURCE_TYPES,
  type ResourceType,
  isResourceType,
  maskToResourceTypes,
  resourceTypeBit,
  resourceTypeIndex,
  resourceTypesToMask,
} from './resourceTypes.ts';

// Compile-time: the table holds exactly the R4 types of @types/fhir (no more, no fewer).
type Missing = Exclude<FhirResource['resourceType'], ResourceType>;
type Extra = Exclude<ResourceType, FhirResource['resourceType']>;
const exact: [Missing, Extra] extends [never, never] ? true : false = true;

describe('RESOURCE_TYPES', () => {
  it('is the 146 R4 types in alphabetical order', () => {
    assert.ok(exact);
    assert.equal(RESOURCE_TYPES.length, 146);
    assert.deepEqual([...RESOURCE_TYPES], [...RESOURCE_TYPES].sort());
  });

  it('keeps its order for ever: consents on chain depend on it', () => {
    // Appending a type changes this hash only if the first 146 change; update the slice, never the hash.
    const digest = createHash('sha256').update(RESOURCE_TYPES.slice(0, 146).join('\n')).digest('hex');
    assert.equal(digest, '18342ce5738fdafab8ac3b41653c4d33b7ab35ce119d9c6798059228ec454937');
    assert.deepEqual(
      ['Account', 'AllergyIntolerance', 'Condition', 'Observation', 'Patient', 'VisionPrescription'].map(resourceTypeIndex),
      [0, 3, 27, 95, 102, 145],
    );
  });
});

describe('resourceTypeIndex and masks', () => {
  it('gives each type its bit and round-trips any set of types', () => {
    assert.equal(resourceTypeBit('Account'), 1n);
    assert.equal(resourceTypeBit('Observation'), 1n << 95n);
    fc.assert(
      fc.property(fc.subarray([...RESOURCE_TYPES]), (types) => {
        assert.deepEqual(maskToResourceTypes(resourceTypesToMask(types)), types);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses unknown names, masks outside uint256 and bits beyond the table', () => {
    assert.equal(isResourceType('observation'), false);
    expectFhirError(() => resourceTypeIndex('Foo'), 'FHIR_UNSUPPORTED_TYPE');
    expectFhirError(() => maskToResourceTypes(-1n), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => maskToResourceTypes(1n << 256n), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => maskToResourceTypes(1n << 200n), 'FHIR_INVALID_ARGUMENT', { message: /bit 200/ });
    assert.deepEqual(maskToResourceTypes((1n << 200n) | 2n, { unknownBits: 'ignore' }), ['ActivityDefinition']);
  });
});
