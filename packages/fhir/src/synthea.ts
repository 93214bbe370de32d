import type { FhirResource, Patient } from 'fhir/r4.js';
import { isObject } from './assert.ts';
import { FhirError } from './errors.ts';

/** What {@link listPatientBundle} returns. */
export type ListPatientBundleReturnType = {
  /** The bundle's one Patient. */
  patient: Patient;
  /** Every resource of the bundle in entry order, the Patient included (Synthea puts it first). */
  resources: FhirResource[];
};

function invalid(path: string, what: string): FhirError {
  return new FhirError(`${path} ${what}`, { code: 'FHIR_INVALID_BUNDLE', expression: path });
}

/**
 * Lists a Synthea patient bundle (a transaction Bundle holding one Patient and everything about
 * them, cross-referenced by urn:uuid fullUrls). No I/O: the caller reads and parses the file
 * (parseResource). To import, prefer parseTransactionBundle and resolveTransactionReferences,
 * which also rewrite the urn:uuid references.
 * @throws FhirError `FHIR_INVALID_BUNDLE` when it is not a Bundle, an entry has no resource, or
 * it holds no Patient or more than one
 */
export function listPatientBundle(bundle: unknown): ListPatientBundleReturnType {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw invalid('Bundle', 'expected a Bundle resource');
  const entries = bundle.entry ?? [];
  if (!Array.isArray(entries)) throw invalid('Bundle.entry', 'must be an array');
  const resources: FhirResource[] = [];
  let patient: Patient | undefined;
  entries.forEach((entry: unknown, i) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') throw invalid(`Bundle.entry[${i}].resource`, 'is missing');
    if (resource.resourceType === 'Patient') {
      if (patient) throw invalid(`Bundle.entry[${i}].resource`, 'is a second Patient');
      patient = resource as unknown as Patient;
    }
    resources.push(resource as unknown as FhirResource);
  });
  if (!patient) throw invalid('Bundle.entry', 'holds no Patient');
  return { patient, resources };
}
