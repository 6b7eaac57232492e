// The received/opgevolgd table from per-month counts: rounding half up, averages of the total
// taken from the total, empty and missing months, periods across a year boundary.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthRows, periodTable, roundHalfUp, type CategoryCounts, type MonthCounts } from '../../../src/core/report/table.js';

function counts(received: number, followedUp: number, open = 0, deferred = 0): CategoryCounts {
  return { received, followedUp, open, deferred };
}

function month(m: string, enkelvoudig: CategoryCounts, meervoudig: CategoryCounts): MonthCounts {
  return { month: m, enkelvoudig, meervoudig };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('roundHalfUp', () => {
  it.each([
    [220, 6, 37], // 36.67
    [158, 6, 26], // 26.33
    [38, 6, 6], // 6.33
    [258, 6, 43], // 43
    [196, 6, 33], // 32.67
    [217, 8, 27], // 27.125
    [18, 8, 2], // 2.25
    [235, 8, 29], // 29.375
    [5, 2, 3], // 2.5: a tie goes up
    [1, 2, 1], // 0.5
    [3, 2, 2], // 1.5
    [12, 8, 2], // 1.5
    [0, 6, 0],
    [1, 6, 0],
    [3, 6, 1], // exactly 0.5
  ])('%i / %i is %i', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it.each([
    [240, 6, 40],
    [96, 8, 12],
    [7, 1, 7],
    [0, 1, 0],
  ])('gives an exact multiple %i / %i as %i', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfUp(3, 0)).toThrow(RangeError);
  });

  it('is within one half of the exact value, and a tie goes up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000 }), (n, d) => {
        const r = roundHalfUp(n, d);
        expect(Number.isInteger(r)).toBe(true);
        // |r - n/d| <= 1/2, in integers: |2rd - 2n| <= d
        expect(Math.abs(2 * r * d - 2 * n)).toBeLessThanOrEqual(d);
        // A tie (n/d exactly halfway) is rounded up: r = n/d + 1/2.
        if ((2 * n) % (2 * d) === d) expect(2 * r * d).toBe(2 * n + d);
      }),
    );
  });
});

// Six months whose sums are the published first half of 2022 (DOMAIN.md): enkelvoudig 220
// received, 158 followed up; meervoudig 38 and 38.
const ENK_RECEIVED = [40, 35, 37, 36, 38, 34];
const ENK_FOLLOWED = [27, 25, 26, 28, 26, 26];
const MEER_RECEIVED = [6, 7, 5, 8, 6, 6];
const FIRST_HALF_2022: MonthCounts[] = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'].map((m, i) =>
  month(m, counts(ENK_RECEIVED[i]!, ENK_FOLLOWED[i]!), counts(MEER_RECEIVED[i]!, MEER_RECEIVED[i]!)),
);

// May-December 2021: enkelvoudig 217/217, meervoudig 18/18 over 8 months.
const ENK_2021 = [20, 25, 30, 28, 27, 29, 31, 27];
const MEER_2021 = [1, 2, 3, 2, 3, 2, 3, 2];
const MAY_DEC_2021: MonthCounts[] = ['2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'].map(
  (m, i) => month(m, counts(ENK_2021[i]!, ENK_2021[i]!), counts(MEER_2021[i]!, MEER_2021[i]!)),
);

describe('periodTable', () => {
  it('reproduces the published half-year table, with the average of Totaal from the total', () => {
    expect(sum(ENK_RECEIVED)).toBe(220);
    expect(sum(ENK_FOLLOWED)).toBe(158);
    expect(sum(MEER_RECEIVED)).toBe(38);
    const imported = new Set(FIRST_HALF_2022.map((c) => c.month));
    const table = periodTable({ from: '2022-01', to: '2022-06' }, FIRST_HALF_2022, imported);
    expect(table.months).toBe(6);
    expect(table.missingMonths).toEqual([]);
    const rows = Object.fromEntries(table.rows.map((r) => [r.category, r]));
    expect(table.rows.map((r) => r.category)).toEqual(['enkelvoudig', 'meervoudig', 'totaal']);
    expect(rows.enkelvoudig).toMatchObject({ received: 220, receivedPerMonth: 37, followedUp: 158, followedUpPerMonth: 26 });
    expect(rows.meervoudig).toMatchObject({ received: 38, receivedPerMonth: 6, followedUp: 38, followedUpPerMonth: 6 });
    expect(rows.totaal).toMatchObject({ received: 258, receivedPerMonth: 43, followedUp: 196, followedUpPerMonth: 33 });
    // 26 + 6 = 32: the total's average is not the sum of the rounded averages.
    expect(rows.enkelvoudig!.followedUpPerMonth + rows.meervoudig!.followedUpPerMonth).toBe(32);
    expect(rows.enkelvoudig!.receivedPerMonthExact).toBeCloseTo(220 / 6, 12);
    expect(rows.totaal!.followedUpPerMonthExact).toBeCloseTo(196 / 6, 12);
  });

  it('reproduces the published May-December 2021 columns', () => {
    expect(sum(ENK_2021)).toBe(217);
    expect(sum(MEER_2021)).toBe(18);
    const table = periodTable({ from: '2021-05', to: '2021-12' }, MAY_DEC_2021, new Set(MAY_DEC_2021.map((c) => c.month)));
    expect(table.months).toBe(8);
    expect(table.rows.map((r) => [r.category, r.received, r.receivedPerMonth, r.followedUp, r.followedUpPerMonth])).toEqual([
      ['enkelvoudig', 217, 27, 217, 27],
      ['meervoudig', 18, 2, 18, 2],
      ['totaal', 235, 29, 235, 29],
    ]);
    expect(table.rows[2]!.receivedPerMonthExact).toBe(235 / 8);
  });

  it('ignores counts of months outside the period', () => {
    const all = [...MAY_DEC_2021, ...FIRST_HALF_2022, month('2022-07', counts(500, 500), counts(500, 500))];
    const imported = new Set(all.map((c) => c.month));
    const first = periodTable({ from: '2022-01', to: '2022-06' }, all, imported);
    const alone = periodTable({ from: '2022-01', to: '2022-06' }, FIRST_HALF_2022, imported);
    expect(first.rows).toEqual(alone.rows);
    expect(first.rows[2]!.received).toBe(258);
  });

  it('lists a month without a list and counts it as 0, still dividing by every month of the period', () => {
    const withoutMarch = FIRST_HALF_2022.filter((c) => c.month !== '2022-03');
    const imported = new Set(withoutMarch.map((c) => c.month));
    const table = periodTable({ from: '2022-01', to: '2022-06' }, withoutMarch, imported);
    expect(table.missingMonths).toEqual(['2022-03']);
    expect(table.months).toBe(6);
    const received = 220 - ENK_RECEIVED[2]!;
    const enk = table.rows.find((r) => r.category === 'enkelvoudig')!;
    expect(enk.received).toBe(received);
    expect(enk.receivedPerMonth).toBe(roundHalfUp(received, 6));
    expect(enk.receivedPerMonthExact).toBeCloseTo(received / 6, 12);
  });

  it('lists an imported month without counts as imported (a list with nothing for a category is not missing)', () => {
    const imported = new Set(['2022-01', '2022-02']);
    const table = periodTable({ from: '2022-01', to: '2022-02' }, [month('2022-01', counts(4, 1), counts(0, 0))], imported);
    expect(table.missingMonths).toEqual([]);
    expect(table.rows[2]).toMatchObject({ received: 4, receivedPerMonth: 2, followedUp: 1, followedUpPerMonth: 1 });
  });

  it('covers a period across a year boundary', () => {
    const data = [
      month('2021-10', counts(99, 99), counts(99, 99)),
      month('2021-11', counts(10, 7), counts(2, 2)),
      month('2021-12', counts(11, 8), counts(1, 1)),
      month('2022-01', counts(12, 9), counts(3, 2)),
      month('2022-02', counts(13, 4), counts(0, 0)),
      month('2022-03', counts(99, 99), counts(99, 99)),
    ];
    const imported = new Set(['2021-10', '2021-11', '2022-01', '2022-02', '2022-03']);
    const table = periodTable({ from: '2021-11', to: '2022-02' }, data, imported);
    expect(table.months).toBe(4);
    expect(table.missingMonths).toEqual(['2021-12']);
    const enkReceived = 10 + 11 + 12 + 13;
    const enkFollowed = 7 + 8 + 9 + 4;
    const meerReceived = 2 + 1 + 3;
    const meerFollowed = 2 + 1 + 2;
    expect(table.rows.map((r) => [r.received, r.receivedPerMonth, r.followedUp, r.followedUpPerMonth])).toEqual([
      [enkReceived, roundHalfUp(enkReceived, 4), enkFollowed, roundHalfUp(enkFollowed, 4)],
      [meerReceived, roundHalfUp(meerReceived, 4), meerFollowed, roundHalfUp(meerFollowed, 4)],
      [
        enkReceived + meerReceived,
        roundHalfUp(enkReceived + meerReceived, 4),
        enkFollowed + meerFollowed,
        roundHalfUp(enkFollowed + meerFollowed, 4),
      ],
    ]);
    // 46/4 = 11.5 rounds up to 12; 28/4 = 7; 6/4 = 1.5 rounds up to 2; 5/4 = 1.25 rounds to 1.
    expect(table.rows[0]!.receivedPerMonth).toBe(12);
    expect(table.rows[1]!.receivedPerMonth).toBe(2);
    expect(table.rows[1]!.followedUpPerMonth).toBe(1);
  });

  it('gives zeros, not NaN, for a period with no counts at all', () => {
    const table = periodTable({ from: '2023-01', to: '2023-03' }, [], new Set());
    expect(table.missingMonths).toEqual(['2023-01', '2023-02', '2023-03']);
    for (const row of table.rows) {
      expect(row).toMatchObject({ received: 0, receivedPerMonth: 0, receivedPerMonthExact: 0, followedUp: 0, followedUpPerMonth: 0 });
    }
  });
});

describe('monthRows', () => {
  const data = [
    month('2021-12', counts(11, 8, 2, 1), counts(1, 1, 0, 0)),
    month('2022-02', counts(13, 4, 5, 4), counts(2, 1, 1, 0)),
    month('2022-05', counts(1, 1, 1, 1), counts(1, 1, 1, 1)),
  ];
  const imported = new Set(['2021-12', '2022-02', '2022-05']);

  it('gives a row per month and category, totals summed, and marks a month without a list', () => {
    const rows = monthRows({ from: '2021-12', to: '2022-02' }, data, imported);
    expect(rows.map((r) => `${r.month} ${r.category}`)).toEqual([
      '2021-12 enkelvoudig',
      '2021-12 meervoudig',
      '2021-12 totaal',
      '2022-01 enkelvoudig',
      '2022-01 meervoudig',
      '2022-01 totaal',
      '2022-02 enkelvoudig',
      '2022-02 meervoudig',
      '2022-02 totaal',
    ]);
    expect(rows.filter((r) => r.missing).map((r) => r.month)).toEqual(['2022-01', '2022-01', '2022-01']);
    const get = (m: string, c: string) => rows.find((r) => r.month === m && r.category === c)!;
    expect(get('2021-12', 'enkelvoudig')).toMatchObject({ received: 11, followedUp: 8, open: 2, deferred: 1, missing: false });
    expect(get('2022-02', 'totaal')).toMatchObject({ received: 15, followedUp: 5, open: 6, deferred: 4, missing: false });
    expect(get('2022-01', 'totaal')).toMatchObject({ received: 0, followedUp: 0, open: 0, deferred: 0, missing: true });
    // 2022-05 lies outside the period.
    expect(rows.some((r) => r.month === '2022-05')).toBe(false);
  });
});
