// PostgreSQL's text form of timestamptz ("2024-01-05 10:00:00.123456+00", "...+05:30") made into
// the ISO string both drivers return, so callers never see a driver's own Date handling.
const OFFSET = /([+-]\d\d)(?::?(\d\d))?(?::?(\d\d))?$/

/** Parses PostgreSQL's timestamptz output into an ISO string (UTC, ms); other values pass through. */
export function parseTimestamptz(text: string): string {
  const iso = text.replace(' ', 'T').replace(OFFSET, (_, hours: string, minutes?: string) => `${hours}:${minutes ?? '00'}`)
  const time = Date.parse(iso)
  return Number.isNaN(time) ? text : new Date(time).toISOString()
}

/** PostgreSQL type OIDs the drivers parse the same way. */
export const PG_TYPES = { INT8: 20, NUMERIC: 1700, TIMESTAMPTZ: 1184 } as const
