import type { DateRange } from './dateRange.ts';

/** The date search prefixes supported (FHIR R4 search 3.1.1.4.x; `ap` is not). */
export const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;

/** A date search prefix of {@link DATE_PREFIXES}. */
export type DatePrefix = (typeof DATE_PREFIXES)[number];

/**
 * Whether a resource date `target` matches a search value `search` under `prefix`, with the
 * range semantics of FHIR R4 search: both are ranges set by their precision, and
 * - eq: the search range contains the target range; ne: it does not;
 * - gt / lt: the target reaches past the end / before the start of the search range;
 * - ge / le: gt / lt, or eq;
 * - sa / eb: the target starts after the end / ends before the start of the search range.
 * This is the reference semantics; an index translating it to SQL must agree with it.
 */
export function matchesDate(prefix: DatePrefix, search: DateRange, target: DateRange): boolean {
  const contained = target.start >= search.start && target.end <= search.end;
  switch (prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return target.end > search.end;
    case 'lt':
      return target.start < search.start;
    case 'ge':
      return target.end > search.end || contained;
    case 'le':
      return target.start < search.start || contained;
    case 'sa':
      return target.start > search.end;
    case 'eb':
      return target.end < search.start;
  }
}
