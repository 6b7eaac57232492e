import type { Period } from '../core/report/period.js';
import { periodStats, type PeriodStats } from '../core/report/stats.js';
import { missingMonths } from '../core/report/table.js';
import type { Month } from '../core/types.js';
import type { Store } from '../store/store.js';

/** The period's figures (`eropaf stats` and the Cijfers page), the workers' names, and the months without a list. */
export async function statsOf(store: Store, period: Period): Promise<{ stats: PeriodStats; workerNames: Map<number, string>; missing: Month[] }> {
  const missing = missingMonths(period, await store.importedMonths());
  const data = await store.statsData(period);
  const stats = periodStats(data.meldingen, data.signals, data.contacts);
  const workerNames = new Map((await store.workers()).map((w) => [w.id, w.name]));
  return { stats, workerNames, missing };
}
