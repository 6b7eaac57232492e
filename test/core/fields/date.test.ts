import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, isLeapYear, parseDate } from '../../../src/core/fields/date.js';

function iso(text: string): string {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${parsed.expected}`);
  return parsed.value;
}

function failure(text: string): { expected: string; hint?: string } {
  const parsed = parseDate(text);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${parsed.value}`);
  return parsed;
}

const pad = (v: number): string => String(v).padStart(2, '0');

// Oracle for "does this date exist": the platform calendar rolls an impossible day over into the
// next month, so the day it reports back differs.
function exists(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe('parseDate', () => {
  it.each([
    ['2022-03-15', '2022-03-15'],
    ['2022-3-5', '2022-03-05'],
    ['15-03-2022', '2022-03-15'],
    ['5-3-2022', '2022-03-05'],
    ['05-3-2022', '2022-03-05'],
    ['15/03/2022', '2022-03-15'],
    ['5/3/2022', '2022-03-05'],
    ['31-12-2021', '2021-12-31'],
    ['01-01-1900', '1900-01-01'],
    ['31-12-2100', '2100-12-31'],
    ['  15-03-2022  ', '2022-03-15'],
    // A time Excel sometimes appends is ignored.
    ['15-03-2022 00:00', '2022-03-15'],
    ['15-03-2022 0:00', '2022-03-15'],
    ['15-03-2022  23:59:59', '2022-03-15'],
    ['15/03/2022 12:30', '2022-03-15'],
    ['2022-03-15T00:00:00', '2022-03-15'],
    ['2022-03-15t00:00', '2022-03-15'],
    ['2022-03-15T00:00:00.000', '2022-03-15'],
    ['2022-03-15 00:00:00', '2022-03-15'],
  ])('reads %j as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['29-02-2000', true], // divisible by 400
    ['29-02-2024', true],
    ['29-02-1904', true],
    ['29-02-1900', false], // divisible by 100, not by 400
    ['29-02-2100', false],
    ['29-02-2023', false],
    ['2023-02-29', false],
    ['30-02-2024', false],
    ['31-04-2022', false],
    ['31-06-2022', false],
    ['31-09-2022', false],
    ['31-11-2022', false],
    ['31-02-2022', false],
    ['00-01-2022', false],
    ['32-01-2022', false],
    ['31-01-2022', true],
    ['30-04-2022', true],
  ])('knows whether %j exists (%s)', (text, ok) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(ok);
    if (!parsed.ok) expect(parsed.expected).toMatch(/bestaande datum/);
  });

  it('refuses a month outside 1-12, suggesting a swap when the day could be a month', () => {
    expect(failure('15-13-2022').expected).toMatch(/bestaande datum/);
    expect(failure('03/15/2022').hint).toMatch(/dag en maand/);
    expect(failure('2022-13-01').hint).not.toMatch(/omgedraaid/);
    expect(failure('2022-00-01').expected).toMatch(/bestaande datum/);
    expect(failure('15-00-2022').hint).not.toMatch(/omgedraaid/);
  });

  it.each(['31-12-1899', '01-01-2101', '1899-12-31', '2101-01-01', '15-03-0022', '15-03-9999'])(
    'refuses the year of %j',
    (text) => {
      expect(failure(text).expected).toMatch(/1900 tot en met 2100/);
    },
  );

  it('asks for a four-digit year when it gets two', () => {
    expect(failure('15-03-22').hint).toMatch(/vier cijfers/);
    expect(failure('15/03/22').hint).toMatch(/vier cijfers/);
  });

  it('recognises an Excel serial number or compact date and says how to fix it', () => {
    expect(failure('44635').hint).toMatch(/Excel/);
    expect(failure('20220315').hint).toMatch(/Excel/);
  });

  it('refuses a time with a zone, because ignoring it could shift the day', () => {
    expect(failure('2022-03-14T23:00:00Z').hint).toMatch(/tijdzone/);
    expect(failure('2022-03-15T00:00:00+01:00').hint).toMatch(/tijdzone/);
    expect(failure('2022-03-15T00:00:00.000-05:00').hint).toMatch(/tijdzone/);
  });

  it.each([
    'abc',
    '15-03',
    '15 03 2022',
    '15.03.2022',
    '15-03/2022', // mixed separators
    '2022/03/15',
    '2022-03',
    '2022-03-',
    '2022-003-15',
    '2022-03-015',
    '123-03-2022',
    '15-03-20222',
    '15-03-2022 foo',
    '15-03-2022 12',
    '15-03-2022 12:3',
    '15-03-2022 12:30:5',
    '15-03-2022 12:30:00.',
    '15-03-2022T',
    '15-03-2022 00:00 uur',
    '2022-03-15X00:00',
    '22-03-15',
    '-15-03-2022',
    '15--03-2022',
  ])('refuses the shape of %j', (text) => {
    expect(failure(text).expected).toMatch(/datum/);
  });

  it('reads every existing date 1900-2100 in every accepted shape', () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2100, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: min / 86_400_000, max: max / 86_400_000 }), (dayNumber) => {
        const date = new Date(dayNumber * 86_400_000);
        const expected = date.toISOString().slice(0, 10);
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const shapes = [
          `${y}-${pad(m)}-${pad(d)}`,
          `${pad(d)}-${pad(m)}-${y}`,
          `${d}-${m}-${y}`,
          `${pad(d)}/${pad(m)}/${y}`,
          `${d}/${m}/${y}`,
          `${pad(d)}-${pad(m)}-${y} 00:00`,
          `${y}-${pad(m)}-${pad(d)}T00:00:00`,
        ];
        for (const shape of shapes) expect(iso(shape)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts a day-month-year triple exactly when the calendar has that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          expect(parseDate(`${pad(d)}-${pad(m)}-${y}`).ok).toBe(exists(y, m, d));
          expect(parseDate(`${y}-${pad(m)}-${pad(d)}`).ok).toBe(exists(y, m, d));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('isLeapYear and daysInMonth', () => {
  it('agree with the platform calendar for every month 1900-2100', () => {
    for (let y = 1900; y <= 2100; y++) {
      expect(isLeapYear(y)).toBe(exists(y, 2, 29));
      for (let m = 1; m <= 12; m++) {
        // Day 0 of the next month is the last day of this one.
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }
    }
  });
});
