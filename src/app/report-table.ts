import type { Period } from '../core/report/period.js';
import { missingMonths, monthRows, periodTable, type MonthRow, type PeriodTable } from '../core/report/table.js';
import type { Month } from '../core/types.js';
import type { Store } from '../store/store.js';

// The received/opgevolgd table (`eropaf table` and the Verantwoording page): one computation for
// both front ends, so that their figures cannot differ.

/** The period's table, and the comparison period's when given (of one gemeente, or of all). */
export async function periodTables(store: Store, period: Period, compare: Period | null, gemeenteId?: number): Promise<PeriodTable[]> {
  const imported = await store.importedMonths(gemeenteId);
  // The period table needs received and followed up only, which are quicker to count.
  const counts = await store.followUpCounts(compare === null ? period : spanning(period, compare), gemeenteId);
  return (compare === null ? [period] : [period, compare]).map((p) => periodTable(p, counts, imported));
}

/** A row per month and category: the month's state, received against followed up, open and deferred. */
export async function monthTable(store: Store, period: Period, gemeenteId?: number): Promise<MonthRow[]> {
  return monthRows(period, await store.monthCounts(period, gemeenteId), await store.importedMonths(gemeenteId));
}

/** Per period, the months without an imported list (they count as 0 in the averages). */
export async function missingLists(
  store: Store,
  periods: readonly Period[],
  gemeenteId?: number,
): Promise<Array<{ period: Period; missing: Month[] }>> {
  const imported = await store.importedMonths(gemeenteId);
  return periods.map((period) => ({ period, missing: missingMonths(period, imported) })).filter((p) => p.missing.length > 0);
}

/** The smallest period that holds both, so one query serves both tables. */
function spanning(a: Period, b: Period): Period {
  return { from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to };
}
