import type { FhirResource } from 'fhir/r4.js';
import { isObject } from './assert.ts';
import { FhirError } from './errors.ts';
import { isFhirId, isUrnUuid } from './primitives.ts';
import { isResourceType, type ResourceType } from './resourceTypes.ts';

/** The interactions a transaction or batch entry may ask for. */
export type TransactionMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One entry of a transaction or batch, validated. */
export type TransactionEntry = {
  /** Position in `Bundle.entry`: responses go back in this order. */
  index: number;
  method: TransactionMethod;
  /** `request.url` as given, relative to the base. */
  url: string;
  resourceType: ResourceType;
  /** PUT, DELETE, GET read and vread. */
  id?: string;
  /** GET vread (`Type/id/_history/vid`). */
  versionId?: string;
  /** GET search: the query after `?` (parse it with parseSearchQuery). */
  query?: string;
  /** POST and PUT only. */
  resource?: FhirResource;
  /** `urn:uuid:...` or an absolute URL, unique in the Bundle. */
  fullUrl?: string;
  /** `request.ifMatch` (a version-aware PUT or DELETE), e.g. `W/"3"`. */
  ifMatch?: string;
};

/** A transaction or batch Bundle, validated. */
export type ParsedTransactionBundle = { type: 'transaction' | 'batch'; entries: TransactionEntry[] };

/** Options of {@link parseTransactionBundle}. */
export type ParseTransactionBundleOptions = {
  /** Most entries accepted; default 1000 (a Synthea patient has at most about 120). */
  maxEntries?: number;
};

const URL_RE = /^([A-Z][A-Za-z]+)(?:\/([^/?]+)(?:\/_history\/([^/?]+))?)?(?:\?(.*))?$/;

const URL_FORMS: Readonly<Record<TransactionMethod, string>> = {
  POST: '<Type> (no conditional create)',
  PUT: '<Type>/<id> (no conditional update)',
  DELETE: '<Type>/<id> (no conditional delete)',
  GET: '<Type>/<id>, <Type>/<id>/_history/<vid>, <Type> or <Type>?<query>',
};

// The url forms each method takes (URL_RE already ties a version id to an id).
function urlFits(method: TransactionMethod, id: boolean, versionId: boolean, query: boolean): boolean {
  if (method === 'POST') return !id && !query;
  if (method === 'GET') return !(id && query);
  return id && !versionId && !query;
}

function invalid(path: string, what: string): FhirError {
  return new FhirError(`${path} ${what}`, { code: 'FHIR_INVALID_BUNDLE', expression: path });
}

function parseEntry(entry: unknown, index: number): TransactionEntry {
  const path = `Bundle.entry[${index}]`;
  if (!isObject(entry)) throw invalid(path, 'is not an object');
  const request = entry.request;
  if (!isObject(request)) throw invalid(`${path}.request`, 'is required in a transaction or batch');
  const method = request.method;
  if (method !== 'GET' && method !== 'POST' && method !== 'PUT' && method !== 'DELETE') {
    throw invalid(`${path}.request.method`, 'must be GET, POST, PUT or DELETE (HEAD and PATCH are not supported)');
  }
  for (const header of ['ifNoneExist', 'ifNoneMatch', 'ifModifiedSince']) {
    if (request[header] !== undefined) throw invalid(`${path}.request.${header}`, 'is not supported (no conditional interactions)');
  }
  const url = request.url;
  const match = typeof url === 'string' ? URL_RE.exec(url) : null;
  if (typeof url !== 'string' || !match) {
    throw invalid(`${path}.request.url`, 'must be a relative URL: <Type>, <Type>/<id>, <Type>?<query>');
  }
  const [, type, id, versionId, query] = match;
  if (!isResourceType(type)) throw invalid(`${path}.request.url`, 'does not start with an R4 resource type');
  if (id !== undefined && !isFhirId(id)) throw invalid(`${path}.request.url`, 'has an id that is not a FHIR id');
  if (versionId !== undefined && !isFhirId(versionId)) throw invalid(`${path}.request.url`, 'has a version id that is not a FHIR id');

  const out: TransactionEntry = { index, method, url, resourceType: type };
  if (!urlFits(method, id !== undefined, versionId !== undefined, query !== undefined)) {
    throw invalid(`${path}.request.url`, `must be ${URL_FORMS[method]} for ${method}`);
  }
  if (id !== undefined) out.id = id;
  if (versionId !== undefined) out.versionId = versionId;
  if (query !== undefined) out.query = query;

  const resource = entry.resource;
  if (method === 'POST' || method === 'PUT') {
    if (!isObject(resource)) throw invalid(`${path}.resource`, `is required for ${method}`);
    if (resource.resourceType !== type) throw invalid(`${path}.resource.resourceType`, 'differs from the type in request.url');
    if (method === 'PUT' && resource.id !== id) throw invalid(`${path}.resource.id`, 'must equal the id in request.url');
    out.resource = resource as unknown as FhirResource;
  } else if (resource !== undefined) {
    throw invalid(`${path}.resource`, `must be absent for ${method}`);
  }
  if (request.ifMatch !== undefined) {
    if (typeof request.ifMatch !== 'string' || (method !== 'PUT' && method !== 'DELETE')) {
      throw invalid(`${path}.request.ifMatch`, 'must be a string, on PUT or DELETE');
    }
    out.ifMatch = request.ifMatch;
  }
  const fullUrl = entry.fullUrl;
  if (fullUrl !== undefined) {
    if (typeof fullUrl !== 'string' || !(isUrnUuid(fullUrl) || /^https?:\/\/\S+$/.test(fullUrl))) {
      throw invalid(`${path}.fullUrl`, 'must be urn:uuid:<uuid> or an absolute http(s) URL');
    }
    out.fullUrl = fullUrl;
  }
  return out;
}

/**
 * Validates a `transaction` or `batch` Bundle (as parseResource returned it) and lists its
 * entries: every entry has a `request` whose method is GET, POST, PUT or DELETE and whose url
 * has the form that method needs; POST and PUT carry a resource of the url's type (PUT with the
 * url's id), GET and DELETE none; a fullUrl is `urn:uuid:<uuid>` or an absolute URL, never
 * repeated. Conditional interactions (ifNoneExist, `Type?query` writes) are refused. FHIR
 * processes a transaction in the order DELETE, POST, PUT, GET; entries keep their `index`
 * because the response lists results in request order.
 * @throws FhirError `FHIR_INVALID_BUNDLE` with the entry's expression, `FHIR_TOO_LARGE`
 */
export function parseTransactionBundle(
  bundle: unknown,
  { maxEntries = 1000 }: ParseTransactionBundleOptions = {},
): ParsedTransactionBundle {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw invalid('Bundle', 'expected a Bundle resource');
  const type = bundle.type;
  if (type !== 'transaction' && type !== 'batch') throw invalid('Bundle.type', 'must be transaction or batch');
  const raw = bundle.entry ?? [];
  if (!Array.isArray(raw)) throw invalid('Bundle.entry', 'must be an array');
  if (raw.length > maxEntries) {
    throw new FhirError(`Bundle has ${raw.length} entries, more than the limit of ${maxEntries}`, {
      code: 'FHIR_TOO_LARGE',
      expression: 'Bundle.entry',
    });
  }
  const entries = raw.map(parseEntry);
  const fullUrls = new Set<string>();
  for (const entry of entries) {
    if (entry.fullUrl === undefined) continue;
    if (fullUrls.has(entry.fullUrl)) {
      throw invalid(`Bundle.entry[${entry.index}].fullUrl`, 'repeats the fullUrl of an earlier entry');
    }
    fullUrls.add(entry.fullUrl);
  }
  return { type, entries };
}
