import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4.js';
import { assertBaseUrl, invalidArgument } from './assert.ts';
import { isFhirId, isFhirInstant } from './primitives.ts';
import { isResourceType } from './resourceTypes.ts';
import { statusLine } from './statusLine.ts';

/** One version of a resource in its history. */
export type HistoryVersion = {
  versionId: string;
  /** When the version was written (an instant). */
  lastUpdated: string;
  /** How it was written: POST (created), PUT (updated) or DELETE (deleted or erased). */
  method: 'POST' | 'PUT' | 'DELETE';
  /** The content; absent for DELETE, and for a version whose content was erased. */
  resource?: FhirResource;
};

/** Options of {@link historyBundle}. */
export type HistoryBundleOptions = {
  baseUrl: string;
  resourceType: string;
  id: string;
  /** The versions, newest first, as FHIR orders history. */
  versions: readonly HistoryVersion[];
};

/**
 * A `history` Bundle of one resource (the history-instance interaction): each version an entry
 * with `fullUrl`, the resource, `request` (method and url) and `response` (status, etag, location,
 * lastModified), and a self link to `<base>/<Type>/<id>/_history`.
 */
export function historyBundle({ baseUrl, resourceType, id, versions }: HistoryBundleOptions): Bundle {
  assertBaseUrl('baseUrl', baseUrl);
  if (!isResourceType(resourceType)) throw invalidArgument('"resourceType" is not an R4 resource type');
  if (!isFhirId(id)) throw invalidArgument('"id" is not a FHIR id');
  const entry = versions.map((version, i): BundleEntry => {
    if (!isFhirId(version.versionId)) throw invalidArgument(`"versions[${i}].versionId" is not a FHIR id`);
    if (!isFhirInstant(version.lastUpdated)) throw invalidArgument(`"versions[${i}].lastUpdated" is not an instant`);
    const out: BundleEntry = { fullUrl: `${baseUrl}/${resourceType}/${id}` };
    if (version.resource && version.method !== 'DELETE') out.resource = version.resource;
    out.request = { method: version.method, url: version.method === 'POST' ? resourceType : `${resourceType}/${id}` };
    out.response = {
      status: statusLine(version.method === 'POST' ? 201 : version.method === 'PUT' ? 200 : 204),
      etag: `W/"${version.versionId}"`,
      lastModified: version.lastUpdated,
    };
    if (version.method !== 'DELETE') out.response.location = `${resourceType}/${id}/_history/${version.versionId}`;
    return out;
  });
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'history',
    total: versions.length,
    link: [{ relation: 'self', url: `${baseUrl}/${resourceType}/${id}/_history` }],
  };
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}
