import { dateRange } from './dateRange.ts';
import { FhirError } from './errors.ts';
import { DATE_PREFIXES, type DatePrefix } from './matchesDate.ts';
import { parseReference } from './parseReference.ts';
import { isFhirId } from './primitives.ts';

// Parsers of one search parameter value each (the part between commas), FHIR R4 search syntax.

/** A token value: `code` (any system), `system|code`, `|code` (system `''`: no system), `system|` (any code). */
export type TokenValue = { system?: string; code?: string };

/** A date value: its prefix and the range its precision gives (dateRange.ts). */
export type DateValue = { prefix: DatePrefix; start: number; end: number };

/** The prefixes a quantity accepts: those of a date but `sa` and `eb`. */
export type QuantityPrefix = Exclude<DatePrefix, 'sa' | 'eb'>;

/**
 * A quantity value `[prefix]number[|system|code]`. `low`..`high` is the range the number's
 * precision implies (`5.4` is 5.35 inclusive to 5.45 exclusive), which `eq` and `ne` use.
 */
export type QuantityValue = { prefix: QuantityPrefix; value: number; low: number; high: number; system?: string; code?: string };

function invalid(name: string, what: string): FhirError {
  return new FhirError(`Search parameter "${name}": ${what}`, { code: 'FHIR_INVALID_SEARCH_PARAM', expression: name });
}

/** Splits on `separator` where it is not escaped by `\`, and unescapes `\,` `\|` `\$` `\\`. */
export function splitEscaped(value: string, separator: ',' | '|', name: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') {
      const next = value[i + 1];
      if (next !== ',' && next !== '|' && next !== '$' && next !== '\\') throw invalid(name, 'a \\ escapes only , | $ or \\');
      current += c + next;
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return separator === '|' ? parts.map((part) => part.replace(/\\([,|$\\])/g, '$1')) : parts;
}

/** Parses a token value. */
export function parseToken(value: string, name: string): TokenValue {
  const parts = splitEscaped(value, '|', name);
  if (parts.length > 2) throw invalid(name, 'a token has at most one unescaped |');
  if (parts.length === 1) {
    if (parts[0] === '') throw invalid(name, 'empty token');
    return { code: parts[0] as string };
  }
  const [system, code] = parts as [string, string];
  if (system === '' && code === '') throw invalid(name, 'empty token');
  return code === '' ? { system } : { system, code };
}

/** Parses a `patient` value (`Patient/id`, an absolute URL to one, or a bare id) into the id. */
export function parsePatientReference(value: string, name: string): string {
  if (isFhirId(value)) return value;
  const target = parseReference(value);
  if (!target || target.resourceType !== 'Patient') throw invalid(name, 'expected a Patient id or Patient/<id>');
  return target.id;
}

/** Parses a `subject` value into `Type/id`; a bare id means a Patient. */
export function parseSubjectReference(value: string, name: string): string {
  if (isFhirId(value)) return `Patient/${value}`;
  const target = parseReference(value);
  if (!target) throw invalid(name, 'expected <Type>/<id> or a Patient id');
  return `${target.resourceType}/${target.id}`;
}

function splitPrefix(value: string): [DatePrefix | undefined, string] {
  const prefix = value.slice(0, 2);
  return /^[a-z]{2}$/.test(prefix) ? [prefix as DatePrefix, value.slice(2)] : [undefined, value];
}

/**
 * Parses a date value: `[prefix]` then a date or dateTime of any precision, seconds and zone
 * optional (the zone defaults to UTC). A `+` of the zone that form decoding turned into a
 * space is taken back.
 */
export function parseDate(value: string, name: string): DateValue {
  const [prefix = 'eq', rest] = splitPrefix(value);
  if (!(DATE_PREFIXES as readonly string[]).includes(prefix)) throw invalid(name, `prefix ${prefix} is not supported`);
  const range = dateRange(rest.replace(/ (\d{2}:\d{2})$/, '+$1'), { search: true });
  if (!range) throw invalid(name, 'expected [prefix]YYYY[-MM[-DD[Thh:mm[:ss[.sss]][zone]]]]');
  return { prefix, start: range.start, end: range.end };
}

const NUMBER_RE = /^[+-]?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Parses a quantity value `[prefix]number[|system|code]`. */
export function parseQuantity(value: string, name: string): QuantityValue {
  const [prefix = 'eq', rest] = splitPrefix(value);
  if (!['eq', 'ne', 'gt', 'lt', 'ge', 'le'].includes(prefix)) throw invalid(name, `prefix ${prefix} is not supported for a quantity`);
  const parts = splitEscaped(rest, '|', name);
  if (parts.length !== 1 && parts.length !== 3) throw invalid(name, 'expected [prefix]number or [prefix]number|system|code');
  const [text = '', system, code] = parts;
  const match = NUMBER_RE.exec(text);
  const number = Number(text);
  if (!match || !Number.isFinite(number)) throw invalid(name, 'expected a decimal number');
  // The implied precision is half a unit of the last digit given (FHIR number search).
  const digits = (match[2]?.length ?? 0) - Number(match[3] ?? 0);
  const half = 0.5 * 10 ** -digits;
  const quantity: QuantityValue = { prefix: prefix as QuantityPrefix, value: number, low: number - half, high: number + half };
  if (system) quantity.system = system;
  if (code) quantity.code = code;
  return quantity;
}
