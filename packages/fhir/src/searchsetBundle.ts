import type { Bundle, BundleEntry, BundleLink, FhirResource, OperationOutcome } from 'fhir/r4.js';
import { assertBaseUrl, assertUint64, invalidArgument } from './assert.ts';
import type { SearchQuery } from './parseSearchQuery.ts';
import { isFhirId } from './primitives.ts';

/** Options of {@link searchsetBundle}. */
export type SearchsetBundleOptions = {
  /** The FHIR base of this gateway, e.g. `https://gw.example/fhir` (no trailing slash). */
  baseUrl: string;
  /** The parsed query (parseSearchQuery) the page answers. */
  query: SearchQuery;
  /** The page: at most `query.count` resources, each with an id, in the query's order. */
  resources: readonly FhirResource[];
  /** Matches in all pages. */
  total: number;
  /** Warnings to return with the page (e.g. parameters ignored under lenient handling). */
  outcome?: OperationOutcome;
};

function pageUrl(baseUrl: string, query: SearchQuery, offset: number): string {
  const params = new URLSearchParams(query.params);
  params.set('_count', String(query.count));
  if (offset > 0) params.set('_offset', String(offset));
  return `${baseUrl}/${query.resourceType}?${params.toString()}`;
}

/**
 * A `searchset` Bundle for one page of results: `total`, entries with `fullUrl` and
 * `search.mode` (`match`, and `outcome` for the optional OperationOutcome), and links `self`,
 * `first`, `previous`, `next` and `last` built from the base URL, the parameters used and
 * `_count`/`_offset`. With `_summary=count` it carries the total and the self link only.
 */
export function searchsetBundle({ baseUrl, query, resources, total, outcome }: SearchsetBundleOptions): Bundle {
  assertBaseUrl('baseUrl', baseUrl);
  assertUint64('total', total);
  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', total };
  const link: BundleLink[] = [{ relation: 'self', url: pageUrl(baseUrl, query, query.offset) }];
  if (query.summary === 'count') {
    bundle.link = link;
    return bundle;
  }
  if (resources.length > query.count) {
    throw invalidArgument(`"resources" has ${resources.length} entries, more than _count ${query.count}`);
  }
  if (query.count > 0) {
    link.push({ relation: 'first', url: pageUrl(baseUrl, query, 0) });
    if (query.offset > 0) link.push({ relation: 'previous', url: pageUrl(baseUrl, query, Math.max(0, query.offset - query.count)) });
    if (query.offset + query.count < total) link.push({ relation: 'next', url: pageUrl(baseUrl, query, query.offset + query.count) });
    const last = total === 0 ? 0 : Math.floor((total - 1) / query.count) * query.count;
    link.push({ relation: 'last', url: pageUrl(baseUrl, query, last) });
  }
  bundle.link = link;
  const entry: BundleEntry[] = resources.map((resource, i) => {
    if (!isFhirId(resource.id)) throw invalidArgument(`"resources[${i}]" has no valid id`);
    return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } };
  });
  if (outcome) entry.push({ resource: outcome, search: { mode: 'outcome' } });
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}
