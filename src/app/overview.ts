import type { Month } from '../core/types.js';
import type { IsoDate } from '../core/types.js';
import type { WorklistLine } from '../core/worklist.js';
import type { Store } from '../store/store.js';
import { changedDeliveries, type ChangedDelivery } from './ddas/changed-deliveries.js';
import { monthsOverview, type MonthOverviewLine } from './month-overview.js';
import { countPastTerm } from './purge.js';
import { readWorklist } from './worklist.js';

// What the team sees first: every month's state, and the reminders the command line gives.

export interface MonthState extends MonthOverviewLine {
  /** Assigned, not followed up yet, no result. */
  open: number;
}

export interface TeamOverview {
  /** Newest month first. */
  months: MonthState[];
  untriaged: Month[];
  /** Meldingen whose personal data is kept past its term. */
  pastTerm: number;
  /** Delivered periods that a new national delivery would describe differently. */
  changedDeliveries: ChangedDelivery[];
}

export async function teamOverview(store: Store, today: IsoDate): Promise<TeamOverview> {
  const overview = await monthsOverview(store, today);
  const sorted = overview.map((m) => m.month).sort();
  const counts = sorted.length === 0 ? [] : await store.monthCounts({ from: sorted[0]!, to: sorted[sorted.length - 1]! });
  const openOf = new Map(counts.map((c) => [c.month, c.enkelvoudig.open + c.meervoudig.open]));
  const months = overview
    .map((m) => ({ ...m, open: openOf.get(m.month) ?? 0 }))
    .sort((a, b) => (a.month < b.month ? 1 : -1));
  return {
    months,
    untriaged: months.filter((m) => !m.triaged).map((m) => m.month),
    pastTerm: await countPastTerm(store, today),
    changedDeliveries: await changedDeliveries(store),
  };
}

/** A worker's meldingen without a result over all months, judged on `today` (past their contact term first). */
export function openWorkOf(store: Store, workerId: number, today: IsoDate): Promise<WorklistLine[]> {
  return readWorklist(store, { month: null, workerId }, today);
}
