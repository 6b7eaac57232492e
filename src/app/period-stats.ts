import { firstContactFigures, type FirstContactFigures } from '../core/report/first-contact.js';
import type { Period } from '../core/report/period.js';
import { periodStats, type PeriodStats } from '../core/report/stats.js';
import { contactTermDaysFrom } from '../core/settings.js';
import type { IsoDate } from '../core/types.js';
import type { Store } from '../store/store.js';

export interface PeriodFigures extends PeriodStats {
  firstContact: FirstContactFigures;
}

/** The period figures on `today` (an open melding's contact term may still be running). */
export async function readPeriodStats(store: Store, period: Period, today: IsoDate, gemeenteId?: number): Promise<PeriodFigures> {
  const data = await store.statsData(period, gemeenteId);
  const termDays = contactTermDaysFrom(await store.settings());
  return {
    ...periodStats(data.meldingen, data.signals, data.contacts),
    firstContact: firstContactFigures(data.meldingen, data.contacts, termDays, today),
  };
}
