import { lastListedDayPastTerm } from '../core/contact-term.js';
import { contactTermDaysFrom } from '../core/settings.js';
import type { IsoDate } from '../core/types.js';
import type { MonthOverview, Store } from '../store/store.js';

export interface MonthOverviewLine extends MonthOverview {
  /** Picked-up meldingen without any attempt or result whose contact term has passed. */
  pastContactTerm: number;
}

/** Each imported month's state on `today`, with how many meldingen are past the contact term. */
export async function monthsOverview(store: Store, today: IsoDate, gemeenteId?: number): Promise<MonthOverviewLine[]> {
  const termDays = contactTermDaysFrom(await store.settings());
  const pastTerm = await store.pastContactTermCounts(startOfLocalDayAfter(lastListedDayPastTerm(today, termDays)));
  return (await store.monthOverview(gemeenteId)).map((m) => ({ ...m, pastContactTerm: pastTerm.get(m.month) ?? 0 }));
}

/** The moment the local day after `date` begins, as the store keeps moments (ISO, UTC). */
function startOfLocalDayAfter(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + 1).toISOString();
}
