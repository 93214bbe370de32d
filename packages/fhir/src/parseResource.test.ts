import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectFhirError } from '../test/expectFhirError.ts';
import { syntheaFixtures } from '../test/synthea.ts';
import { FhirError } from './errors.ts';
import { parseResource } from './parseResource.ts';

const observation = {
  resourceType: 'Observation',
  id: 'bp-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2013-01-14T10:00:00Z',
  valueQuantity: { value: 190.1, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' },
};
const json = (value: unknown) => JSON.stringify(value);
const withObservation = (patch: Record<string, unknown>) => json({ ...observation, ...patch });

describe('parseResource on Synthea', () => {
  it('accepts all 40 bundles and every resource in them', () => {
    let resources = 0;
    for (const { file, text, bundle } of syntheaFixtures()) {
      assert.equal(parseResource(Buffer.from(text)).resourceType, 'Bundle', file);
      for (const entry of bundle.entry ?? []) {
        assert.deepEqual(parseResource(json(entry.resource)), entry.resource);
        resources++;
      }
    }
    assert.equal(resources, 3786);
  });
});

describe('parseResource errors', () => {
  it('reports JSON syntax errors with their position', () => {
    expectFhirError(() => parseResource('{"resourceType": "Patient",\n  "id": }'), 'FHIR_INVALID_JSON', { message: /line 2, column 9 \(offset 36\)/ });
    expectFhirError(() => parseResource('{"a": 1} x'), 'FHIR_INVALID_JSON', { message: /after the JSON value/ });
    expectFhirError(() => parseResource(''), 'FHIR_INVALID_JSON', { message: /end of input/ });
    expectFhirError(() => parseResource('{"n": 1e400}'), 'FHIR_INVALID_JSON', { message: /double range/ });
  });

  it('refuses bytes that are not UTF-8 and strings with lone surrogates', () => {
    expectFhirError(() => parseResource(Uint8Array.from([0x7b, 0xff, 0x7d])), 'FHIR_INVALID_UTF8');
    expectFhirError(() => parseResource('{"resourceType":"Patient","id":"\\ud800"}'), 'FHIR_INVALID_UTF8', { expression: 'Patient.id' });
    expectFhirError(() => parseResource('{"resourceType":"Patient","id":"\udc00"}'), 'FHIR_INVALID_UTF8');
    assert.equal(parseResource(Buffer.from(`\ufeff${json({ resourceType: 'Patient' })}`)).resourceType, 'Patient');
  });

  it('refuses duplicate keys, escaped spellings included', () => {
    expectFhirError(() => parseResource('{"resourceType":"Patient","id":"a","id":"b"}'), 'FHIR_DUPLICATE_KEY', { expression: 'Patient.id' });
    expectFhirError(() => parseResource('{"resourceType":"Patient","name":[{"family":"x","f\\u0061mily":"y"}]}'), 'FHIR_DUPLICATE_KEY', {
      expression: 'Patient.name[0].family',
    });
  });

  it('refuses nesting past the limit with FHIR_TOO_DEEP, without recursion', () => {
    const deep = (n: number) => `{"resourceType":"Basic","extension":${'['.repeat(n)}${']'.repeat(n)}}`;
    assert.notEqual(expectFhirError(() => parseResource(deep(63)), 'FHIR_INVALID_RESOURCE').code, 'FHIR_TOO_DEEP');
    expectFhirError(() => parseResource(deep(64)), 'FHIR_TOO_DEEP', { expression: `Basic.extension${'[0]'.repeat(63)}` });
    expectFhirError(() => parseResource('['.repeat(1_000_000)), 'FHIR_TOO_DEEP');
    expectFhirError(() => parseResource(deep(4), { maxDepth: 5 }), 'FHIR_INVALID_RESOURCE');
    expectFhirError(() => parseResource(deep(5), { maxDepth: 5 }), 'FHIR_TOO_DEEP');
  });

  it('enforces the size limits', () => {
    expectFhirError(() => parseResource('{}', { maxBytes: 1 }), 'FHIR_TOO_LARGE');
    expectFhirError(() => parseResource(Buffer.from('{"a":"é"}'), { maxBytes: 9 }), 'FHIR_TOO_LARGE');
    expectFhirError(() => parseResource(`"${'é'.repeat(4)}"`, { maxBytes: 9 }), 'FHIR_TOO_LARGE');
    expectFhirError(() => parseResource(withObservation({ id: 'x'.repeat(20) }), { maxStringLength: 16 }), 'FHIR_TOO_LARGE', { expression: 'Observation.id' });
    expectFhirError(() => parseResource(withObservation({ category: [1, 2, 3] }), { maxArrayLength: 2 }), 'FHIR_TOO_LARGE', {
      expression: 'Observation.category',
    });
  });

  it('needs an object with a known, expected and supported resourceType', () => {
    expectFhirError(() => parseResource('[]'), 'FHIR_INVALID_RESOURCE', { message: /array/ });
    expectFhirError(() => parseResource('{"id":"x"}'), 'FHIR_INVALID_RESOURCE', { expression: 'Resource.resourceType' });
    expectFhirError(() => parseResource('{"resourceType":"Foo"}'), 'FHIR_UNSUPPORTED_TYPE', { expression: 'Resource.resourceType' });
    expectFhirError(() => parseResource('{"resourceType":7}'), 'FHIR_INVALID_RESOURCE');
    expectFhirError(() => parseResource(json(observation), { resourceType: 'Patient' }), 'FHIR_INVALID_RESOURCE', {
      expression: 'Observation.resourceType',
    });
    expectFhirError(() => parseResource(json(observation), { supportedTypes: ['Patient'] }), 'FHIR_UNSUPPORTED_TYPE');
  });

  it('checks ids', () => {
    expectFhirError(() => parseResource(withObservation({ id: 'a/b' })), 'FHIR_INVALID_ID', { expression: 'Observation.id' });
    expectFhirError(() => parseResource(withObservation({ id: 'x'.repeat(65) })), 'FHIR_INVALID_ID');
    expectFhirError(() => parseResource(withObservation({ meta: { versionId: '' } })), 'FHIR_INVALID_ID', { expression: 'Observation.meta.versionId' });
  });

  it('checks the FHIR JSON rules', () => {
    expectFhirError(() => parseResource(withObservation({ issued: null })), 'FHIR_INVALID_RESOURCE', { expression: 'Observation.issued' });
    expectFhirError(() => parseResource(withObservation({ note: [] })), 'FHIR_INVALID_RESOURCE', { expression: 'Observation.note' });
    expectFhirError(() => parseResource(withObservation({ note: [{ text: '' }] })), 'FHIR_INVALID_RESOURCE', { expression: 'Observation.note[0].text' });
    expectFhirError(() => parseResource('{"resourceType":"Basic","code":{"text":"x"},"__proto__":{"x":1}}'), 'FHIR_INVALID_RESOURCE', {
      message: /not a FHIR element name/,
    });
  });

  it('checks the structure the system relies on, naming the element', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ valueQuantity: { value: '190' } }, 'Observation.valueQuantity.value'],
      [{ code: undefined }, 'Observation.code'],
      [{ code: { coding: { code: 'x' } } }, 'Observation.code.coding'],
      [{ subject: 'Patient/p1' }, 'Observation.subject'],
      [{ subject: { reference: 7 } }, 'Observation.subject.reference'],
      [{ effectiveDateTime: '2013-02-30' }, 'Observation.effectiveDateTime'],
      [{ effectiveDateTime: '2013-01-14T10:00' }, 'Observation.effectiveDateTime'],
      [{ effectiveDateTime: undefined, effectivePeriod: { start: '2014', end: '2013' } }, 'Observation.effectivePeriod'],
      [{ effectiveDateTime: undefined, effectiveString: 'yesterday' }, 'Observation.effectiveString'],
      [{ effectivePeriod: { start: '2013' } }, 'Observation.effective[x]'],
      [{ status: 'done' }, 'Observation.status'],
      [{ component: [{ valueQuantity: { value: 1 } }] }, 'Observation.component[0].code'],
      [{ issued: '2013-01-14' }, 'Observation.issued'],
    ];
    for (const [patch, expression] of cases) {
      expectFhirError(() => parseResource(withObservation(patch)), 'FHIR_INVALID_RESOURCE', { expression });
    }
    expectFhirError(() => parseResource(json({ resourceType: 'Immunization', status: 'completed', vaccineCode: {}, patient: {} })), 'FHIR_INVALID_RESOURCE');
    expectFhirError(
      () => parseResource(json({ resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'flu' }, patient: { reference: 'Patient/1' } })),
      'FHIR_INVALID_RESOURCE',
      { expression: 'Immunization.occurrence[x]' },
    );
  });

  it('checks resources nested in Bundles and contained', () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: observation }, { resource: { ...observation, status: 7 } }] };
    expectFhirError(() => parseResource(json(bundle)), 'FHIR_INVALID_RESOURCE', { expression: 'Bundle.entry[1].resource.status' });
    const contained = { ...observation, contained: [{ resourceType: 'Patient', id: 'bad id' }] };
    expectFhirError(() => parseResource(json(contained)), 'FHIR_INVALID_ID', { expression: 'Observation.contained[0].id' });
  });
});

describe('parseResource properties', () => {
  const onlyFhirErrors = (input: string | Uint8Array) => {
    try {
      parseResource(input);
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
    }
  };

  it('throws nothing but FhirError on arbitrary strings, bytes and JSON', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), onlyFhirErrors), { numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array(), onlyFhirErrors), { numRuns: 200 });
    fc.assert(fc.property(fc.json(), onlyFhirErrors), { numRuns: 200 });
    const resourceLike = fc.dictionary(fc.constantFrom('id', 'status', 'code', 'subject', 'valueQuantity', 'effectivePeriod', 'component'), fc.jsonValue());
    fc.assert(
      fc.property(resourceLike, fc.constantFrom('Observation', 'Patient', 'Bundle', 'Claim'), (fields, resourceType) =>
        onlyFhirErrors(json({ resourceType, ...fields })),
      ),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts, up to its own refusals', () => {
    // Mutations of valid JSON: the scanner and JSON.parse must agree on syntax.
    const text = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ' ', '0', '-', 'e', '.', 'tru', ':'));
    fc.assert(
      fc.property(text, ([source, at, insert]) => {
        const mutated = source.slice(0, at % (source.length + 1)) + insert + source.slice(at % (source.length + 1));
        let native = true;
        try {
          JSON.parse(mutated);
        } catch {
          native = false;
        }
        try {
          parseResource(mutated);
        } catch (error) {
          assert.ok(error instanceof FhirError);
          // Other refusals (a duplicate key, a lone surrogate) may come first in the text.
          if (error.code === 'FHIR_INVALID_JSON' && !/double range/.test(error.message)) assert.equal(native, false, `${mutated}: ${error.message}`);
          return;
        }
        assert.equal(native, true, mutated);
      }),
      { numRuns: 400 },
    );
  });
});
