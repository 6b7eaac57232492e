import { describe, expect, it } from 'vitest';
import { passesElfproef } from '../../src/synthetic/bsn.js';
import { CREDITOR_PROFILES, profileFor } from '../../src/synthetic/creditors.js';
import { epochDayFromIso, weekday } from '../../src/synthetic/dates.js';
import { generateMonthlyLists, largeListOptions, type ListOptions, signalRows, TOWN } from '../../src/synthetic/lists.js';
import { householdKey, rowMonth, type SignalRow } from '../../src/synthetic/row.js';
import { describeLists } from '../../src/synthetic/stats.js';

// 18 months, so the last 12 ("a year") can be measured against six months of visible history.
const options = (seed: number): ListOptions => ({ seed, startMonth: '2021-07', months: 18, ...TOWN });
const share = (part: number, whole: number): number => part / whole;

describe('generateMonthlyLists', () => {
  it('gives the same lists for the same seed, different ones for another seed', () => {
    expect(generateMonthlyLists(options(1))).toEqual(generateMonthlyLists(options(1)));
    expect(generateMonthlyLists(options(1))).not.toEqual(generateMonthlyLists(options(2)));
  });

  it.each([1, 2, 3])('has the intended structure over a year (seed %i)', (seed) => {
    const lists = generateMonthlyLists(options(seed));
    expect(lists.map((l) => l.month)).toEqual([
      '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12',
      '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06',
      '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12',
    ]);
    const year = describeLists(lists).slice(6);
    const total = (pick: (s: (typeof year)[number]) => number): number => year.reduce((sum, s) => sum + pick(s), 0);
    const households = total((s) => s.households);

    // National monitor: 11% meervoudig, 40% "opeenvolgend"; brief: 15-25% on last month's list.
    expect(share(total((s) => s.meervoudig), households)).toBeGreaterThan(0.07);
    expect(share(total((s) => s.meervoudig), households)).toBeLessThan(0.15);
    expect(share(total((s) => s.onPreviousList), households)).toBeGreaterThanOrEqual(0.15);
    expect(share(total((s) => s.onPreviousList), households)).toBeLessThanOrEqual(0.25);
    expect(share(total((s) => s.inPreviousSixMonths), households)).toBeGreaterThan(0.35);
    expect(share(total((s) => s.inPreviousSixMonths), households)).toBeLessThan(0.45);
    expect(total((s) => s.enkelvoudigWithSeveralSignals)).toBeGreaterThan(0);
    for (const month of year) {
      expect(month.signals).toBeGreaterThanOrEqual(35);
      expect(month.signals).toBeLessThanOrEqual(110);
      expect(share(month.onPreviousList, month.households)).toBeGreaterThan(0.1);
      expect(share(month.onPreviousList, month.households)).toBeLessThan(0.3);
    }
  });

  it('follows the national mix of signaalpartner types', () => {
    const rows = generateMonthlyLists({ ...options(4), months: 36 }).flatMap((l) => l.rows);
    const typeShare = (type: string): number => share(rows.filter((r) => r.signaalpartner === type).length, rows.length);
    expect(typeShare('Zorg')).toBeGreaterThan(0.4);
    expect(typeShare('Zorg')).toBeLessThan(0.5);
    expect(typeShare('Energie')).toBeGreaterThan(0.2);
    expect(typeShare('Energie')).toBeLessThan(0.3);
    expect(typeShare('Huur')).toBeGreaterThan(0.15);
    expect(typeShare('Huur')).toBeLessThan(0.23);
    expect(typeShare('Water')).toBeGreaterThan(0.05);
    expect(typeShare('Water')).toBeLessThan(0.11);
  });

  it('writes rows that are internally consistent', () => {
    const lists = generateMonthlyLists(options(5));
    const rows = lists.flatMap((l) => l.rows);
    const ids = rows.map((r) => r.signaalId);
    expect(new Set(ids).size).toBe(rows.length);
    for (const list of lists) {
      const dates = list.rows.map((r) => r.signaaldatum);
      expect(dates).toEqual([...dates].sort());
    }
    for (const row of rows) {
      expect(row.signaalId).toMatch(/^VS-\d{4}-\d{6}$/);
      expect(row.signaalId?.slice(3, 7)).toBe(row.signaaldatum.slice(0, 4));
      const day = epochDayFromIso(row.signaaldatum);
      expect([0, 6]).not.toContain(weekday(day));
      expect(epochDayFromIso(row.ontstaansdatum)).toBeLessThan(day);
      const profile = profileFor(row.signaalpartner);
      expect(profile.creditors.map(([name]) => name)).toContain(row.schuldeiser);
      expect(row.bedragCents).toBeGreaterThanOrEqual(100);
      expect(row.bedragCents).toBeLessThanOrEqual(profile.maxEuros * 300);
      if (row.bsn !== null) {
        expect(row.bsn.startsWith('9999')).toBe(true);
        expect(passesElfproef(row.bsn)).toBe(true);
      }
    }
    // Fresh amounts lie in the type's range; only repeated arrears that grew or shrank leave it.
    for (const profile of CREDITOR_PROFILES.filter((p) => ['Zorg', 'Energie', 'Huur', 'Water'].includes(p.type))) {
      const amounts = rows.filter((r) => r.signaalpartner === profile.type).map((r) => r.bedragCents);
      const inRange = amounts.filter((c) => c >= profile.minEuros * 100 && c <= profile.maxEuros * 100).length;
      expect(share(inRange, amounts.length)).toBeGreaterThan(0.85);
    }
  });

  it('lets creditors signal the same arrears again with a higher or lower amount', () => {
    const lists = generateMonthlyLists(options(6));
    const arrearsKey = (r: SignalRow): string => `${householdKey(r)}|${r.schuldeiser}|${r.ontstaansdatum}`;
    let up = 0;
    let down = 0;
    for (let i = 1; i < lists.length; i++) {
      const previous = new Map((lists[i - 1]?.rows ?? []).map((r) => [arrearsKey(r), r.bedragCents]));
      for (const row of lists[i]?.rows ?? []) {
        const before = previous.get(arrearsKey(row));
        if (before === undefined) continue;
        if (row.bedragCents > before) up++;
        if (row.bedragCents < before) down++;
      }
    }
    expect(up).toBeGreaterThan(5);
    expect(down).toBeGreaterThan(2);
  });

  it('sometimes sends two signals from one energy supplier to one household (gas and stroom)', () => {
    const rows = generateMonthlyLists(options(7)).flatMap((l) => l.rows);
    const perSupplier = new Map<string, number>();
    for (const row of rows.filter((r) => r.signaalpartner === 'Energie')) {
      const key = `${rowMonth(row)}|${householdKey(row)}|${row.schuldeiser}`;
      perSupplier.set(key, (perSupplier.get(key) ?? 0) + 1);
    }
    expect([...perSupplier.values()].some((n) => n === 2)).toBe(true);
  });
});

describe('signalRows', () => {
  it('numbers kenmerken per year from 1, starting with the first emitted month', () => {
    const first = signalRows({ seed: 8, startMonth: '2022-01', months: 1, ...TOWN }).next();
    expect(first.done).toBe(false);
    expect(first.value?.signaalId).toBe('VS-2022-000001');
  });

  it('stops at maxRows, also in the middle of a month', () => {
    const rows = [...signalRows({ seed: 9, startMonth: '2022-01', months: Infinity, maxRows: 500, ...TOWN })];
    expect(rows).toHaveLength(500);
  });

  it('streams a national-scale list lazily', () => {
    let count = 0;
    for (const row of signalRows(largeListOptions(3000))) {
      count++;
      expect(row.signaalId).toMatch(/^VS-2022-\d{6}$/);
    }
    expect(count).toBe(3000);
  }, 30_000);

  it('rejects options that cannot work', () => {
    const run = (o: Partial<ListOptions>): unknown => [...signalRows({ ...options(1), ...o })];
    expect(() => run({ months: Infinity })).toThrow(/maxRows/);
    expect(() => run({ populationSize: 100 })).toThrow(/too small/);
    expect(() => run({ householdsPerMonth: [10, 5] })).toThrow(RangeError);
    expect(() => run({ startMonth: '2022-13' })).toThrow(RangeError);
  });
});
