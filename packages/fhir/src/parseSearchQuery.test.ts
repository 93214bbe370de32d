import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectFhirError } from '../test/expectFhirError.ts';
import { resolvedSynthea } from '../test/synthea.ts';
import { dateRange } from './dateRange.ts';
import { extractSearchParams } from './extractSearchParams.ts';
import { matchesSearch } from './matchesSearch.ts';
import { parseSearchQuery } from './parseSearchQuery.ts';

const parse = (query: string, options = {}) => parseSearchQuery('Observation', new URLSearchParams(query), options);

describe('parseSearchQuery', () => {
  it('parses references, tokens, dates and quantities', () => {
    const query = parse('patient=Patient/p1&code=http://loinc.org|8302-2,|local,http://loinc.org|,plain&date=ge2013-01&date=lt2014-01-01T10:00 05:00&value-quantity=gt5.4|http://unitsofmeasure.org|mm[Hg]');
    assert.deepEqual(query.conditions, [
      { name: 'patient', type: 'reference', values: ['p1'] },
      {
        name: 'code',
        type: 'token',
        values: [{ system: 'http://loinc.org', code: '8302-2' }, { system: '', code: 'local' }, { system: 'http://loinc.org' }, { code: 'plain' }],
      },
      { name: 'date', type: 'date', values: [{ prefix: 'ge', ...dateRange('2013-01')! }] },
      { name: 'date', type: 'date', values: [{ prefix: 'lt', ...dateRange('2014-01-01T10:00:00+05:00', { search: true }), end: Date.parse('2014-01-01T05:00:59.999Z') }] },
      { name: 'value-quantity', type: 'quantity', values: [{ prefix: 'gt', value: 5.4, low: 5.3500000000000005, high: 5.45, system: 'http://unitsofmeasure.org', code: 'mm[Hg]' }] },
    ]);
    assert.deepEqual(parse('subject=p1,Group/g').conditions[0]?.values, ['Patient/p1', 'Group/g']);
    assert.deepEqual(parse('code=a\\,b|c\\|d').conditions[0]?.values, [{ system: 'a,b', code: 'c|d' }]);
  });

  it('applies _count, paging, _sort and _summary', () => {
    assert.deepEqual(
      [parse('').count, parse('').offset, parse('_count=5000').count, parse('_count=10&_page=3').offset, parse('_offset=7').offset],
      [50, 0, 1000, 20, 7],
    );
    assert.deepEqual(parse('_sort=-date,_lastUpdated').sort, [
      { param: 'date', descending: true },
      { param: '_lastUpdated', descending: false },
    ]);
    const query = parse('code=x&_summary=count&_count=3&_format=json');
    assert.equal(query.summary, 'count');
    assert.deepEqual(query.params, [['code', 'x'], ['_summary', 'count']]);
    assert.equal(parseSearchQuery('Patient', { _count: '2', _id: ['a', 'b'] }).conditions.length, 2);
    assert.deepEqual(parse('code=&patient=p1').conditions.map((condition) => condition.name), ['patient']);
  });

  it('refuses unknown parameters, unless handling is lenient', () => {
    for (const name of ['name', 'code:text', 'subject.name', '_elements', 'onset-date']) {
      expectFhirError(() => parse(`${name}=x`), 'FHIR_UNSUPPORTED_SEARCH_PARAM', { expression: name });
    }
    expectFhirError(() => parseSearchQuery('Patient', new URLSearchParams('code=x')), 'FHIR_UNSUPPORTED_SEARCH_PARAM');
    const lenient = parse('name=x&code=y', { handling: 'lenient' });
    assert.deepEqual([lenient.ignored, lenient.params], [['name'], [['code', 'y']]]);
    expectFhirError(() => parseSearchQuery('Foo', new URLSearchParams()), 'FHIR_UNSUPPORTED_TYPE');
  });

  it('refuses invalid values with FHIR_INVALID_SEARCH_PARAM', () => {
    for (const query of ['date=2013-13', 'date=ap2013', 'date=xx2013', 'patient=Group/1', 'patient=a b', 'code=|', 'code=a|b|c', 'code=a\\b', '_count=-1', '_count=x', '_page=0', '_offset=1&_page=2', '_sort=code', '_count=1&_count=2', '_summary=true', 'value-quantity=sa5', 'value-quantity=five']) {
      expectFhirError(() => parse(query), 'FHIR_INVALID_SEARCH_PARAM', { message: /Search parameter/ });
    }
    expectFhirError(() => parseSearchQuery('Patient', new URLSearchParams('_sort=date')), 'FHIR_INVALID_SEARCH_PARAM');
    expectFhirError(() => parse('_format=xml'), 'FHIR_NOT_ACCEPTABLE');
    expectFhirError(() => parse(Array.from({ length: 33 }, () => 'code=x').join('&')), 'FHIR_INVALID_SEARCH_PARAM');
  });

  it('throws nothing but FhirError on arbitrary queries', () => {
    const names = fc.constantFrom('patient', 'subject', 'code', 'date', 'value-quantity', '_count', '_page', '_sort', '_summary', 'x');
    fc.assert(
      fc.property(fc.array(fc.tuple(names, fc.string())), (pairs) => {
        try {
          parseSearchQuery('Observation', pairs);
        } catch (error) {
          assert.equal((error as Error).name, 'FhirError');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('searching Synthea with matchesSearch', () => {
  const indexed = resolvedSynthea().flatMap(({ resources }) => resources.map((resource) => ({ resource, rows: extractSearchParams(resource) })));
  const search = (type: string, query: string) =>
    indexed.filter(({ resource, rows }) => resource.resourceType === type && matchesSearch(rows, parseSearchQuery(type, new URLSearchParams(query)).conditions)).map(({ resource }) => resource);

  it('finds body heights of one patient by LOINC code', () => {
    const { patientId, resources } = resolvedSynthea()[0]!;
    const expected = resources.filter((r) => r.resourceType === 'Observation' && r.code.coding?.some((c) => c.code === '8302-2'));
    assert.ok(expected.length > 0);
    assert.deepEqual(search('Observation', `patient=${patientId}&code=http://loinc.org|8302-2`), expected);
    assert.deepEqual(search('Observation', `subject=Patient/${patientId}&code=8302-2`), expected);
    assert.deepEqual(search('Observation', `patient=${patientId}&code=http://snomed.info/sct|8302-2`), []);
  });

  it('agrees with a direct reading of the dates', () => {
    const inYear = search('Immunization', 'date=2015');
    const direct = indexed.filter(({ resource }) => resource.resourceType === 'Immunization' && resource.occurrenceDateTime?.startsWith('2015'));
    assert.deepEqual(inYear, direct.map(({ resource }) => resource));
    const before = search('Immunization', 'date=lt2015');
    const after = search('Immunization', 'date=ge2015');
    assert.equal(before.length + after.length, indexed.filter(({ resource }) => resource.resourceType === 'Immunization').length);
  });

  it('compares quantities and components', () => {
    const high = search('Observation', 'component-code=http://loinc.org|8480-6&code=55284-4');
    assert.ok(high.length > 0);
    const tall = search('Observation', 'code=8302-2&value-quantity=gt180|http://unitsofmeasure.org|cm');
    assert.ok(tall.every((r) => r.resourceType === 'Observation' && (r.valueQuantity?.value ?? 0) > 180));
  });
});
