import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle, Observation } from 'fhir/r4.js';
import { expectFhirError } from '../test/expectFhirError.ts';
import { syntheaFixtures } from '../test/synthea.ts';
import { parseResource } from './parseResource.ts';
import { parseTransactionBundle } from './parseTransactionBundle.ts';
import { resolveTransactionReferences } from './resolveTransactionReferences.ts';
import { batchResponseBundle, transactionResponseBundle } from './transactionResponseBundle.ts';

const patient = { resourceType: 'Patient', id: 'tmp' };
const entry = (request: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ request, ...extra });
const bundleOf = (...entries: unknown[]) => ({ resourceType: 'Bundle', type: 'transaction', entry: entries });

describe('parseTransactionBundle', () => {
  it('lists every Synthea entry as a POST with a urn:uuid fullUrl', () => {
    const { bundle } = syntheaFixtures()[0] as { bundle: Bundle };
    const parsed = parseTransactionBundle(bundle);
    assert.equal(parsed.type, 'transaction');
    assert.equal(parsed.entries.length, bundle.entry?.length);
    for (const [i, item] of parsed.entries.entries()) {
      assert.equal(item.index, i);
      assert.equal(item.method, 'POST');
      assert.equal(item.resourceType, item.resource?.resourceType);
      assert.match(item.fullUrl ?? '', /^urn:uuid:/);
    }
  });

  it('accepts each method in its url form', () => {
    const parsed = parseTransactionBundle({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        entry({ method: 'PUT', url: 'Patient/p1', ifMatch: 'W/"2"' }, { resource: { ...patient, id: 'p1' } }),
        entry({ method: 'DELETE', url: 'Observation/o1' }),
        entry({ method: 'GET', url: 'Observation/o1/_history/3' }),
        entry({ method: 'GET', url: 'Observation?patient=p1&code=8302-2' }),
      ],
    });
    assert.deepEqual(
      parsed.entries.map(({ method, id, versionId, query, ifMatch }) => ({ method, id, versionId, query, ifMatch })),
      [
        { method: 'PUT', id: 'p1', versionId: undefined, query: undefined, ifMatch: 'W/"2"' },
        { method: 'DELETE', id: 'o1', versionId: undefined, query: undefined, ifMatch: undefined },
        { method: 'GET', id: 'o1', versionId: '3', query: undefined, ifMatch: undefined },
        { method: 'GET', id: undefined, versionId: undefined, query: 'patient=p1&code=8302-2', ifMatch: undefined },
      ],
    );
  });

  it('refuses what breaks the transaction rules, naming the element', () => {
    const cases: [unknown, string][] = [
      [{ resourceType: 'Bundle', type: 'collection' }, 'Bundle.type'],
      [bundleOf({ resource: patient }), 'Bundle.entry[0].request'],
      [bundleOf(entry({ method: 'PATCH', url: 'Patient/p1' })), 'Bundle.entry[0].request.method'],
      [bundleOf(entry({ method: 'POST', url: 'Patient/p1' }, { resource: patient })), 'Bundle.entry[0].request.url'],
      [bundleOf(entry({ method: 'POST', url: 'Patient?identifier=x' }, { resource: patient })), 'Bundle.entry[0].request.url'],
      [bundleOf(entry({ method: 'POST', url: 'Patient', ifNoneExist: 'identifier=x' }, { resource: patient })), 'Bundle.entry[0].request.ifNoneExist'],
      [bundleOf(entry({ method: 'POST', url: 'https://x/Patient' }, { resource: patient })), 'Bundle.entry[0].request.url'],
      [bundleOf(entry({ method: 'POST', url: 'Observation' }, { resource: patient })), 'Bundle.entry[0].resource.resourceType'],
      [bundleOf(entry({ method: 'POST', url: 'Patient' })), 'Bundle.entry[0].resource'],
      [bundleOf(entry({ method: 'PUT', url: 'Patient/p2' }, { resource: patient })), 'Bundle.entry[0].resource.id'],
      [bundleOf(entry({ method: 'DELETE', url: 'Patient/p1' }, { resource: patient })), 'Bundle.entry[0].resource'],
      [bundleOf(entry({ method: 'POST', url: 'Patient' }, { resource: patient, fullUrl: 'urn:uuid:nope' })), 'Bundle.entry[0].fullUrl'],
      [
        bundleOf(
          entry({ method: 'POST', url: 'Patient' }, { resource: patient, fullUrl: 'urn:uuid:024b1b9b-57bc-4fae-9839-fa0656246b41' }),
          entry({ method: 'POST', url: 'Patient' }, { resource: patient, fullUrl: 'urn:uuid:024b1b9b-57bc-4fae-9839-fa0656246b41' }),
        ),
        'Bundle.entry[1].fullUrl',
      ],
    ];
    for (const [bundle, expression] of cases) expectFhirError(() => parseTransactionBundle(bundle), 'FHIR_INVALID_BUNDLE', { expression });
    expectFhirError(() => parseTransactionBundle(bundleOf(entry({ method: 'GET', url: 'Patient' }), entry({ method: 'GET', url: 'Patient' })), { maxEntries: 1 }), 'FHIR_TOO_LARGE');
  });
});

describe('resolveTransactionReferences', () => {
  it('leaves no urn:uuid in any Synthea bundle and points references at the assigned ids', () => {
    for (const { bundle } of syntheaFixtures()) {
      const { entries } = parseTransactionBundle(bundle);
      const assigned = new Map(entries.map((item, i) => [item.fullUrl as string, `id-${i}`]));
      const resolved = resolveTransactionReferences(entries, assigned);
      const text = JSON.stringify(resolved.map((item) => item.resource));
      assert.ok(!text.includes('urn:uuid:'));
      assert.equal(resolved[0]?.resource?.id, 'id-0');
      const observation = resolved.find((item) => item.resourceType === 'Observation')?.resource as Observation;
      assert.equal(observation.subject?.reference, 'Patient/id-0');
      assert.match(observation.encounter?.reference ?? '', /^Encounter\/id-\d+$/);
      // The input is untouched, and what comes out is still a valid resource.
      assert.match(JSON.stringify(entries.find((item) => item.resourceType === 'Observation')?.resource), /urn:uuid:/);
      for (const item of resolved) parseResource(JSON.stringify(item.resource));
    }
  });

  it('refuses urn:uuids outside the bundle and conditional references', () => {
    const fullUrl = 'urn:uuid:024b1b9b-57bc-4fae-9839-fa0656246b41';
    const observation = { resourceType: 'Observation', status: 'final', code: { text: 'x' } };
    const parse = (reference: string) =>
      parseTransactionBundle(
        bundleOf(
          entry({ method: 'POST', url: 'Patient' }, { resource: patient, fullUrl }),
          entry({ method: 'POST', url: 'Observation' }, { resource: { ...observation, subject: { reference } } }),
        ),
      ).entries;
    const assigned = new Map([[fullUrl, 'p1']]);
    assert.equal((resolveTransactionReferences(parse(fullUrl), assigned)[1]?.resource as Observation).subject?.reference, 'Patient/p1');
    expectFhirError(() => resolveTransactionReferences(parse('urn:uuid:14867dba-fb11-4df3-9829-8e8e081b39e6'), assigned), 'FHIR_UNRESOLVED_REFERENCE', {
      expression: 'Bundle.entry[1].resource.subject.reference',
    });
    expectFhirError(() => resolveTransactionReferences(parse('Patient?identifier=x'), assigned), 'FHIR_INVALID_BUNDLE');
    expectFhirError(() => resolveTransactionReferences(parse(fullUrl), new Map()), 'FHIR_INVALID_ARGUMENT');
  });
});

describe('transaction and batch responses', () => {
  it('gives status, location, etag and lastModified per entry, in order', () => {
    const stored = { resourceType: 'Patient' as const, id: 'p1', meta: { versionId: '1', lastUpdated: '2024-05-01T12:00:00Z' } };
    const bundle = transactionResponseBundle([{ status: 201, resource: stored }], { returnPreference: 'minimal' });
    assert.deepEqual(bundle, {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [{ response: { status: '201 Created', location: 'Patient/p1/_history/1', etag: 'W/"1"', lastModified: '2024-05-01T12:00:00Z' } }],
    });
    const batch = batchResponseBundle([{ status: 201, resource: stored }, { status: 404, outcome: { resourceType: 'OperationOutcome', issue: [] } }]);
    assert.equal(batch.type, 'batch-response');
    assert.equal(batch.entry?.[0]?.resource, stored);
    assert.equal(batch.entry?.[1]?.response?.status, '404 Not Found');
    assert.equal(batch.entry?.[1]?.response?.outcome?.resourceType, 'OperationOutcome');
  });
});
