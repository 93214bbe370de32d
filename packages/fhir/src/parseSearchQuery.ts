import { invalidArgument, isObject } from './assert.ts';
import { FhirError } from './errors.ts';
import { isResourceType, type ResourceType } from './resourceTypes.ts';
import { SEARCH_PARAM_TYPES, type SearchParamName, searchParamsOf } from './searchParamDefinitions.ts';
import {
  type DateValue,
  type QuantityValue,
  type TokenValue,
  parseDate,
  parsePatientReference,
  parseQuantity,
  parseSubjectReference,
  parseToken,
  splitEscaped,
} from './searchValues.ts';

/** One search condition: it holds if any of its values matches (values are ORed). */
export type SearchCondition =
  | { name: 'patient' | 'subject'; type: 'reference'; values: string[] }
  | { name: '_id' | 'code' | 'status' | 'category' | 'component-code'; type: 'token'; values: TokenValue[] }
  | { name: 'date' | '_lastUpdated'; type: 'date'; values: DateValue[] }
  | { name: 'value-quantity'; type: 'quantity'; values: QuantityValue[] };

/** A `_sort` key. */
export type SortKey = { param: 'date' | '_lastUpdated'; descending: boolean };

/** A parsed FHIR search of one resource type. */
export type SearchQuery = {
  resourceType: ResourceType;
  /** ANDed: a resource matches when every condition holds (a repeated parameter is two). */
  conditions: SearchCondition[];
  /** Page size, after the default and the cap. */
  count: number;
  /** Entries skipped, from `_offset` or `_page` (1-based) times count. */
  offset: number;
  sort: SortKey[];
  /** `_summary=count`: answer with the total only. */
  summary?: 'count';
  /**
   * The search parameters used, with `_sort` and `_summary`, as [name, raw value] in request
   * order: the base of paging links, which add `_count` and `_offset`.
   */
  params: [string, string][];
  /** Parameter names ignored under lenient handling; FHIR says the self link leaves them out. */
  ignored: string[];
};

/** What {@link parseSearchQuery} accepts: URLSearchParams, [name, value] pairs, or Fastify's query object. */
export type SearchQueryInput =
  | URLSearchParams
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link parseSearchQuery}. */
export type ParseSearchQueryOptions = {
  /** `strict` (default) refuses unknown parameters; `lenient` (`Prefer: handling=lenient`) ignores them. */
  handling?: 'strict' | 'lenient';
  /** Page size without `_count`; default 50. */
  defaultCount?: number;
  /** Largest page size; a larger `_count` is lowered to it, as FHIR allows; default 1000. */
  maxCount?: number;
};

/** Bounds on a query, so one request cannot ask the index for unbounded work. */
export const SEARCH_QUERY_LIMITS = { maxConditions: 32, maxValues: 100 } as const;

const FORMATS = ['json', 'application/json', 'application/fhir+json'];
// Result parameters, each allowed once; paging ones stay out of `params` (links set their own).
const CONTROLS = ['_count', '_offset', '_page', '_format', '_sort', '_summary'];

function invalid(name: string, what: string): FhirError {
  return new FhirError(`Search parameter "${name}": ${what}`, { code: 'FHIR_INVALID_SEARCH_PARAM', expression: name });
}

function entriesOf(query: SearchQueryInput): [string, string][] {
  if (query instanceof URLSearchParams || Symbol.iterator in query) {
    return [...(query as Iterable<readonly [string, string]>)].map(([name, value]) => [name, value]);
  }
  if (!isObject(query)) throw invalidArgument('"query" expected URLSearchParams, pairs or an object');
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string') entries.push([name, value]);
    else if (Array.isArray(value)) for (const item of value) entries.push([name, String(item)]);
  }
  return entries;
}

function nonNegativeInteger(name: string, value: string, min = 0): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < min) throw invalid(name, `expected an integer >= ${min}`);
  return Number(value);
}

function condition(name: SearchParamName, raw: string): SearchCondition {
  const parts = splitEscaped(raw, ',', name);
  if (parts.length > SEARCH_QUERY_LIMITS.maxValues) throw invalid(name, `more than ${SEARCH_QUERY_LIMITS.maxValues} values`);
  switch (SEARCH_PARAM_TYPES[name]) {
    case 'reference':
      return {
        name: name as 'patient' | 'subject',
        type: 'reference',
        values: parts.map((part) => (name === 'patient' ? parsePatientReference(part, name) : parseSubjectReference(part, name))),
      };
    case 'token':
      return { name: name as '_id', type: 'token', values: parts.map((part) => parseToken(part, name)) };
    case 'date':
      return { name: name as 'date', type: 'date', values: parts.map((part) => parseDate(part, name)) };
    case 'quantity':
      return { name: 'value-quantity', type: 'quantity', values: parts.map((part) => parseQuantity(part, name)) };
  }
}

/**
 * Parses the query of a FHIR search on `resourceType` into typed conditions and result
 * controls: the parameters of searchParamsOf(resourceType) (patient, subject, code, date,
 * status, category, value-quantity, component-code, _id, _lastUpdated), `_count` (default 50,
 * lowered to 1000), `_offset` or `_page`, `_sort` (date, -date, _lastUpdated, -_lastUpdated),
 * `_summary=count` and `_format=json`. Empty values are ignored, as FHIR says. A parameter
 * with a modifier (`code:text`) or a chain (`subject.name`) is unsupported.
 * @throws FhirError `FHIR_UNSUPPORTED_TYPE`, `FHIR_UNSUPPORTED_SEARCH_PARAM` (strict handling),
 * `FHIR_INVALID_SEARCH_PARAM`, `FHIR_NOT_ACCEPTABLE` (a `_format` other than JSON)
 */
export function parseSearchQuery(
  resourceType: string,
  query: SearchQueryInput,
  options: ParseSearchQueryOptions = {},
): SearchQuery {
  const { handling = 'strict', defaultCount = 50, maxCount = 1000 } = options;
  if (!isResourceType(resourceType)) {
    throw new FhirError('"resourceType" is not an R4 resource type', { code: 'FHIR_UNSUPPORTED_TYPE' });
  }
  const supported = new Set<string>(searchParamsOf(resourceType));
  const result: SearchQuery = { resourceType, conditions: [], count: defaultCount, offset: 0, sort: [], params: [], ignored: [] };
  const controls = new Set<string>();
  let page: number | undefined;

  for (const [name, value] of entriesOf(query)) {
    if (value === '') continue;
    if (CONTROLS.includes(name)) {
      if (controls.has(name)) throw invalid(name, 'given more than once');
      controls.add(name);
    }
    switch (name) {
      case '_count':
        result.count = Math.min(nonNegativeInteger(name, value), maxCount);
        continue;
      case '_offset':
        result.offset = nonNegativeInteger(name, value);
        continue;
      case '_page':
        page = nonNegativeInteger(name, value, 1);
        continue;
      case '_format':
        if (!FORMATS.includes(value)) {
          throw new FhirError('Only JSON is served (_format=json)', { code: 'FHIR_NOT_ACCEPTABLE', expression: name });
        }
        continue;
      case '_sort':
        result.sort = value.split(',').map((key) => {
          const param = key.replace(/^-/, '');
          if ((param !== 'date' || !supported.has('date')) && param !== '_lastUpdated') throw invalid(name, 'unsupported sort key');
          return { param: param as SortKey['param'], descending: key.startsWith('-') };
        });
        if (new Set(result.sort.map((key) => key.param)).size !== result.sort.length) throw invalid(name, 'a key is repeated');
        break;
      case '_summary':
        if (value !== 'count' && value !== 'false') throw invalid(name, 'only count and false are supported');
        if (value === 'count') result.summary = 'count';
        break;
      default:
        if (!supported.has(name)) {
          if (handling === 'lenient') {
            result.ignored.push(name);
            continue;
          }
          throw new FhirError(`Search parameter "${name}" is not supported for ${resourceType}`, {
            code: 'FHIR_UNSUPPORTED_SEARCH_PARAM',
            expression: name,
          });
        }
        if (result.conditions.length >= SEARCH_QUERY_LIMITS.maxConditions) {
          throw invalid(name, `more than ${SEARCH_QUERY_LIMITS.maxConditions} search parameters`);
        }
        result.conditions.push(condition(name as SearchParamName, value));
    }
    result.params.push([name, value]);
  }
  if (page !== undefined) {
    if (controls.has('_offset')) throw invalid('_page', '_page and _offset are exclusive');
    result.offset = (page - 1) * result.count;
    if (!Number.isSafeInteger(result.offset)) throw invalid('_page', 'too large');
  }
  return result;
}
