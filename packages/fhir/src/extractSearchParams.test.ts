import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Observation } from 'fhir/r4.js';
import { resolvedSynthea } from '../test/synthea.ts';
import { dateRange } from './dateRange.ts';
import { extractSearchParams } from './extractSearchParams.ts';
import { matchesSearch } from './matchesSearch.ts';
import { parseReference } from './parseReference.ts';
import { parseSearchQuery } from './parseSearchQuery.ts';

describe('extractSearchParams on Synthea', () => {
  it('indexes every clinical resource by patient, code and date', () => {
    let observations = 0;
    let bloodPressures = 0;
    for (const { patientId, resources } of resolvedSynthea()) {
      for (const resource of resources) {
        const rows = extractSearchParams(resource);
        const names = new Set(rows.map((row) => row.name));
        assert.ok(names.has('_id'));
        if (['Organization', 'Practitioner'].includes(resource.resourceType)) continue;
        assert.deepEqual(
          rows.filter((row) => row.name === 'patient').map((row) => row.valueStr),
          [patientId],
          `${resource.resourceType} ${resource.id}`,
        );
        if (resource.resourceType === 'Observation') {
          observations++;
          const loinc = rows.filter((row) => row.name === 'code' && row.system === 'http://loinc.org');
          assert.ok(loinc.length > 0, 'an Observation has a LOINC code row');
          assert.ok(names.has('date') && names.has('status') && names.has('category'));
          assert.equal(rows.find((row) => row.name === 'subject')?.valueStr, `Patient/${patientId}`);
          if (resource.valueQuantity) {
            assert.deepEqual(rows.find((row) => row.name === 'value-quantity')?.valueNum, resource.valueQuantity.value);
          }
          if (loinc.some((row) => row.code === '55284-4')) {
            bloodPressures++;
            const components = rows.filter((row) => row.name === 'component-code').map((row) => row.code);
            assert.deepEqual(components.sort(), ['8462-4', '8480-6']);
          }
        } else if (['Condition', 'Encounter', 'Procedure', 'MedicationRequest', 'Immunization', 'DiagnosticReport', 'Claim', 'CarePlan'].includes(resource.resourceType)) {
          assert.ok(names.has('date'), `${resource.resourceType} has a date row`);
          if (resource.resourceType !== 'Claim' && resource.resourceType !== 'CarePlan') assert.ok(names.has('code'), `${resource.resourceType} has a code row`);
        }
      }
    }
    assert.equal(observations, 1963);
    assert.ok(bloodPressures > 0);
  });
});

describe('extractSearchParams', () => {
  it('computes date ranges by precision and opens periods', () => {
    const observation: Observation = {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }, { code: 'local' }] },
      subject: { reference: 'https://other.example/fhir/Patient/p9/_history/2' },
      effectivePeriod: { start: '2013-01' },
      meta: { lastUpdated: '2024-05-01T12:00:00Z' },
    };
    const rows = extractSearchParams(observation);
    assert.deepEqual(rows.find((row) => row.name === 'date'), { name: 'date', dateStart: dateRange('2013-01')?.start });
    const matches = (query: string) => matchesSearch(rows, parseSearchQuery('Observation', new URLSearchParams(query)).conditions);
    assert.deepEqual(['date=gt2100', 'date=lt2013-02', 'date=lt2013-01', 'date=eb2013', 'date=2013'].map(matches), [true, true, false, false, false]);
    assert.deepEqual(rows.filter((row) => row.name === 'code'), [
      { name: 'code', system: 'http://loinc.org', code: '8302-2' },
      { name: 'code', code: 'local' },
    ]);
    assert.deepEqual(rows.find((row) => row.name === 'patient'), { name: 'patient', valueStr: 'p9' });
    assert.equal(rows.find((row) => row.name === '_lastUpdated')?.dateStart, Date.parse('2024-05-01T12:00:00Z'));
  });

  it('yields no patient row for an unresolved or non-Patient reference', () => {
    const rows = extractSearchParams({
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'urn:uuid:024b1b9b-57bc-4fae-9839-fa0656246b41' },
    });
    assert.equal(rows.some((row) => row.name === 'patient' || row.name === 'subject'), false);
    const group = extractSearchParams({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: 'Group/g1' } });
    assert.deepEqual(group.map((row) => row.name), ['subject', 'status']);
  });
});

describe('parseReference', () => {
  it('reads relative, versioned and absolute references, and nothing else', () => {
    assert.deepEqual(parseReference('Patient/p1'), { resourceType: 'Patient', id: 'p1' });
    assert.deepEqual(parseReference('https://gw.example/fhir/Observation/o.1/_history/3'), { resourceType: 'Observation', id: 'o.1', versionId: '3' });
    for (const bad of ['urn:uuid:024b1b9b-57bc-4fae-9839-fa0656246b41', '#referral', 'Foo/1', 'Patient/a b', 'Patient?identifier=x', 'Patient/']) {
      assert.equal(parseReference(bad), undefined, bad);
    }
  });
});
