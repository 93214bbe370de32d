import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectFhirError } from '../test/expectFhirError.ts';
import { accessDecisionErrorCode, accessDecisionName } from './accessDecisions.ts';
import { ACCESS_ACTIONS, type AccessLogEntry, auditEventResource } from './auditEventResource.ts';
import { parseResource } from './parseResource.ts';
import { ACCESS_LOG_EXTENSION_URL } from './systems.ts';

const entry: AccessLogEntry = {
  entryId: 42,
  accessor: `0x${'aa'.repeat(20)}`,
  member: `0x${'bb'.repeat(20)}`,
  patient: `0x${'11'.repeat(20)}`,
  recordId: `0x${'33'.repeat(32)}`,
  action: ACCESS_ACTIONS.READ,
  purpose: 1,
  authorization: `0x${'cd'.repeat(32)}`,
  decision: 0,
  at: 1_700_000_000,
  batchRoot: `0x${'ee'.repeat(32)}`,
  proof: [`0x${'01'.repeat(32)}`, `0x${'02'.repeat(32)}`],
};

describe('accessDecisions', () => {
  it('names on-chain codes and gateway refusals and maps them to error codes', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map(accessDecisionName), [
      'allowed',
      'no-consent',
      'revoked',
      'not-started',
      'expired',
      'wrong-purpose',
      'out-of-scope',
      'grantee-not-member',
    ]);
    assert.deepEqual(
      [0, 2, 'replayed', 'not-member', 'erased', 'tampered'].map((d) => accessDecisionErrorCode(d as never)),
      [undefined, 'FHIR_FORBIDDEN', 'FHIR_UNAUTHENTICATED', 'FHIR_FORBIDDEN', 'FHIR_GONE', 'FHIR_INTERNAL'],
    );
    expectFhirError(() => accessDecisionName(8), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => accessDecisionName('nope' as never), 'FHIR_INVALID_ARGUMENT');
  });
});

describe('auditEventResource', () => {
  it('maps an allowed read to a valid AuditEvent with its anchor', () => {
    const event = auditEventResource(entry, { recordReference: 'Observation/o1', patientReference: 'Patient/p1' });
    assert.equal(event.id, '42');
    assert.equal(event.type.code, 'rest');
    assert.deepEqual(event.subtype?.map((c) => c.code), ['read']);
    assert.equal(event.action, 'R');
    assert.equal(event.recorded, '2023-11-14T22:13:20Z');
    assert.equal(event.outcome, '0');
    assert.equal(event.agent[0]?.who?.identifier?.value, entry.accessor);
    assert.equal(event.agent[0]?.requestor, true);
    assert.equal(event.source.observer.identifier?.value, entry.member);
    assert.deepEqual(event.purposeOfEvent?.map((c) => c.coding?.[0]?.code), ['TREAT']);
    assert.deepEqual(event.entity?.map((e) => e.what?.reference), ['Observation/o1', 'Patient/p1', `Consent/${'cd'.repeat(32)}`]);
    const anchor = event.extension?.find((e) => e.url === ACCESS_LOG_EXTENSION_URL)?.extension ?? [];
    assert.deepEqual(anchor.map((e) => [e.url, e.valueString ?? e.valueCoding?.code]), [
      ['entryId', '42'],
      ['decision', 'allowed'],
      ['batchRoot', entry.batchRoot],
      ['proof', entry.proof?.[0]],
      ['proof', entry.proof?.[1]],
    ]);
    assert.equal(parseResource(JSON.stringify(event)).resourceType, 'AuditEvent');
  });

  it('records refusals, writes, searches and break-glass access', () => {
    const refused = auditEventResource({ ...entry, action: ACCESS_ACTIONS.REFUSE, decision: 2, authorization: undefined }, { interaction: 'read' });
    assert.deepEqual([refused.outcome, refused.outcomeDesc, refused.action], ['4', 'refused: revoked', 'R']);
    const unknownAttempt = auditEventResource({ ...entry, action: ACCESS_ACTIONS.REFUSE, decision: 'bad-signature' });
    assert.deepEqual([unknownAttempt.action, unknownAttempt.subtype], [undefined, undefined]);
    assert.equal(auditEventResource({ ...entry, decision: 'tampered' }).outcome, '8');
    assert.equal(auditEventResource({ ...entry, action: ACCESS_ACTIONS.WRITE }, { interaction: 'create' }).action, 'C');
    assert.equal(auditEventResource({ ...entry, action: ACCESS_ACTIONS.WRITE }).action, 'U');
    const search = auditEventResource({ ...entry, action: ACCESS_ACTIONS.SEARCH, recordId: `0x${'00'.repeat(32)}` });
    assert.deepEqual([search.action, search.subtype?.[0]?.code, search.entity?.length], ['E', 'search-type', 2]);
    const breakGlass = auditEventResource({ ...entry, authorizationKind: 'break-glass', purpose: 2, entryId: `0x${'9f'.repeat(32)}` });
    assert.equal(breakGlass.id, '9f'.repeat(32));
    assert.equal(breakGlass.entity?.[2]?.what?.identifier?.system, 'https://medchain.dev/fhir/NamingSystem/break-glass-id');
    assert.equal(breakGlass.purposeOfEvent?.[0]?.coding?.[0]?.code, 'ETREAT');
    expectFhirError(() => auditEventResource({ ...entry, action: 9 }), 'FHIR_INVALID_ARGUMENT');
    expectFhirError(() => auditEventResource({ ...entry, accessor: '0x1' }), 'FHIR_INVALID_ARGUMENT', { message: /accessor/ });
  });
});
