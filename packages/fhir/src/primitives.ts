// The formats of the FHIR R4 primitive types the package checks, from the regexes the R4
// specification gives (datatypes.html), plus the calendar check those regexes cannot express.

/** FHIR `id`: a logical or version id. */
export const FHIR_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const DATE_RE = new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`);
const DATE_TIME_RE = new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`);
const INSTANT_RE = new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`);
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Whether the day of a `YYYY-MM-DD...` string exists in its month (the regexes allow 02-31). */
export function isCalendarDay(value: string): boolean {
  if (value.length < 10) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return day <= daysInMonth(year, month);
}

/** Days in `month` (1..12) of the proleptic Gregorian `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value` is a FHIR `id`. */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && FHIR_ID_PATTERN.test(value);
}

/** Whether `value` is a FHIR `date` (YYYY, YYYY-MM or YYYY-MM-DD) naming a real day. */
export function isFhirDate(value: unknown): value is string {
  return typeof value === 'string' && DATE_RE.test(value) && isCalendarDay(value);
}

/** Whether `value` is a FHIR `dateTime`: a date, or a full time with seconds and a zone. */
export function isFhirDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_RE.test(value) && isCalendarDay(value);
}

/** Whether `value` is a FHIR `instant`: a full dateTime to the second with a zone. */
export function isFhirInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT_RE.test(value) && isCalendarDay(value);
}

/** Whether `value` is `urn:uuid:` followed by an RFC 4122 textual UUID. */
export function isUrnUuid(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('urn:uuid:') && UUID_RE.test(value.slice(9));
}
