import type { AuditEvent, AuditEventEntity, Coding, Extension } from 'fhir/r4.js';
import { assertHexBytes, assertUint64, invalidArgument } from './assert.ts';
import { type AccessDecision, accessDecisionName } from './accessDecisions.ts';
import { consentResourceId } from './consentResource.ts';
import { purposesOfMask } from './purposeCodes.ts';
import {
  ACCESS_DECISION_SYSTEM,
  ACCESS_LOG_EXTENSION_URL,
  ACCOUNT_ADDRESS_SYSTEM,
  BREAK_GLASS_ID_SYSTEM,
  CONSENT_ID_SYSTEM,
  PATIENT_PSEUDONYM_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  RECORD_ID_SYSTEM,
} from './systems.ts';
import { unixToInstant } from './unixToInstant.ts';

type Hex = `0x${string}`;

/** The actions of an access-log entry (contracts/src/audit/AccessActions.sol). */
export const ACCESS_ACTIONS = { READ: 1, WRITE: 2, REFUSE: 3, EXPORT: 4, ERASE: 5, SEARCH: 6 } as const;

/** A FHIR restful-interaction code an entry may name. */
export type RestfulInteraction = 'read' | 'vread' | 'create' | 'update' | 'delete' | 'search-type' | 'history-instance' | 'operation';

/** One entry of the on-chain access log, as the gateway wrote it. */
export type AccessLogEntry = {
  /** The entry's id: a counter, or a bytes32 hex. */
  entryId: number | bigint | Hex;
  /** Who asked: a member or an individual acting for one. */
  accessor: Hex;
  /** The member whose gateway served or refused the request and logged it. */
  member: Hex;
  /** The patient's pseudonym. */
  patient: Hex;
  /** The RecordRegistry id of the record, zero or absent when none (a search). */
  recordId?: Hex;
  /** An ACCESS_ACTIONS value. */
  action: number;
  /** Purpose bits the request stated. */
  purpose: number;
  /** The consent or break-glass id that authorized it, zero or absent when none. */
  authorization?: Hex;
  authorizationKind?: 'consent' | 'break-glass';
  decision: AccessDecision;
  /** Unix seconds. */
  at: number | bigint;
  /** The Merkle batch the entry was anchored in, with the entry's inclusion proof. */
  batchRoot?: Hex;
  proof?: readonly Hex[];
};

/** Options of {@link auditEventResource}. */
export type AuditEventResourceOptions = {
  /** The record's resource (`Observation/abc`), when this gateway can resolve it. */
  recordReference?: string;
  /** The patient's resource (`Patient/123`), when known. */
  patientReference?: string;
  /** The interaction, for WRITE (create or update; default update) and REFUSE (what was refused). */
  interaction?: RestfulInteraction;
};

const ZERO_32 = `0x${'0'.repeat(64)}`;

const ACTION_CODE: Readonly<Record<RestfulInteraction, AuditEvent['action']>> = {
  read: 'R',
  vread: 'R',
  'history-instance': 'R',
  create: 'C',
  update: 'U',
  delete: 'D',
  'search-type': 'E',
  operation: 'E',
};

function interactionOf(action: number, given: RestfulInteraction | undefined): RestfulInteraction | undefined {
  switch (action) {
    case ACCESS_ACTIONS.READ:
      return 'read';
    case ACCESS_ACTIONS.WRITE:
      return given === 'create' ? 'create' : 'update';
    case ACCESS_ACTIONS.REFUSE:
      return given;
    case ACCESS_ACTIONS.EXPORT:
      return 'operation';
    case ACCESS_ACTIONS.ERASE:
      return 'delete';
    case ACCESS_ACTIONS.SEARCH:
      return 'search-type';
  }
  throw invalidArgument('"action" expected an AccessActions value 1..6');
}

function auditEventId(entryId: AccessLogEntry['entryId']): string {
  if (typeof entryId === 'string') {
    assertHexBytes('entryId', entryId, 32);
    return entryId.slice(2).toLowerCase();
  }
  assertUint64('entryId', entryId);
  return String(entryId);
}

function coding(system: string, code: string, display: string): Coding {
  return { system, code, display };
}

/**
 * A FHIR R4 AuditEvent of an access-log entry: type `rest` with the restful-interaction subtype
 * and action (R, C, U, D, E), recorded, outcome `0` (allowed), `4` (refused) or `8` (tampered
 * content: a serious failure), outcomeDesc naming the decision, the accessor as requesting agent
 * (address identifier) with the stated purposes, the logging member as source observer, the
 * record, the patient (pseudonym) and the authorizing consent or break-glass as entities, and an
 * extension with the entry id, the decision code and, once anchored, the batch root and proof.
 */
export function auditEventResource(entry: AccessLogEntry, options: AuditEventResourceOptions = {}): AuditEvent {
  assertHexBytes('accessor', entry.accessor, 20);
  assertHexBytes('member', entry.member, 20);
  assertHexBytes('patient', entry.patient, 20);
  const recorded = unixToInstant(entry.at);
  if (recorded === undefined) throw invalidArgument('"at" is past year 9999');
  const decision = accessDecisionName(entry.decision);
  const interaction = interactionOf(entry.action, options.interaction);
  const purposes = purposesOfMask(entry.purpose).map(({ code, display }) => ({
    coding: [coding(PURPOSE_OF_USE_SYSTEM, code, display)],
  }));

  const entity: AuditEventEntity[] = [];
  const recordId = entry.recordId !== undefined && entry.recordId !== ZERO_32 ? entry.recordId : undefined;
  if (recordId !== undefined) assertHexBytes('recordId', recordId, 32);
  if (recordId !== undefined || options.recordReference !== undefined) {
    entity.push({
      what: {
        ...(options.recordReference === undefined ? {} : { reference: options.recordReference }),
        ...(recordId === undefined ? {} : { identifier: { system: RECORD_ID_SYSTEM, value: recordId } }),
      },
      type: coding('http://terminology.hl7.org/CodeSystem/audit-entity-type', '2', 'System Object'),
      role: coding('http://terminology.hl7.org/CodeSystem/object-role', '4', 'Domain Resource'),
    });
  }
  entity.push({
    what: {
      ...(options.patientReference === undefined ? {} : { reference: options.patientReference }),
      identifier: { system: PATIENT_PSEUDONYM_SYSTEM, value: entry.patient },
    },
    type: coding('http://terminology.hl7.org/CodeSystem/audit-entity-type', '1', 'Person'),
    role: coding('http://terminology.hl7.org/CodeSystem/object-role', '1', 'Patient'),
  });
  if (entry.authorization !== undefined && entry.authorization !== ZERO_32) {
    assertHexBytes('authorization', entry.authorization, 32);
    const breakGlass = entry.authorizationKind === 'break-glass';
    entity.push({
      what: {
        ...(breakGlass ? {} : { reference: `Consent/${consentResourceId(entry.authorization)}` }),
        identifier: { system: breakGlass ? BREAK_GLASS_ID_SYSTEM : CONSENT_ID_SYSTEM, value: entry.authorization },
      },
      type: coding('http://terminology.hl7.org/CodeSystem/audit-entity-type', '2', 'System Object'),
      description: breakGlass ? 'emergency (break-glass) access' : 'consent',
    });
  }

  const anchor: Extension[] = [
    { url: 'entryId', valueString: String(entry.entryId) },
    { url: 'decision', valueCoding: { system: ACCESS_DECISION_SYSTEM, code: decision } },
  ];
  if (entry.batchRoot !== undefined) {
    assertHexBytes('batchRoot', entry.batchRoot, 32);
    anchor.push({ url: 'batchRoot', valueString: entry.batchRoot });
    for (const [i, node] of (entry.proof ?? []).entries()) {
      assertHexBytes(`proof[${i}]`, node, 32);
      anchor.push({ url: 'proof', valueString: node });
    }
  }

  const event: AuditEvent = {
    resourceType: 'AuditEvent',
    id: auditEventId(entry.entryId),
    extension: [{ url: ACCESS_LOG_EXTENSION_URL, extension: anchor }],
    type: coding('http://terminology.hl7.org/CodeSystem/audit-event-type', 'rest', 'RESTful Operation'),
    recorded,
    outcome: decision === 'allowed' ? '0' : decision === 'tampered' ? '8' : '4',
    outcomeDesc: decision === 'allowed' ? 'allowed' : `refused: ${decision}`,
    agent: [
      {
        who: { identifier: { system: ACCOUNT_ADDRESS_SYSTEM, value: entry.accessor } },
        requestor: true,
        ...(purposes.length > 0 ? { purposeOfUse: purposes } : {}),
      },
    ],
    source: {
      observer: { identifier: { system: ACCOUNT_ADDRESS_SYSTEM, value: entry.member } },
      type: [coding('http://terminology.hl7.org/CodeSystem/security-source-type', '4', 'Application Server')],
    },
    entity,
  };
  if (interaction !== undefined) {
    event.subtype = [coding('http://hl7.org/fhir/restful-interaction', interaction, interaction)];
    event.action = ACTION_CODE[interaction];
  }
  if (purposes.length > 0) event.purposeOfEvent = purposes;
  return event;
}
