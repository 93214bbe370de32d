import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectFhirError } from '../test/expectFhirError.ts';
import { consentResource, type OnChainConsent } from './consentResource.ts';
import { consentState } from './consentState.ts';
import { parseResource } from './parseResource.ts';
import { PURPOSES, findPurpose, parsePurposes, purposesOfMask } from './purposeCodes.ts';
import { resourceTypesToMask } from './resourceTypes.ts';
import { CONSENT_REVOKED_AT_EXTENSION_URL } from './systems.ts';

const consent: OnChainConsent = {
  consentId: `0x${'ab'.repeat(32)}`,
  patient: `0x${'11'.repeat(20)}`,
  grantee: `0x${'22'.repeat(20)}`,
  purposes: 1 | 4,
  resourceTypes: resourceTypesToMask(['Observation', 'Condition']),
  recordIds: [`0x${'33'.repeat(32)}`],
  start: 1_700_000_000,
  expiry: 1_700_000_000 + 30 * 86_400,
  revokedAt: 0,
};

describe('purposeCodes', () => {
  it('maps bits, PurposeOfUse codes and header names both ways', () => {
    assert.deepEqual(PURPOSES.map((p) => [p.bit, p.code, p.name]), [
      [1, 'TREAT', 'treatment'],
      [2, 'ETREAT', 'emergency'],
      [4, 'HRESCH', 'research'],
      [8, 'HPAYMT', 'payment'],
      [16, 'HOPERAT', 'operations'],
      [32, 'PUBHLTH', 'public-health'],
    ]);
    assert.equal(parsePurposes('treatment, public-health'), 33);
    assert.equal(parsePurposes('HRESCH'), 4);
    assert.equal(findPurpose(8)?.name, 'payment');
    assert.deepEqual(purposesOfMask(5).map((p) => p.code), ['TREAT', 'HRESCH']);
    expectFhirError(() => parsePurposes('marketing'), 'FHIR_INVALID_PURPOSE');
    expectFhirError(() => parsePurposes(''), 'FHIR_INVALID_PURPOSE');
    expectFhirError(() => purposesOfMask(64), 'FHIR_INVALID_ARGUMENT');
  });
});

describe('consentState', () => {
  it('checks revoked, not started and expired in the contract order, expiry exclusive', () => {
    const { start, expiry } = consent;
    assert.equal(consentState(consent, start), 'active');
    assert.equal(consentState(consent, Number(start) - 1), 'not-started');
    assert.equal(consentState(consent, Number(expiry) - 1), 'active');
    assert.equal(consentState(consent, expiry), 'expired');
    assert.equal(consentState({ ...consent, revokedAt: Number(start) - 5 }, Number(start) - 1), 'revoked');
    assert.equal(consentState({ ...consent, revokedAt: Number(start) + 5 }, Number(start) + 1), 'active');
    assert.equal(consentState({ ...consent, expiry: (1n << 64n) - 1n }, 2_000_000_000n), 'active');
  });
});

describe('consentResource', () => {
  it('maps an active on-chain consent to a valid FHIR Consent', () => {
    const resource = consentResource(consent, {
      now: Number(consent.start) + 60,
      patientReference: 'Patient/p1',
      recordReferences: new Map([[consent.recordIds[0] as string, 'Observation/o1']]),
    });
    assert.equal(resource.id, 'ab'.repeat(32));
    assert.equal(resource.status, 'active');
    assert.equal(resource.identifier?.[0]?.value, consent.consentId);
    assert.equal(resource.category[0]?.coding?.[0]?.code, '59284-0');
    assert.equal(resource.scope.coding?.[0]?.code, 'patient-privacy');
    assert.deepEqual(resource.patient, { identifier: { system: 'https://medchain.dev/fhir/NamingSystem/patient-pseudonym', value: consent.patient }, reference: 'Patient/p1' });
    assert.equal(resource.dateTime, '2023-11-14T22:13:20Z');
    const provision = resource.provision;
    assert.equal(provision?.type, 'permit');
    assert.deepEqual(provision?.period, { start: '2023-11-14T22:13:20Z', end: '2023-12-14T22:13:19Z' });
    assert.equal(provision?.actor?.[0]?.role.coding?.[0]?.code, 'IRCP');
    assert.equal(provision?.actor?.[0]?.reference.identifier?.value, consent.grantee);
    assert.deepEqual(provision?.purpose?.map((p) => p.code), ['TREAT', 'HRESCH']);
    assert.deepEqual(provision?.class?.map((c) => c.code), ['Condition', 'Observation']);
    assert.equal(provision?.data?.[0]?.reference.reference, 'Observation/o1');
    assert.equal(parseResource(JSON.stringify(resource)).resourceType, 'Consent');
  });

  it('shows revoked consents as rejected with the revocation time, expired ones as inactive', () => {
    const revoked = consentResource({ ...consent, revokedAt: Number(consent.start) + 10 }, { now: Number(consent.start) + 20 });
    assert.equal(revoked.status, 'rejected');
    assert.deepEqual(revoked.extension, [{ url: CONSENT_REVOKED_AT_EXTENSION_URL, valueDateTime: '2023-11-14T22:13:30Z' }]);
    assert.equal(consentResource(consent, { now: consent.expiry }).status, 'inactive');
    const forever = consentResource({ ...consent, expiry: (1n << 64n) - 1n }, { now: 0 });
    assert.equal(forever.status, 'inactive');
    assert.equal(forever.provision?.period?.end, undefined);
  });

  it('refuses malformed fields', () => {
    expectFhirError(() => consentResource({ ...consent, consentId: '0x12' }, { now: 0 }), 'FHIR_INVALID_ARGUMENT', { message: /consentId/ });
    expectFhirError(() => consentResource({ ...consent, purposes: 128 }, { now: 0 }), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => consentResource(consent, { now: -1 }), 'FHIR_INVALID_ARGUMENT');
  });
});
