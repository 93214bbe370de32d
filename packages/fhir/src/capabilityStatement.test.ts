import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectFhirError } from '../test/expectFhirError.ts';
import { capabilityStatement } from './capabilityStatement.ts';
import { parseResource } from './parseResource.ts';

describe('capabilityStatement', () => {
  const statement = capabilityStatement({
    baseUrl: 'https://gw.example/fhir',
    softwareVersion: '0.1.0',
    resourceTypes: ['Patient', 'Observation', 'Consent'],
    date: '2024-05-01T12:00:00Z',
  });

  it('describes FHIR 4.0.1 JSON, signature auth, interactions and search parameters', () => {
    assert.equal(statement.fhirVersion, '4.0.1');
    assert.deepEqual(statement.format, ['application/fhir+json', 'json']);
    const rest = statement.rest?.[0];
    assert.equal(rest?.security?.service?.[0]?.coding?.[0]?.display, 'medchain signature auth');
    const observation = rest?.resource?.find((r) => r.type === 'Observation');
    assert.deepEqual(observation?.interaction?.map((i) => i.code), ['read', 'vread', 'update', 'create', 'search-type', 'history-instance']);
    const params = observation?.searchParam?.map((p) => p.name) ?? [];
    for (const name of ['patient', 'code', 'date', '_count']) assert.ok(params.includes(name), name);
    assert.equal(rest?.resource?.find((r) => r.type === 'Patient')?.operation?.[0]?.name, 'export');
    assert.equal(rest?.resource?.find((r) => r.type === 'Consent')?.operation, undefined);
    assert.equal(parseResource(JSON.stringify(statement)).resourceType, 'CapabilityStatement');
  });

  it('refuses unknown types and bad dates', () => {
    const base = { baseUrl: 'https://gw.example/fhir', softwareVersion: '1', date: '2024-05-01' };
    expectFhirError(() => capabilityStatement({ ...base, resourceTypes: ['Foo'] }), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => capabilityStatement({ ...base, resourceTypes: [], date: 'today' }), 'FHIR_INVALID_ARGUMENT');
  });
});
