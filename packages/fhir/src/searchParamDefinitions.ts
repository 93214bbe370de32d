import type { ResourceType } from './resourceTypes.ts';

/** The FHIR search parameter types the gateway supports. */
export type SearchParamType = 'reference' | 'token' | 'date' | 'quantity';

/** Every search parameter the gateway supports, with its FHIR type. */
export const SEARCH_PARAM_TYPES = {
  _id: 'token',
  _lastUpdated: 'date',
  patient: 'reference',
  subject: 'reference',
  code: 'token',
  date: 'date',
  status: 'token',
  category: 'token',
  'value-quantity': 'quantity',
  'component-code': 'token',
} as const satisfies Record<string, SearchParamType>;

/** A supported search parameter name. */
export type SearchParamName = keyof typeof SEARCH_PARAM_TYPES;

/** Where one resource type keeps the values of its search parameters. */
export type SearchPaths = {
  /** Elements holding a Reference to the patient; `id` for the Patient itself. */
  patient?: readonly string[];
  /** Whether the type has a `subject` Reference. */
  subject?: true;
  /** The CodeableConcept (or CodeableConcept[]) element searched by `code`. */
  code?: string;
  /** Candidate elements of `date`, first present wins; `x[x]` takes xDateTime, xPeriod or xInstant. */
  date?: readonly string[];
  /** Whether the type has a `status` code. */
  status?: true;
  /** Whether the type has a `category` (CodeableConcept[] or code[]). */
  category?: true;
  /** Observation only: `value-quantity` and `component-code`. */
  observationValues?: true;
};

/**
 * The search parameters of each resource type, read by extraction (rows), query parsing (which
 * parameters a type accepts) and the CapabilityStatement, so the three never disagree. `date`
 * follows the R4 `clinical-date` paths where R4 has them (Claim and ExplanationOfBenefit use
 * billablePeriod, then created; Condition onset[x], then recordedDate). Every type also has
 * `_id` and `_lastUpdated`; types not listed have only those. Patient has `patient` too (its own
 * id), so one `patient=` query reaches a patient's whole compartment.
 */
export const SEARCH_PATHS: Readonly<Partial<Record<ResourceType, SearchPaths>>> = {
  Patient: { patient: ['id'] },
  Observation: {
    patient: ['subject'],
    subject: true,
    code: 'code',
    date: ['effective[x]'],
    status: true,
    category: true,
    observationValues: true,
  },
  Condition: { patient: ['subject'], subject: true, code: 'code', date: ['onset[x]', 'recordedDate'], category: true },
  Encounter: { patient: ['subject'], subject: true, code: 'type', date: ['period'], status: true },
  Procedure: { patient: ['subject'], subject: true, code: 'code', date: ['performed[x]'], status: true },
  MedicationRequest: {
    patient: ['subject'],
    subject: true,
    code: 'medicationCodeableConcept',
    date: ['authoredOn'],
    status: true,
    category: true,
  },
  MedicationAdministration: {
    patient: ['subject'],
    subject: true,
    code: 'medicationCodeableConcept',
    date: ['effective[x]'],
    status: true,
  },
  MedicationStatement: {
    patient: ['subject'],
    subject: true,
    code: 'medicationCodeableConcept',
    date: ['effective[x]'],
    status: true,
  },
  Immunization: { patient: ['patient'], code: 'vaccineCode', date: ['occurrence[x]'], status: true },
  DiagnosticReport: { patient: ['subject'], subject: true, code: 'code', date: ['effective[x]'], status: true, category: true },
  AllergyIntolerance: { patient: ['patient'], code: 'code', date: ['recordedDate'], category: true },
  CarePlan: { patient: ['subject'], subject: true, date: ['period'], status: true, category: true },
  Claim: { patient: ['patient'], date: ['billablePeriod', 'created'], status: true },
  ExplanationOfBenefit: { patient: ['patient'], date: ['billablePeriod', 'created'], status: true },
  Goal: { patient: ['subject'], subject: true },
  ImagingStudy: { patient: ['subject'], subject: true, date: ['started'], status: true },
  ServiceRequest: {
    patient: ['subject'],
    subject: true,
    code: 'code',
    date: ['occurrence[x]', 'authoredOn'],
    status: true,
    category: true,
  },
  DocumentReference: { patient: ['subject'], subject: true, code: 'type', date: ['date'], status: true, category: true },
  Coverage: { patient: ['beneficiary'], status: true },
  Consent: { patient: ['patient'], date: ['dateTime'], status: true, category: true },
  AuditEvent: { date: ['recorded'] },
};

/** The search parameters `type` supports, `_id` and `_lastUpdated` first. */
export function searchParamsOf(type: string): SearchParamName[] {
  const paths: SearchPaths = SEARCH_PATHS[type as ResourceType] ?? {};
  const names: SearchParamName[] = ['_id', '_lastUpdated'];
  if (paths.patient) names.push('patient');
  if (paths.subject) names.push('subject');
  if (paths.code) names.push('code');
  if (paths.date) names.push('date');
  if (paths.status) names.push('status');
  if (paths.category) names.push('category');
  if (paths.observationValues) names.push('value-quantity', 'component-code');
  return names;
}
