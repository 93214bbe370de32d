import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectFhirError } from '../test/expectFhirError.ts';
import { syntheaFixtures } from '../test/synthea.ts';
import { listPatientBundle } from './synthea.ts';

describe('listPatientBundle', () => {
  it('finds the one Patient of each Synthea bundle and keeps every resource in order', () => {
    const fixtures = syntheaFixtures();
    assert.equal(fixtures.length, 40);
    for (const { file, bundle } of fixtures) {
      const { patient, resources } = listPatientBundle(bundle);
      assert.equal(file, `patient-${patient.id}.json`);
      assert.deepEqual(resources, bundle.entry?.map((entry) => entry.resource));
    }
  });

  it('refuses bundles without exactly one Patient', () => {
    const observation = { resource: { resourceType: 'Observation' } };
    const patient = { resource: { resourceType: 'Patient' } };
    expectFhirError(() => listPatientBundle({ resourceType: 'Bundle', entry: [observation] }), 'FHIR_INVALID_BUNDLE', { message: /no Patient/ });
    expectFhirError(() => listPatientBundle({ resourceType: 'Bundle', entry: [patient, patient] }), 'FHIR_INVALID_BUNDLE', {
      expression: 'Bundle.entry[1].resource',
    });
    expectFhirError(() => listPatientBundle({ resourceType: 'Patient' }), 'FHIR_INVALID_BUNDLE');
  });
});
