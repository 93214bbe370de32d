import { isCalendarDay } from './primitives.ts';

/**
 * The instants a FHIR date or dateTime stands for, as inclusive epoch milliseconds: FHIR search
 * treats every value as a range set by its precision ("2013" is all of 2013). The ends of a
 * dateRange are safe integers; a Period's open end is -Infinity or Infinity (periodRange).
 */
export type DateRange = { start: number; end: number };

/** Options of {@link dateRange}. */
export type DateRangeOptions = {
  /**
   * Accept the looser forms of search values: a time without seconds (`2013-01-14T10:00`, the
   * whole minute) and a time without a zone. Resource content needs seconds and a zone.
   */
  search?: boolean;
};

const DATE_TIME_PARTS =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (minutes > 59 || hours > 14 || (hours === 14 && minutes !== 0)) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * The inclusive instant range of a FHIR `date` or `dateTime` of any precision: a year, a month, a
 * day, a second, or a fraction (`.5` is 500..599 ms; digits past milliseconds are truncated).
 * A value without a time has no zone and is read as UTC, the gateway's zone.
 * @returns undefined when `value` is not a valid date or dateTime (including Feb 30, month 13,
 * 24:00, year 0000, a zone past +-14:00)
 */
export function dateRange(value: string, { search = false }: DateRangeOptions = {}): DateRange | undefined {
  const m = DATE_TIME_PARTS.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (year === 0) return undefined;
  if (mo === undefined) return { start: utc(year, 1, 1), end: utc(year + 1, 1, 1) - 1 };
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { start: utc(year, month, 1), end: utc(year, month + 1, 1) - 1 };
  const day = Number(d);
  if (day < 1 || !isCalendarDay(value)) return undefined;
  if (h === undefined) return { start: utc(year, month, day), end: utc(year, month, day + 1) - 1 };
  if (!search && (s === undefined || zone === undefined)) return undefined;
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const offset = zoneOffsetMs(zone);
  if (hour > 23 || minute > 59 || second > 60 || offset === undefined) return undefined;
  const base = utc(year, month, day, hour, minute, second) - offset;
  if (s === undefined) return { start: base, end: base + 59_999 };
  if (frac === undefined) return { start: base, end: base + 999 };
  const digits = Math.min(frac.length, 3);
  const start = base + Number(frac.slice(0, 3).padEnd(3, '0'));
  return { start, end: start + 10 ** (3 - digits) - 1 };
}

/**
 * The range of a FHIR Period: from its start's range start to its end's range end; a missing
 * end is open (ongoing: Infinity) and a missing start open too (-Infinity).
 * @returns undefined when neither bound is a valid dateTime, a bound is invalid, or start > end
 */
export function periodRange(period: { start?: unknown; end?: unknown }): DateRange | undefined {
  const hasStart = period.start !== undefined;
  const hasEnd = period.end !== undefined;
  if (!hasStart && !hasEnd) return undefined;
  const start = hasStart ? (typeof period.start === 'string' ? dateRange(period.start) : undefined) : undefined;
  const end = hasEnd ? (typeof period.end === 'string' ? dateRange(period.end) : undefined) : undefined;
  if ((hasStart && !start) || (hasEnd && !end)) return undefined;
  const range = { start: start?.start ?? -Infinity, end: end?.end ?? Infinity };
  return range.start <= range.end ? range : undefined;
}
