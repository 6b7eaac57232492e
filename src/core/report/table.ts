import type { Category, Month } from '../types.js';
import { monthCount, periodMonths, type Period } from './period.js';

// The received/opgevolgd table the municipality gets. Meldingen count in the month of their
// list, whenever they were followed up. Monthly averages are whole numbers, rounded half up,
// and the total's average is rounded from the total (not summed from rounded rows), as the
// published tables do: 258 over 6 months is 43, 196 over 6 is 33 while 26 + 6 is 32.

/** What the period table counts: the meldingen received, and how many of them were followed up. */
export interface FollowUpCounts {
  received: number;
  followedUp: number;
}

export interface CategoryCounts extends FollowUpCounts {
  /** Assigned to a worker, not followed up yet, no result. */
  open: number;
  /** Deferred for capacity and not followed up. */
  deferred: number;
}

/** A month's counts per category; the period table needs no more than FollowUpCounts. */
export interface MonthCounts<C extends FollowUpCounts = CategoryCounts> {
  month: Month;
  enkelvoudig: C;
  meervoudig: C;
}

export type TableCategory = Category | 'totaal';
export const TABLE_CATEGORIES: readonly TableCategory[] = ['enkelvoudig', 'meervoudig', 'totaal'];

export interface PeriodRow {
  category: TableCategory;
  received: number;
  receivedPerMonth: number;
  receivedPerMonthExact: number;
  followedUp: number;
  followedUpPerMonth: number;
  followedUpPerMonthExact: number;
}

export interface PeriodTable {
  period: Period;
  months: number;
  /** Months of the period without an imported list: shown as such, never silently as zero. */
  missingMonths: Month[];
  rows: PeriodRow[];
}

export interface MonthRow extends CategoryCounts {
  month: Month;
  category: TableCategory;
  /** No list was imported for this month. */
  missing: boolean;
}

/** Rounds a non-negative fraction half up, in integers so that 2.5 is 3 and 36.666… is 37. */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('roundHalfUp needs a positive denominator');
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** How counts of one kind add up: from zero, two at a time. */
interface Sum<C extends FollowUpCounts> {
  zero: C;
  add: (a: C, b: C) => C;
}

const FOLLOW_UP_SUM: Sum<FollowUpCounts> = {
  zero: { received: 0, followedUp: 0 },
  add: (a, b) => ({ received: a.received + b.received, followedUp: a.followedUp + b.followedUp }),
};

const CATEGORY_SUM: Sum<CategoryCounts> = {
  zero: { ...FOLLOW_UP_SUM.zero, open: 0, deferred: 0 },
  add: (a, b) => ({ ...FOLLOW_UP_SUM.add(a, b), open: a.open + b.open, deferred: a.deferred + b.deferred }),
};

function countsOf<C extends FollowUpCounts>(month: MonthCounts<C> | undefined, category: TableCategory, sum: Sum<C>): C {
  if (month === undefined) return sum.zero;
  return category === 'totaal' ? sum.add(month.enkelvoudig, month.meervoudig) : month[category];
}

/**
 * The period's table from per-month counts. `imported` holds the months that have a list;
 * `counts` may contain months outside the period, which are ignored.
 */
export function periodTable(
  period: Period,
  counts: ReadonlyArray<MonthCounts<FollowUpCounts>>,
  imported: ReadonlySet<Month>,
): PeriodTable {
  const months = periodMonths(period);
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  const length = monthCount(period);
  const rows = TABLE_CATEGORIES.map((category): PeriodRow => {
    const total = months.reduce(
      (sum, month) => FOLLOW_UP_SUM.add(sum, countsOf(byMonth.get(month), category, FOLLOW_UP_SUM)),
      FOLLOW_UP_SUM.zero,
    );
    return {
      category,
      received: total.received,
      receivedPerMonth: roundHalfUp(total.received, length),
      receivedPerMonthExact: total.received / length,
      followedUp: total.followedUp,
      followedUpPerMonth: roundHalfUp(total.followedUp, length),
      followedUpPerMonthExact: total.followedUp / length,
    };
  });
  return { period, months: length, missingMonths: missingMonths(period, imported), rows };
}

/** The months of the period without an imported list. */
export function missingMonths(period: Period, imported: ReadonlySet<Month>): Month[] {
  return periodMonths(period).filter((month) => !imported.has(month));
}

/** A row per month and category, for `--per-month`: the month's state before it is closed. */
export function monthRows(period: Period, counts: readonly MonthCounts[], imported: ReadonlySet<Month>): MonthRow[] {
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  return periodMonths(period).flatMap((month) =>
    TABLE_CATEGORIES.map((category) => ({
      month,
      category,
      missing: !imported.has(month),
      ...countsOf(byMonth.get(month), category, CATEGORY_SUM),
    })),
  );
}
