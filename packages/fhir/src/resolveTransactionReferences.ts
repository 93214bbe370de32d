import type { FhirResource } from 'fhir/r4.js';
import { invalidArgument, isObject } from './assert.ts';
import { FhirError } from './errors.ts';
import { isFhirId, isUrnUuid } from './primitives.ts';
import type { TransactionEntry } from './parseTransactionBundle.ts';

// Rewrites, in place on a private copy, every `reference` string found anywhere in `node`.
function rewrite(node: unknown, path: string, targets: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) rewrite(node[i], `${path}[${i}]`, targets);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'reference' && typeof value === 'string') {
      if (value.startsWith('urn:uuid:')) {
        const target = targets.get(value);
        if (target === undefined) {
          throw new FhirError(`${path}.reference points to a urn:uuid that is no fullUrl of the Bundle`, {
            code: 'FHIR_UNRESOLVED_REFERENCE',
            expression: `${path}.reference`,
          });
        }
        node[key] = target;
      } else if (value.includes('?')) {
        throw new FhirError(`${path}.reference is a conditional reference, which is not supported`, {
          code: 'FHIR_INVALID_BUNDLE',
          expression: `${path}.reference`,
        });
      }
    } else {
      rewrite(value, `${path}.${key}`, targets);
    }
  }
}

/**
 * Resolves the references between the entries of a transaction: every `Reference.reference`
 * equal to an entry's `urn:uuid:` fullUrl, at any depth (contained resources included), becomes
 * `Type/id` of that entry: the id in `assignedIds` (fullUrl to the id the server gave the POST)
 * or, for PUT, the id of its url. POST entries also get their assigned id as `resource.id`.
 * Pure: returns new entries with copied resources. Batches do not resolve references between
 * entries (FHIR), so call this for transactions only.
 * @throws FhirError `FHIR_UNRESOLVED_REFERENCE` for a urn:uuid matching no fullUrl,
 * `FHIR_INVALID_BUNDLE` for a conditional reference (`Patient?identifier=...`),
 * `FHIR_INVALID_ARGUMENT` when a POST with a urn:uuid fullUrl has no valid assigned id
 */
export function resolveTransactionReferences(
  entries: readonly TransactionEntry[],
  assignedIds: ReadonlyMap<string, string>,
): TransactionEntry[] {
  const targets = new Map<string, string>();
  const ids = entries.map((entry) => {
    const assigned = entry.fullUrl === undefined ? undefined : assignedIds.get(entry.fullUrl);
    if (entry.method === 'POST' && isUrnUuid(entry.fullUrl) && !isFhirId(assigned)) {
      throw invalidArgument(`"assignedIds" has no valid id for the POST of entry ${entry.index}`);
    }
    const id = entry.method === 'POST' ? assigned : entry.method === 'PUT' ? entry.id : undefined;
    if (id !== undefined && isUrnUuid(entry.fullUrl)) targets.set(entry.fullUrl, `${entry.resourceType}/${id}`);
    return id;
  });
  return entries.map((entry, i) => {
    if (entry.resource === undefined) return { ...entry };
    const resource = structuredClone(entry.resource) as FhirResource & { id?: string };
    const id = ids[i];
    if (entry.method === 'POST' && id !== undefined) resource.id = id;
    rewrite(resource, `Bundle.entry[${entry.index}].resource`, targets);
    return { ...entry, resource };
  });
}
