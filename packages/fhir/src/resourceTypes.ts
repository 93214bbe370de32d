import { FhirError } from './errors.ts';
import { invalidArgument } from './assert.ts';

/**
 * The FHIR R4 (4.0.1) resource types, in the fixed order of the consent bitmask: bit i of a
 * consent's uint256 `resourceTypes` is the i-th type here (IConsentRegistry). The first 146 are
 * the R4 list in alphabetical order, frozen: reordering or inserting would silently change what
 * every consent on chain covers. A future type is only ever appended, and there are 256 bits.
 */
export const RESOURCE_TYPES = [
  'Account', 'ActivityDefinition', 'AdverseEvent', 'AllergyIntolerance', 'Appointment',
  'AppointmentResponse', 'AuditEvent', 'Basic', 'Binary', 'BiologicallyDerivedProduct',
  'BodyStructure', 'Bundle', 'CapabilityStatement', 'CarePlan', 'CareTeam', 'CatalogEntry',
  'ChargeItem', 'ChargeItemDefinition', 'Claim', 'ClaimResponse', 'ClinicalImpression',
  'CodeSystem', 'Communication', 'CommunicationRequest', 'CompartmentDefinition', 'Composition',
  'ConceptMap', 'Condition', 'Consent', 'Contract', 'Coverage', 'CoverageEligibilityRequest',
  'CoverageEligibilityResponse', 'DetectedIssue', 'Device', 'DeviceDefinition', 'DeviceMetric',
  'DeviceRequest', 'DeviceUseStatement', 'DiagnosticReport', 'DocumentManifest',
  'DocumentReference', 'EffectEvidenceSynthesis', 'Encounter', 'Endpoint', 'EnrollmentRequest',
  'EnrollmentResponse', 'EpisodeOfCare', 'EventDefinition', 'Evidence', 'EvidenceVariable',
  'ExampleScenario', 'ExplanationOfBenefit', 'FamilyMemberHistory', 'Flag', 'Goal',
  'GraphDefinition', 'Group', 'GuidanceResponse', 'HealthcareService', 'ImagingStudy',
  'Immunization', 'ImmunizationEvaluation', 'ImmunizationRecommendation', 'ImplementationGuide',
  'InsurancePlan', 'Invoice', 'Library', 'Linkage', 'List', 'Location', 'Measure', 'MeasureReport',
  'Media', 'Medication', 'MedicationAdministration', 'MedicationDispense', 'MedicationKnowledge',
  'MedicationRequest', 'MedicationStatement', 'MedicinalProduct', 'MedicinalProductAuthorization',
  'MedicinalProductContraindication', 'MedicinalProductIndication', 'MedicinalProductIngredient',
  'MedicinalProductInteraction', 'MedicinalProductManufactured', 'MedicinalProductPackaged',
  'MedicinalProductPharmaceutical', 'MedicinalProductUndesirableEffect', 'MessageDefinition',
  'MessageHeader', 'MolecularSequence', 'NamingSystem', 'NutritionOrder', 'Observation',
  'ObservationDefinition', 'OperationDefinition', 'OperationOutcome', 'Organization',
  'OrganizationAffiliation', 'Parameters', 'Patient', 'PaymentNotice', 'PaymentReconciliation',
  'Person', 'PlanDefinition', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance',
  'Questionnaire', 'QuestionnaireResponse', 'RelatedPerson', 'RequestGroup', 'ResearchDefinition',
  'ResearchElementDefinition', 'ResearchStudy', 'ResearchSubject', 'RiskAssessment',
  'RiskEvidenceSynthesis', 'Schedule', 'SearchParameter', 'ServiceRequest', 'Slot', 'Specimen',
  'SpecimenDefinition', 'StructureDefinition', 'StructureMap', 'Subscription', 'Substance',
  'SubstanceNucleicAcid', 'SubstancePolymer', 'SubstanceProtein', 'SubstanceReferenceInformation',
  'SubstanceSourceMaterial', 'SubstanceSpecification', 'SupplyDelivery', 'SupplyRequest', 'Task',
  'TerminologyCapabilities', 'TestReport', 'TestScript', 'ValueSet', 'VerificationResult',
  'VisionPrescription',
] as const;

/** A FHIR R4 resource type name of {@link RESOURCE_TYPES}. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

const INDEX = new Map<string, number>(RESOURCE_TYPES.map((name, index) => [name, index]));
const UINT256_MAX = (1n << 256n) - 1n;

/** Whether `name` is an R4 resource type name (case-sensitive, as FHIR is). */
export function isResourceType(name: unknown): name is ResourceType {
  return typeof name === 'string' && INDEX.has(name);
}

/**
 * The position of `name` in the table, 0..255: the consent bit and the `resourceTypeIndex`
 * argument of `ConsentRegistry.checkConsent`.
 * @throws FhirError `FHIR_UNSUPPORTED_TYPE` for a name that is not an R4 resource type
 */
export function resourceTypeIndex(name: string): number {
  const index = INDEX.get(name);
  if (index === undefined) {
    throw new FhirError('"name" is not an R4 resource type', { code: 'FHIR_UNSUPPORTED_TYPE' });
  }
  return index;
}

/** The consent bit of `name`: `1n << resourceTypeIndex(name)`. */
export function resourceTypeBit(name: string): bigint {
  return 1n << BigInt(resourceTypeIndex(name));
}

/** The uint256 bitmask holding the bit of every type in `names` (duplicates are harmless). */
export function resourceTypesToMask(names: Iterable<string>): bigint {
  let mask = 0n;
  for (const name of names) mask |= resourceTypeBit(name);
  return mask;
}

/** Options of {@link maskToResourceTypes}. */
export type MaskToResourceTypesOptions = {
  /**
   * What to do with a set bit beyond the table (a type appended by a newer release): `throw`
   * (default) or `ignore`, for displays that must not fail on a consent they partly understand.
   */
  unknownBits?: 'throw' | 'ignore';
};

/**
 * The resource types whose bits are set in `mask`, in table order.
 * @throws FhirError `FHIR_INVALID_ARGUMENT` for a mask outside uint256, or a bit beyond the table
 */
export function maskToResourceTypes(mask: bigint, { unknownBits = 'throw' }: MaskToResourceTypesOptions = {}): ResourceType[] {
  if (typeof mask !== 'bigint' || mask < 0n || mask > UINT256_MAX) {
    throw invalidArgument('"mask" expected a bigint in uint256 range');
  }
  const types: ResourceType[] = [];
  for (let index = 0; mask >> BigInt(index) !== 0n; index++) {
    if (((mask >> BigInt(index)) & 1n) === 0n) continue;
    const name = RESOURCE_TYPES[index];
    if (name !== undefined) types.push(name);
    else if (unknownBits === 'throw') throw invalidArgument(`"mask" has bit ${index}, beyond the ${RESOURCE_TYPES.length} known types`);
  }
  return types;
}
