// The URIs medchain mints for its own codes, identifiers and extensions, in one place so the
// gateway, its clients and the resources built here agree on them.

/** CodeSystem of our stable error codes, in OperationOutcome `issue.details.coding`. */
export const ERROR_CODE_SYSTEM = 'https://medchain.dev/fhir/CodeSystem/error';
/** CodeSystem of consent-check decisions (`revoked`, `no-consent`...), in AuditEvent and outcomes. */
export const ACCESS_DECISION_SYSTEM = 'https://medchain.dev/fhir/CodeSystem/access-decision';
/** CodeSystem of the request authentication the gateway uses, in the CapabilityStatement. */
export const SECURITY_SERVICE_SYSTEM = 'https://medchain.dev/fhir/CodeSystem/security-service';
/** NamingSystem of consortium accounts (members, individuals): a checksummed 0x address. */
export const ACCOUNT_ADDRESS_SYSTEM = 'https://medchain.dev/fhir/NamingSystem/account-address';
/** NamingSystem of patient pseudonyms: the 0x address of the patient's on-chain identity. */
export const PATIENT_PSEUDONYM_SYSTEM = 'https://medchain.dev/fhir/NamingSystem/patient-pseudonym';
/** NamingSystem of RecordRegistry record ids (bytes32 hex). */
export const RECORD_ID_SYSTEM = 'https://medchain.dev/fhir/NamingSystem/record-id';
/** NamingSystem of ConsentRegistry consent ids (bytes32 hex). */
export const CONSENT_ID_SYSTEM = 'https://medchain.dev/fhir/NamingSystem/consent-id';
/** NamingSystem of emergency (break-glass) access ids (bytes32 hex). */
export const BREAK_GLASS_ID_SYSTEM = 'https://medchain.dev/fhir/NamingSystem/break-glass-id';
/** Extension on Consent: when it was revoked (status `rejected`). */
export const CONSENT_REVOKED_AT_EXTENSION_URL = 'https://medchain.dev/fhir/StructureDefinition/consent-revoked-at';
/** Extension on AuditEvent: the on-chain anchoring of its access-log entry (batch root, proof). */
export const ACCESS_LOG_EXTENSION_URL = 'https://medchain.dev/fhir/StructureDefinition/access-log-anchor';
/** HL7 v3 ActReason, the code system of the PurposeOfUse codes. */
export const PURPOSE_OF_USE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
