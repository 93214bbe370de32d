/**
 * The elements `checkStructure` checks, per resource type: the ones the gateway, the index and
 * consent enforcement rely on (references to the patient, codes, dates, values, statuses), with
 * their R4 JSON types, cardinality and required value sets. It is deliberately not a profile
 * validator: other elements pass unchecked, beyond the generic FHIR JSON rules.
 *
 * A rule is a type name, `[]` for an array, `!` for required (min 1): `'Reference!'`,
 * `'CodeableConcept[]'`. `code` rules may carry their value set. A choice element `x[x]` lists the
 * allowed type suffixes (`effective[x]: 'DateTime|Period'` allows effectiveDateTime and
 * effectivePeriod, one at most), `!` making one of them required. `@Name` is a backbone element
 * whose own rules are in {@link BACKBONE_RULES}.
 */
export type FieldRule = string | { rule: string; codes: readonly string[] };

/** The rules of one resource type or backbone element, by element name. */
export type ElementRules = Readonly<Record<string, FieldRule>>;

const code = (rule: string, codes: string): FieldRule => ({ rule, codes: codes.split(' ') });

const OBSERVATION_VALUE = 'Quantity|CodeableConcept|String|Boolean|Integer|Range|Ratio|SampledData|Time|DateTime|Period';
const ONSET = 'DateTime|Age|Period|Range|String';

/** Backbone elements referenced as `@Name`. */
export const BACKBONE_RULES: Readonly<Record<string, ElementRules>> = {
  ObservationComponent: { code: 'CodeableConcept!', 'value[x]': OBSERVATION_VALUE, interpretation: 'CodeableConcept[]' },
  BundleEntry: { fullUrl: 'string', resource: 'Resource', request: '@BundleRequest', response: 'object', search: 'object' },
  BundleRequest: {
    method: code('code!', 'GET HEAD POST PUT DELETE PATCH'),
    url: 'string!',
    ifNoneMatch: 'string',
    ifModifiedSince: 'instant',
    ifMatch: 'string',
    ifNoneExist: 'string',
  },
};

/** Rules of the resource types the system relies on; other types get the generic checks only. */
export const STRUCTURE_RULES: Readonly<Record<string, ElementRules>> = {
  Patient: {
    identifier: 'object[]',
    active: 'boolean',
    name: 'object[]',
    gender: code('code', 'male female other unknown'),
    birthDate: 'date',
    'deceased[x]': 'Boolean|DateTime',
    'multipleBirth[x]': 'Boolean|Integer',
    generalPractitioner: 'Reference[]',
    managingOrganization: 'Reference',
  },
  Observation: {
    status: code('code!', 'registered preliminary final amended corrected cancelled entered-in-error unknown'),
    category: 'CodeableConcept[]',
    code: 'CodeableConcept!',
    subject: 'Reference',
    encounter: 'Reference',
    'effective[x]': 'DateTime|Period|Timing|Instant',
    issued: 'instant',
    performer: 'Reference[]',
    'value[x]': OBSERVATION_VALUE,
    hasMember: 'Reference[]',
    derivedFrom: 'Reference[]',
    component: '@ObservationComponent[]',
  },
  Condition: {
    clinicalStatus: 'CodeableConcept',
    verificationStatus: 'CodeableConcept',
    category: 'CodeableConcept[]',
    code: 'CodeableConcept',
    subject: 'Reference!',
    encounter: 'Reference',
    'onset[x]': ONSET,
    'abatement[x]': ONSET,
    recordedDate: 'dateTime',
  },
  MedicationRequest: {
    status: code('code!', 'active on-hold cancelled completed entered-in-error stopped draft unknown'),
    intent: code('code!', 'proposal plan order original-order reflex-order filler-order instance-order option'),
    category: 'CodeableConcept[]',
    'medication[x]': 'CodeableConcept|Reference!',
    subject: 'Reference!',
    encounter: 'Reference',
    authoredOn: 'dateTime',
    requester: 'Reference',
    reasonReference: 'Reference[]',
  },
  Immunization: {
    status: code('code!', 'completed entered-in-error not-done'),
    vaccineCode: 'CodeableConcept!',
    patient: 'Reference!',
    encounter: 'Reference',
    'occurrence[x]': 'DateTime|String!',
    recorded: 'dateTime',
    primarySource: 'boolean',
    doseQuantity: 'Quantity',
  },
  Encounter: {
    status: code('code!', 'planned arrived triaged in-progress onleave finished cancelled entered-in-error unknown'),
    class: 'Coding!',
    type: 'CodeableConcept[]',
    subject: 'Reference',
    participant: 'object[]',
    period: 'Period',
    reasonCode: 'CodeableConcept[]',
    serviceProvider: 'Reference',
  },
  Procedure: {
    status: code('code!', 'preparation in-progress not-done on-hold stopped completed entered-in-error unknown'),
    code: 'CodeableConcept',
    subject: 'Reference!',
    encounter: 'Reference',
    'performed[x]': 'DateTime|Period|String|Age|Range',
    reasonReference: 'Reference[]',
  },
  DiagnosticReport: {
    status: code('code!', 'registered partial preliminary final amended corrected appended cancelled entered-in-error unknown'),
    category: 'CodeableConcept[]',
    code: 'CodeableConcept!',
    subject: 'Reference',
    encounter: 'Reference',
    'effective[x]': 'DateTime|Period',
    issued: 'instant',
    result: 'Reference[]',
  },
  AllergyIntolerance: {
    clinicalStatus: 'CodeableConcept',
    verificationStatus: 'CodeableConcept',
    type: code('code', 'allergy intolerance'),
    category: code('code[]', 'food medication environment biologic'),
    criticality: code('code', 'low high unable-to-assess'),
    code: 'CodeableConcept',
    patient: 'Reference!',
    encounter: 'Reference',
    'onset[x]': ONSET,
    recordedDate: 'dateTime',
  },
  CarePlan: {
    status: code('code!', 'draft active on-hold revoked completed entered-in-error unknown'),
    intent: code('code!', 'proposal plan order option'),
    category: 'CodeableConcept[]',
    subject: 'Reference!',
    encounter: 'Reference',
    period: 'Period',
    addresses: 'Reference[]',
    activity: 'object[]',
  },
  Claim: {
    status: code('code!', 'active cancelled draft entered-in-error'),
    type: 'CodeableConcept!',
    use: code('code!', 'claim preauthorization predetermination'),
    patient: 'Reference!',
    billablePeriod: 'Period',
    created: 'dateTime!',
    provider: 'Reference!',
    priority: 'CodeableConcept!',
    insurance: 'object[]!',
    item: 'object[]',
  },
  ExplanationOfBenefit: {
    status: code('code!', 'active cancelled draft entered-in-error'),
    type: 'CodeableConcept!',
    use: code('code!', 'claim preauthorization predetermination'),
    patient: 'Reference!',
    billablePeriod: 'Period',
    created: 'dateTime!',
    provider: 'Reference!',
    outcome: code('code!', 'queued complete error partial'),
  },
  Goal: {
    lifecycleStatus: code(
      'code!',
      'proposed planned accepted active on-hold completed cancelled entered-in-error rejected',
    ),
    description: 'CodeableConcept!',
    subject: 'Reference!',
    'start[x]': 'Date|CodeableConcept',
  },
  ImagingStudy: {
    status: code('code!', 'registered available cancelled entered-in-error unknown'),
    subject: 'Reference!',
    encounter: 'Reference',
    started: 'dateTime',
    numberOfSeries: 'integer',
    numberOfInstances: 'integer',
  },
  ServiceRequest: {
    status: 'code!',
    intent: 'code!',
    code: 'CodeableConcept',
    subject: 'Reference!',
    encounter: 'Reference',
    'occurrence[x]': 'DateTime|Period|Timing',
    authoredOn: 'dateTime',
  },
  Coverage: { status: 'code!', beneficiary: 'Reference!', payor: 'Reference[]!', period: 'Period' },
  MedicationAdministration: {
    status: 'code!',
    'medication[x]': 'CodeableConcept|Reference!',
    subject: 'Reference!',
    'effective[x]': 'DateTime|Period!',
  },
  MedicationStatement: {
    status: 'code!',
    'medication[x]': 'CodeableConcept|Reference!',
    subject: 'Reference!',
    'effective[x]': 'DateTime|Period',
    dateAsserted: 'dateTime',
  },
  DocumentReference: { status: 'code!', subject: 'Reference', date: 'instant', type: 'CodeableConcept', content: 'object[]!' },
  Consent: {
    status: code('code!', 'draft proposed active rejected inactive entered-in-error'),
    scope: 'CodeableConcept!',
    category: 'CodeableConcept[]!',
    patient: 'Reference',
    dateTime: 'dateTime',
    performer: 'Reference[]',
    provision: 'object',
  },
  AuditEvent: {
    type: 'Coding!',
    subtype: 'Coding[]',
    action: code('code', 'C R U D E'),
    recorded: 'instant!',
    outcome: code('code', '0 4 8 12'),
    purposeOfEvent: 'CodeableConcept[]',
    agent: 'object[]!',
    source: 'object!',
    entity: 'object[]',
  },
  Provenance: { target: 'Reference[]!', recorded: 'instant!', agent: 'object[]!' },
  OperationOutcome: { issue: 'object[]!' },
  Bundle: {
    type: code('code!', 'document message transaction transaction-response batch batch-response history searchset collection'),
    timestamp: 'instant',
    total: 'integer',
    link: 'object[]',
    entry: '@BundleEntry[]',
  },
};
