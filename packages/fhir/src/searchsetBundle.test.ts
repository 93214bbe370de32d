import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Patient } from 'fhir/r4.js';
import { expectFhirError } from '../test/expectFhirError.ts';
import { historyBundle } from './historyBundle.ts';
import { parseResource } from './parseResource.ts';
import { parseSearchQuery } from './parseSearchQuery.ts';
import { searchsetBundle } from './searchsetBundle.ts';

const baseUrl = 'https://gw.example/fhir';
const patients = (n: number): Patient[] => Array.from({ length: n }, (_, i) => ({ resourceType: 'Patient', id: `p${i}` }));
const links = (bundle: { link?: { relation: string; url: string }[] }) => Object.fromEntries((bundle.link ?? []).map((l) => [l.relation, l.url]));

describe('searchsetBundle', () => {
  it('pages with self, first, previous, next and last links', () => {
    const query = parseSearchQuery('Patient', new URLSearchParams('_id=a,b&_count=2&_offset=2&_sort=-_lastUpdated'));
    const bundle = searchsetBundle({ baseUrl, query, resources: patients(2), total: 5 });
    const base = `${baseUrl}/Patient?_id=a%2Cb&_sort=-_lastUpdated&_count=2`;
    assert.deepEqual(links(bundle), {
      self: `${base}&_offset=2`,
      first: base,
      previous: base,
      next: `${base}&_offset=4`,
      last: `${base}&_offset=4`,
    });
    assert.equal(bundle.total, 5);
    assert.deepEqual(bundle.entry?.[1], { fullUrl: `${baseUrl}/Patient/p1`, resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } });
    assert.equal(parseResource(JSON.stringify(bundle)).resourceType, 'Bundle');
  });

  it('returns the total only for _summary=count, and carries an outcome', () => {
    const query = parseSearchQuery('Patient', new URLSearchParams('_summary=count'));
    assert.deepEqual(searchsetBundle({ baseUrl, query, resources: [], total: 7 }), {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 7,
      link: [{ relation: 'self', url: `${baseUrl}/Patient?_summary=count&_count=50` }],
    });
    const outcome = { resourceType: 'OperationOutcome' as const, issue: [{ severity: 'warning' as const, code: 'not-supported' as const }] };
    const last = searchsetBundle({ baseUrl, query: parseSearchQuery('Patient', []), resources: patients(1), total: 1, outcome });
    assert.equal(last.entry?.[1]?.search?.mode, 'outcome');
    assert.equal(links(last).next, undefined);
  });

  it('refuses pages larger than _count and resources without ids', () => {
    const query = parseSearchQuery('Patient', new URLSearchParams('_count=1'));
    expectFhirError(() => searchsetBundle({ baseUrl, query, resources: patients(2), total: 2 }), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => searchsetBundle({ baseUrl, query, resources: [{ resourceType: 'Patient' }], total: 1 }), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => searchsetBundle({ baseUrl: `${baseUrl}/`, query, resources: [], total: 0 }), 'FHIR_INVALID_ARGUMENT');
  });
});

describe('historyBundle', () => {
  it('lists versions newest first with request and response', () => {
    const v2: Patient = { resourceType: 'Patient', id: 'p1', meta: { versionId: '2', lastUpdated: '2024-05-02T00:00:00Z' } };
    const bundle = historyBundle({
      baseUrl,
      resourceType: 'Patient',
      id: 'p1',
      versions: [
        { versionId: '3', lastUpdated: '2024-05-03T00:00:00Z', method: 'DELETE' },
        { versionId: '2', lastUpdated: '2024-05-02T00:00:00Z', method: 'PUT', resource: v2 },
        { versionId: '1', lastUpdated: '2024-05-01T00:00:00Z', method: 'POST' },
      ],
    });
    assert.equal(bundle.type, 'history');
    assert.equal(links(bundle).self, `${baseUrl}/Patient/p1/_history`);
    assert.deepEqual(bundle.entry?.map((e) => [e.request?.method, e.request?.url, e.response?.status, e.response?.etag]), [
      ['DELETE', 'Patient/p1', '204 No Content', 'W/"3"'],
      ['PUT', 'Patient/p1', '200 OK', 'W/"2"'],
      ['POST', 'Patient', '201 Created', 'W/"1"'],
    ]);
    assert.equal(bundle.entry?.[1]?.resource, v2);
    assert.equal(parseResource(JSON.stringify(bundle)).resourceType, 'Bundle');
  });
});
