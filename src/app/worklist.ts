import { DataError } from '../core/errors.js';
import { describeMonth } from '../core/month.js';
import { contactTermDaysFrom, visitRulesFrom } from '../core/settings.js';
import type { IsoDate, Month } from '../core/types.js';
import { worklistLines, type WorklistLine, type WorklistRules } from '../core/worklist.js';
import type { Store } from '../store/store.js';

/**
 * Which open meldingen a worklist or house-visit list shows: one month's, of one worker or all.
 * An object, so that a later filter (such as a municipality) is one more field.
 */
export interface ListFilter {
  /** null: every month (the worklist without --month: all open work, oldest first) */
  month: Month | null;
  workerId: number | null;
  /** one gemeente's meldingen; all of them when undefined */
  gemeenteId?: number;
}

/** A month without a triage has no worklist (nor house-visit list) yet. */
export async function assertTriaged(store: Store, month: Month): Promise<void> {
  if ((await store.triageRun(month)) === undefined) {
    throw new DataError(`${describeMonth(month)} (${month}) is nog niet getrieerd; er is nog geen werklijst.`, {
      hint: `Trieer eerst: eropaf triage --month ${month}`,
    });
  }
}

/** The contact term and the house-visit rules in force (`eropaf config`). */
export async function worklistRules(store: Store): Promise<WorklistRules> {
  const settings = await store.settings();
  return { contactTermDays: contactTermDaysFrom(settings), visit: visitRulesFrom(settings) };
}

/**
 * The month's open meldingen (of one worker, or all), judged on `today`: the ones past their
 * contact term first, each with what eropaf proposes.
 */
export async function readWorklist(store: Store, filter: ListFilter, today: IsoDate): Promise<WorklistLine[]> {
  if (filter.month !== null) await assertTriaged(store, filter.month);
  return worklistLines(await store.worklist(filter.month, filter.workerId, filter.gemeenteId), await worklistRules(store), today);
}
