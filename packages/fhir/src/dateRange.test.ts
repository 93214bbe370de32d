import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dateRange, periodRange } from './dateRange.ts';
import { DATE_PREFIXES, matchesDate } from './matchesDate.ts';
import { isFhirDate, isFhirDateTime, isFhirInstant } from './primitives.ts';

const ms = (iso: string) => Date.parse(iso);

describe('dateRange', () => {
  it('spans the whole unit of each precision', () => {
    const vectors: [string, string, string][] = [
      ['2013', '2013-01-01T00:00:00.000Z', '2013-12-31T23:59:59.999Z'],
      ['2012-02', '2012-02-01T00:00:00.000Z', '2012-02-29T23:59:59.999Z'],
      ['2013-01-14', '2013-01-14T00:00:00.000Z', '2013-01-14T23:59:59.999Z'],
      ['2013-01-14T10:00:00Z', '2013-01-14T10:00:00.000Z', '2013-01-14T10:00:00.999Z'],
      ['2013-01-14T10:00:00+05:30', '2013-01-14T04:30:00.000Z', '2013-01-14T04:30:00.999Z'],
      ['2013-01-14T10:00:00.5-01:00', '2013-01-14T11:00:00.500Z', '2013-01-14T11:00:00.599Z'],
      ['2013-01-14T10:00:00.12345Z', '2013-01-14T10:00:00.123Z', '2013-01-14T10:00:00.123Z'],
      ['2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z', '2017-01-01T00:00:00.999Z'],
    ];
    for (const [value, start, end] of vectors) assert.deepEqual(dateRange(value), { start: ms(start), end: ms(end) }, value);
    assert.equal(dateRange('0099')?.start, ms('0099-01-01T00:00:00Z'), 'two-digit years are not 19xx');
  });

  it('accepts minutes and zone-less times in search values only', () => {
    assert.equal(dateRange('2013-01-14T10:00'), undefined);
    assert.equal(dateRange('2013-01-14T10:00:00'), undefined);
    assert.deepEqual(dateRange('2013-01-14T10:00', { search: true }), { start: ms('2013-01-14T10:00Z'), end: ms('2013-01-14T10:00:59.999Z') });
    assert.deepEqual(dateRange('2013-01-14T10:00:00', { search: true }), { start: ms('2013-01-14T10:00Z'), end: ms('2013-01-14T10:00:00.999Z') });
  });

  it('refuses impossible dates and zones', () => {
    for (const bad of ['0000', '2013-13', '2013-00', '2013-02-29', '2013-04-31', '2013-01-14T24:00:00Z', '2013-01-14T10:00:00+15:00', '2013-1-14', '13-01-14', '2013-01-14T10:00:00.Z', '']) {
      assert.equal(dateRange(bad), undefined, bad);
      assert.equal(isFhirDateTime(bad), false, bad);
    }
  });

  it('agrees with the FHIR regexes on generated values, and nests precisions', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const dateTime = fc
      .record({
        y: fc.integer({ min: 1, max: 9999 }),
        mo: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
        h: fc.integer({ min: 0, max: 23 }),
        mi: fc.integer({ min: 0, max: 59 }),
        s: fc.integer({ min: 0, max: 59 }),
        frac: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
        zone: fc.constantFrom('Z', '+00:00', '-05:00', '+14:00', '+05:30', '-13:59'),
      })
      .map(({ y, mo, d, h, mi, s, frac, zone }) => {
        const day = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
        return { year: pad(y, 4), month: day.slice(0, 7), day, full: `${day}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac ? `.${frac}` : ''}${zone}` };
      });
    fc.assert(
      fc.property(dateTime, ({ year, month, day, full }) => {
        const ranges = [year, month, day].map((value) => dateRange(value));
        assert.equal(ranges[2] !== undefined, isFhirDate(day));
        assert.equal(dateRange(full) !== undefined, isFhirInstant(full));
        if (ranges[2] === undefined) return;
        const [y, m, d] = ranges as [NonNullable<(typeof ranges)[0]>, NonNullable<(typeof ranges)[0]>, NonNullable<(typeof ranges)[0]>];
        assert.ok(y.start <= m.start && m.start <= d.start && d.end <= m.end && m.end <= y.end);
        const t = dateRange(full);
        assert.ok(t && t.start <= t.end && t.end - t.start < 1000);
        if (full.endsWith('Z') || full.endsWith('+00:00')) assert.ok(d.start <= t.start && t.end <= d.end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('periodRange', () => {
  it('opens missing ends and refuses start after end', () => {
    assert.deepEqual(periodRange({ start: '2013', end: '2014-06' }), { start: ms('2013-01-01Z'), end: ms('2014-06-30T23:59:59.999Z') });
    assert.equal(periodRange({ start: '2013' })?.end, Infinity);
    assert.equal(periodRange({ end: '2013' })?.start, -Infinity);
    assert.equal(periodRange({ start: '2014', end: '2013' }), undefined);
    assert.equal(periodRange({ start: '2013', end: 'soon' }), undefined);
    assert.equal(periodRange({}), undefined);
  });
});

describe('matchesDate', () => {
  const range = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 200 })).map(([start, width]) => ({ start, end: start + width }));

  it('follows the FHIR prefix semantics, checked instant by instant', () => {
    fc.assert(
      fc.property(range, range, (search, target) => {
        const instants = Array.from({ length: target.end - target.start + 1 }, (_, i) => target.start + i);
        const above = instants.some((t) => t > search.end);
        const below = instants.some((t) => t < search.start);
        const contained = !above && !below;
        const expected = {
          eq: contained,
          ne: !contained,
          gt: above,
          lt: below,
          ge: above || contained,
          le: below || contained,
          sa: instants.every((t) => t > search.end),
          eb: instants.every((t) => t < search.start),
        };
        for (const prefix of DATE_PREFIXES) assert.equal(matchesDate(prefix, search, target), expected[prefix], prefix);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the search spec example: 2013-01-14 is within 2013 but not after it', () => {
    const day = dateRange('2013-01-14')!;
    const year = dateRange('2013')!;
    assert.equal(matchesDate('eq', year, day), true);
    assert.equal(matchesDate('gt', year, day), false);
    assert.equal(matchesDate('ge', dateRange('2013-01-14T00:00:00Z')!, day), true);
    assert.equal(matchesDate('sa', dateRange('2012')!, day), true);
  });
});
