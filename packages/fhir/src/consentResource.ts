import type { Consent, ConsentProvision, ConsentProvisionData, Reference } from 'fhir/r4.js';
import { assertHexBytes, assertUint64, invalidArgument } from './assert.ts';
import { type ConsentState, consentState } from './consentState.ts';
import { purposesOfMask } from './purposeCodes.ts';
import { maskToResourceTypes } from './resourceTypes.ts';
import {
  ACCOUNT_ADDRESS_SYSTEM,
  CONSENT_ID_SYSTEM,
  CONSENT_REVOKED_AT_EXTENSION_URL,
  PATIENT_PSEUDONYM_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  RECORD_ID_SYSTEM,
} from './systems.ts';
import { unixToInstant } from './unixToInstant.ts';

type Hex = `0x${string}`;

/** A consent as ConsentRegistry stores it (IConsentRegistry.Consent), with its id. */
export type OnChainConsent = {
  consentId: Hex;
  /** The patient's pseudonym address. */
  patient: Hex;
  /** The member or individual the consent is granted to. */
  grantee: Hex;
  /** Purposes bitmask (purposeCodes.ts). */
  purposes: number;
  /** uint256 bitmask over resourceTypes.ts. */
  resourceTypes: bigint;
  /** RecordRegistry ids covered whatever their type. */
  recordIds: readonly Hex[];
  /** Unix seconds; `expiry` is the first second outside the consent, `revokedAt` 0 if not revoked. */
  start: number | bigint;
  expiry: number | bigint;
  revokedAt: number | bigint;
  grantedAt?: number | bigint;
};

/** Options of {@link consentResource}. */
export type ConsentResourceOptions = {
  /** The moment (unix seconds) the status is computed at. */
  now: number | bigint;
  /** The patient's resource on this gateway (`Patient/123`), when the caller knows it. */
  patientReference?: string;
  /** References (`Observation/abc`) of the listed record ids this gateway can resolve. */
  recordReferences?: ReadonlyMap<string, string>;
};

const STATUS: Readonly<Record<ConsentState, Consent['status']>> = {
  active: 'active',
  'not-started': 'inactive',
  expired: 'inactive',
  revoked: 'rejected',
};

/** The FHIR `id` of a consent: its bytes32 id without `0x` (64 characters, the id maximum). */
export function consentResourceId(consentId: Hex): string {
  return consentId.slice(2).toLowerCase();
}

/**
 * A FHIR R4 Consent of an on-chain consent. Status at `now`: `active`; `inactive` before its
 * start or from its expiry; `rejected` once revoked (the revocation time in an extension).
 * Scope patient-privacy, category LOINC 59284-0, policyRule OPTIN (R4 requires a policy), the
 * patient by pseudonym identifier (and reference when given) as patient and performer, and
 * one `permit` provision: the period (its end is the last second before expiry, FHIR ends being
 * inclusive), the grantee as information recipient (IRCP), the PurposeOfUse codes, the
 * resource types as `class` and the record ids as `data`. The chain remains the authority:
 * this resource is a view of it.
 */
export function consentResource(consent: OnChainConsent, options: ConsentResourceOptions): Consent {
  assertHexBytes('consentId', consent.consentId, 32);
  assertHexBytes('patient', consent.patient, 20);
  assertHexBytes('grantee', consent.grantee, 20);
  assertUint64('now', options.now);
  for (const [i, recordId] of consent.recordIds.entries()) assertHexBytes(`recordIds[${i}]`, recordId, 32);
  const state = consentState(consent, options.now);
  if (BigInt(consent.expiry) <= BigInt(consent.start)) throw invalidArgument('"expiry" must be after "start"');

  const patient: Reference = { identifier: { system: PATIENT_PSEUDONYM_SYSTEM, value: consent.patient } };
  if (options.patientReference !== undefined) patient.reference = options.patientReference;
  const period: { start?: string; end?: string } = {};
  const start = unixToInstant(consent.start);
  if (start !== undefined) period.start = start;
  const end = unixToInstant(BigInt(consent.expiry) - 1n);
  if (end !== undefined) period.end = end;
  const classes = maskToResourceTypes(consent.resourceTypes, { unknownBits: 'ignore' });
  const data = consent.recordIds.map((recordId): ConsentProvisionData => {
    const reference = options.recordReferences?.get(recordId);
    return {
      meaning: 'instance',
      reference: { ...(reference === undefined ? {} : { reference }), identifier: { system: RECORD_ID_SYSTEM, value: recordId } },
    };
  });

  const provision: ConsentProvision = {
    type: 'permit',
    period,
    actor: [
      {
        role: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' },
          ],
        },
        reference: { identifier: { system: ACCOUNT_ADDRESS_SYSTEM, value: consent.grantee } },
      },
    ],
    purpose: purposesOfMask(consent.purposes).map(({ code, display }) => ({ system: PURPOSE_OF_USE_SYSTEM, code, display })),
  };
  if (classes.length > 0) provision.class = classes.map((code) => ({ system: 'http://hl7.org/fhir/resource-types', code }));
  if (data.length > 0) provision.data = data;

  const resource: Consent = {
    resourceType: 'Consent',
    id: consentResourceId(consent.consentId),
    identifier: [{ system: CONSENT_ID_SYSTEM, value: consent.consentId }],
    status: STATUS[state],
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient,
    performer: [patient],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' }] },
    provision,
  };
  const dateTime = unixToInstant(consent.grantedAt ?? consent.start);
  if (dateTime !== undefined) resource.dateTime = dateTime;
  const revokedAt = state === 'revoked' ? unixToInstant(consent.revokedAt) : undefined;
  if (revokedAt !== undefined) resource.extension = [{ url: CONSENT_REVOKED_AT_EXTENSION_URL, valueDateTime: revokedAt }];
  return resource;
}
