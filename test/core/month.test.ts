import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MONTH_NAMES_NL,
  addMonths,
  describeMonth,
  isMonth,
  monthFromFileName,
  monthFromIndex,
  monthIndex,
  monthOfDate,
  monthsBetween,
  parseMonthOption,
} from '../../src/core/month.js';

const pad = (v: number): string => String(v).padStart(2, '0');
const monthArb = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${pad(m)}`);

describe('isMonth', () => {
  it.each(['2022-03', '1900-01', '2100-12', '2021-10'])('accepts %j', (text) => {
    expect(isMonth(text)).toBe(true);
  });

  it.each(['2022-3', '2022-00', '2022-13', '1899-12', '2101-01', '2022/03', '22-03', '2022-03-01', ' 2022-03', '2022-0a', 'abcd-ef', ''])(
    'refuses %j',
    (text) => {
      expect(isMonth(text)).toBe(false);
    },
  );
});

describe('parseMonthOption', () => {
  it.each([
    ['2022-03', '2022-03'],
    ['2022-3', '2022-03'],
    ['2022-12', '2022-12'],
    [' 2022-03 ', '2022-03'],
    ['1900-1', '1900-01'],
  ])('reads %j as %s', (text, month) => {
    expect(parseMonthOption(text)).toEqual({ ok: true, value: month });
  });

  it.each(['2022-13', '2022-0', '2022-00', '1899-12', '2101-01', '2022', '2022-', '2022/03', '202203', 'maart', '2022-003', '2022-1a'])(
    'refuses %j',
    (text) => {
      const parsed = parseMonthOption(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.expected).toMatch(/JJJJ-MM/);
    },
  );

  it('suggests year-first order for 03-2022', () => {
    const parsed = parseMonthOption('03-2022');
    expect(parsed.ok || parsed.hint).toMatch(/eerst het jaar/);
    const short = parseMonthOption('3-2022');
    expect(short.ok || short.hint).toMatch(/eerst het jaar/);
  });
});

describe('monthIndex and monthFromIndex', () => {
  it('counts months from year zero', () => {
    expect(monthIndex('2022-01')).toBe(2022 * 12);
    expect(monthIndex('2022-03')).toBe(2022 * 12 + 2);
    expect(monthIndex('2021-12') + 1).toBe(monthIndex('2022-01'));
    expect(monthFromIndex(2022 * 12 + 11)).toBe('2022-12');
  });

  it('round-trip, and order months as their text sorts', () => {
    fc.assert(
      fc.property(monthArb, monthArb, (a, b) => {
        expect(monthFromIndex(monthIndex(a))).toBe(a);
        expect(Math.sign(monthIndex(a) - monthIndex(b))).toBe(Math.sign(a.localeCompare(b)));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 12, max: 2101 * 12 - 1 }), (i) => {
        const month = monthFromIndex(i);
        expect(isMonth(month)).toBe(true);
        expect(monthIndex(month)).toBe(i);
      }),
    );
  });

  it('throw on a value that is not a month: a bug, not user input', () => {
    expect(() => monthIndex('2022-13')).toThrow(RangeError);
    expect(() => monthIndex('2022-3')).toThrow(RangeError);
    expect(() => monthFromIndex(1.5)).toThrow(RangeError);
    expect(() => monthFromIndex(1900 * 12 - 1)).toThrow(RangeError);
    expect(() => monthFromIndex(2101 * 12)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2022-03', 1, '2022-04'],
    ['2022-12', 1, '2023-01'],
    ['2022-01', -1, '2021-12'],
    ['2022-03', -6, '2021-09'],
    ['2022-03', 0, '2022-03'],
    ['2021-05', 24, '2023-05'],
  ])('%s + %i = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('agrees with the platform calendar', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: -600, max: 600 }), (month, n) => {
        const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 1 + n, 1));
        fc.pre(d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2100);
        expect(addMonths(month, n)).toBe(d.toISOString().slice(0, 7));
      }),
    );
  });
});

describe('monthOfDate', () => {
  it('takes the year and month of an ISO date', () => {
    expect(monthOfDate('2022-03-15')).toBe('2022-03');
    expect(monthOfDate('2021-12-31')).toBe('2021-12');
  });
});

describe('monthFromFileName', () => {
  it.each([
    ['lijsten/vroegeropaf-2022-03.csv', '2022-03'],
    ['vroegeropaf-2022-03.csv', '2022-03'],
    ['vroegeropaf_2022_03.csv', '2022-03'],
    ['2022-03 vroegsignalen.xlsx.csv', '2022-03'],
    ['C:\\Users\\wmo\\Downloads\\signalen 2022_11.csv', '2022-11'],
    ['signalen-2022-03-15.csv', '2022-03'], // a full date still names one month
    ['2022-03 kopie van 2022-03.csv', '2022-03'], // the same month twice is no conflict
    ['lijst-2022-20-2022-04.csv', '2022-04'], // an invalid candidate does not hide a valid one
    ['2021/lijst-2022-03.csv', '2022-03'],
  ])('finds the month in %j', (name, month) => {
    expect(monthFromFileName(name)).toBe(month);
  });

  it.each([
    'vroegeropaf.csv',
    'vroegeropaf-202203.csv', // JJJJMM is too easily a reference number
    'vroegeropaf-2022-13.csv',
    'vroegeropaf-2022-3.csv',
    'vroegeropaf-12022-03.csv',
    'vroegeropaf-2022-031.csv',
    'vroegeropaf-1899-12.csv',
    'lijsten/2022-03/vroegeropaf.csv', // only the base name counts
    'vergelijking-2022-03-met-2022-04.csv', // two different months: ambiguous
    'signalen 2022-03 t-m 2022_04.csv',
  ])('finds no single month in %j', (name) => {
    expect(monthFromFileName(name)).toBeNull();
  });

  it('finds every valid month embedded in a name', () => {
    fc.assert(
      fc.property(monthArb, fc.constantFrom('-', '_'), fc.stringMatching(/^[a-z ]{0,8}$/), (month, sep, prefix) => {
        const name = `map/${prefix}-${month.replace('-', sep)}.csv`;
        expect(monthFromFileName(name)).toBe(month);
      }),
    );
  });
});

describe('monthsBetween', () => {
  it('lists both ends and everything in between', () => {
    expect(monthsBetween('2021-05', '2021-12')).toEqual([
      '2021-05',
      '2021-06',
      '2021-07',
      '2021-08',
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
    ]);
    expect(monthsBetween('2021-12', '2022-02')).toEqual(['2021-12', '2022-01', '2022-02']);
    expect(monthsBetween('2022-03', '2022-03')).toEqual(['2022-03']);
    expect(monthsBetween('2022-04', '2022-03')).toEqual([]);
  });

  it('holds consecutive months from start to end', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const fromIndex = monthIndex(from);
        fc.pre(fromIndex + n < 2101 * 12);
        const to = monthFromIndex(fromIndex + n);
        const months = monthsBetween(from, to);
        expect(months).toHaveLength(n + 1);
        expect(months[0]).toBe(from);
        expect(months[n]).toBe(to);
        for (let i = 1; i < months.length; i++) expect(months[i]! > months[i - 1]!).toBe(true);
      }),
    );
  });
});

describe('MONTH_NAMES_NL', () => {
  it('names the twelve months in Dutch, lowercase, in order', () => {
    expect(MONTH_NAMES_NL).toHaveLength(12);
    expect(MONTH_NAMES_NL[0]).toBe('januari');
    expect(MONTH_NAMES_NL[2]).toBe('maart');
    expect(MONTH_NAMES_NL[4]).toBe('mei');
    expect(MONTH_NAMES_NL[11]).toBe('december');
    const platform = Array.from({ length: 12 }, (_, i) =>
      new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2022, i, 1))),
    );
    expect([...MONTH_NAMES_NL]).toEqual(platform);
  });
});

describe('describeMonth', () => {
  it.each([
    ['2022-03', 'maart 2022'],
    ['2021-12', 'december 2021'],
    ['2022-01', 'januari 2022'],
  ])('describes %s as %j', (month, text) => {
    expect(describeMonth(month)).toBe(text);
  });

  it('agrees with the platform’s Dutch month and year', () => {
    const format = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    fc.assert(
      fc.property(monthArb, (month) => {
        const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 1, 1));
        expect(describeMonth(month)).toBe(format.format(date));
      }),
    );
  });
});
