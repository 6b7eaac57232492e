// Measures the structure of generated lists the way the domain counts it (household = address,
// melding = a household's signals in one month), so tests and benchmarks can check that the
// generator produces what it promises.

import type { Month } from '../core/types.js';
import type { MonthlyList } from './lists.js';
import { householdKey } from './row.js';

export interface MonthStats {
  month: Month;
  signals: number;
  /** Households (meldingen) on the list. */
  households: number;
  /** Households with signals from two or more creditors. */
  meervoudig: number;
  /** Households with two or more signals from one creditor only (still enkelvoudig). */
  enkelvoudigWithSeveralSignals: number;
  /** Households that were also on the previous month's list. */
  onPreviousList: number;
  /** Households on any of the previous six months' lists ("opeenvolgend"). */
  inPreviousSixMonths: number;
}

/** Statistics per month for consecutive months; history counts only months present in `lists`. */
export function describeLists(lists: readonly MonthlyList[]): MonthStats[] {
  const seen: Set<string>[] = [];
  return lists.map((list, i) => {
    const creditorsByHousehold = new Map<string, string[]>();
    for (const row of list.rows) {
      const key = householdKey(row);
      const creditors = creditorsByHousehold.get(key) ?? [];
      creditors.push(row.schuldeiser);
      creditorsByHousehold.set(key, creditors);
    }
    let meervoudig = 0;
    let enkelvoudigWithSeveralSignals = 0;
    for (const creditors of creditorsByHousehold.values()) {
      if (new Set(creditors).size >= 2) meervoudig++;
      else if (creditors.length >= 2) enkelvoudigWithSeveralSignals++;
    }
    const keys = new Set(creditorsByHousehold.keys());
    let onPreviousList = 0;
    let inPreviousSixMonths = 0;
    for (const key of keys) {
      if (seen[i - 1]?.has(key)) onPreviousList++;
      if (seen.slice(Math.max(0, i - 6), i).some((month) => month.has(key))) inPreviousSixMonths++;
    }
    seen.push(keys);
    return {
      month: list.month,
      signals: list.rows.length,
      households: keys.size,
      meervoudig,
      enkelvoudigWithSeveralSignals,
      onPreviousList,
      inPreviousSixMonths,
    };
  });
}
