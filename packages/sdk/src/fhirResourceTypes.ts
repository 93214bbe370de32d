import { MedchainError } from './errors.ts'

/**
 * The FHIR resource types a consent's `resourceTypes` bitmask refers to: bit i of the mask is
 * `FHIR_RESOURCE_TYPES[i]`. The FHIR R4 resource types in alphabetical order (146 of them, so
 * the uint256 mask has room to spare). Append-only: consents on chain keep their bits forever, so an
 * entry is never moved, removed or renamed; a later FHIR version's new types go at the end.
 */
export const FHIR_RESOURCE_TYPES = [
  'Account', 'ActivityDefinition', 'AdverseEvent', 'AllergyIntolerance', 'Appointment', 'AppointmentResponse', 'AuditEvent',
  'Basic', 'Binary', 'BiologicallyDerivedProduct', 'BodyStructure', 'Bundle', 'CapabilityStatement', 'CarePlan', 'CareTeam',
  'CatalogEntry', 'ChargeItem', 'ChargeItemDefinition', 'Claim', 'ClaimResponse', 'ClinicalImpression', 'CodeSystem',
  'Communication', 'CommunicationRequest', 'CompartmentDefinition', 'Composition', 'ConceptMap', 'Condition', 'Consent',
  'Contract', 'Coverage', 'CoverageEligibilityRequest', 'CoverageEligibilityResponse', 'DetectedIssue', 'Device',
  'DeviceDefinition', 'DeviceMetric', 'DeviceRequest', 'DeviceUseStatement', 'DiagnosticReport', 'DocumentManifest',
  'DocumentReference', 'EffectEvidenceSynthesis', 'Encounter', 'Endpoint', 'EnrollmentRequest', 'EnrollmentResponse',
  'EpisodeOfCare', 'EventDefinition', 'Evidence', 'EvidenceVariable', 'ExampleScenario', 'ExplanationOfBenefit',
  'FamilyMemberHistory', 'Flag', 'Goal', 'GraphDefinition', 'Group', 'GuidanceResponse', 'HealthcareService', 'ImagingStudy',
  'Immunization', 'ImmunizationEvaluation', 'ImmunizationRecommendation', 'ImplementationGuide', 'InsurancePlan', 'Invoice',
  'Library', 'Linkage', 'List', 'Location', 'Measure', 'MeasureReport', 'Media', 'Medication', 'MedicationAdministration',
  'MedicationDispense', 'MedicationKnowledge', 'MedicationRequest', 'MedicationStatement', 'MedicinalProduct',
  'MedicinalProductAuthorization', 'MedicinalProductContraindication', 'MedicinalProductIndication',
  'MedicinalProductIngredient', 'MedicinalProductInteraction', 'MedicinalProductManufactured', 'MedicinalProductPackaged',
  'MedicinalProductPharmaceutical', 'MedicinalProductUndesirableEffect', 'MessageDefinition', 'MessageHeader',
  'MolecularSequence', 'NamingSystem', 'NutritionOrder', 'Observation', 'ObservationDefinition', 'OperationDefinition',
  'OperationOutcome', 'Organization', 'OrganizationAffiliation', 'Parameters', 'Patient', 'PaymentNotice',
  'PaymentReconciliation', 'Person', 'PlanDefinition', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance',
  'Questionnaire', 'QuestionnaireResponse', 'RelatedPerson', 'RequestGroup', 'ResearchDefinition', 'ResearchElementDefinition',
  'ResearchStudy', 'ResearchSubject', 'RiskAssessment', 'RiskEvidenceSynthesis', 'Schedule', 'SearchParameter',
  'ServiceRequest', 'Slot', 'Specimen', 'SpecimenDefinition', 'StructureDefinition', 'StructureMap', 'Subscription',
  'Substance', 'SubstanceNucleicAcid', 'SubstancePolymer', 'SubstanceProtein', 'SubstanceReferenceInformation',
  'SubstanceSourceMaterial', 'SubstanceSpecification', 'SupplyDelivery', 'SupplyRequest', 'Task', 'TerminologyCapabilities',
  'TestReport', 'TestScript', 'ValueSet', 'VerificationResult', 'VisionPrescription',
] as const

const INDEX = new Map<string, number>(FHIR_RESOURCE_TYPES.map((name, i) => [name, i]))

/**
 * The bit index of a FHIR resource type, as ConsentRegistry checks take it (`resourceTypeIndex`).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a name not in {@link FHIR_RESOURCE_TYPES}
 */
export function resourceTypeIndex(name: string, argument = 'resourceType'): number {
  const index = typeof name === 'string' ? INDEX.get(name) : undefined
  if (index === undefined) {
    throw new MedchainError(`"${argument}" is not a FHIR resource type of FHIR_RESOURCE_TYPES: ${JSON.stringify(name)}`, {
      code: 'SDK_INVALID_ARGUMENT',
    })
  }
  return index
}

/**
 * The consent bitmask of a list of FHIR resource type names (empty list: 0n).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a name not in {@link FHIR_RESOURCE_TYPES}
 */
export function resourceTypesToMask(names: readonly string[], argument = 'resourceTypes'): bigint {
  if (!Array.isArray(names)) throw new MedchainError(`"${argument}" expected an array of FHIR resource type names`, { code: 'SDK_INVALID_ARGUMENT' })
  return names.reduce((mask, name, i) => mask | (1n << BigInt(resourceTypeIndex(name, `${argument}[${i}]`))), 0n)
}

/** The FHIR resource type names of a consent bitmask, in table order; bits past the table are ignored. */
export function maskToResourceTypes(mask: bigint): string[] {
  return FHIR_RESOURCE_TYPES.filter((_, i) => (mask >> BigInt(i)) & 1n)
}
