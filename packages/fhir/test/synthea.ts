import { readdirSync, readFileSync } from 'node:fs';
import type { Bundle, FhirResource } from 'fhir/r4.js';
import { parseTransactionBundle } from '../src/parseTransactionBundle.ts';
import { resolveTransactionReferences } from '../src/resolveTransactionReferences.ts';

import { SYNTHEA_DIR } from '../../../scripts/syntheaFixtures.ts';

/** The shared Synthea R4 fixtures (see scripts/syntheaFixtures.ts). */
export { SYNTHEA_DIR };

/** One fixture: its file name, raw text and parsed transaction Bundle. */
export type SyntheaFixture = { file: string; text: string; bundle: Bundle };

let cache: SyntheaFixture[] | undefined;

/** Reads the 40 patient bundles once per test process (about 14 MB). */
export function syntheaFixtures(): SyntheaFixture[] {
  cache ??= readdirSync(SYNTHEA_DIR)
    .filter((file) => file.startsWith('patient-') && file.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(SYNTHEA_DIR + file, 'utf8');
      return { file, text, bundle: JSON.parse(text) as Bundle };
    });
  return cache;
}

/** One fixture's resources with references resolved, keeping Synthea's ids. */
export type ResolvedPatient = { patientId: string; resources: FhirResource[] };

let resolved: ResolvedPatient[] | undefined;

/** Every fixture as the gateway would store it: urn:uuid references rewritten to `Type/id`. */
export function resolvedSynthea(): ResolvedPatient[] {
  resolved ??= syntheaFixtures().map(({ bundle }) => {
    const { entries } = parseTransactionBundle(bundle);
    const ids = new Map(entries.map((entry) => [entry.fullUrl as string, entry.resource?.id as string]));
    const resources = resolveTransactionReferences(entries, ids).map((entry) => entry.resource as FhirResource);
    const patient = resources.find((resource) => resource.resourceType === 'Patient');
    return { patientId: patient?.id as string, resources };
  });
  return resolved;
}
