import { planMonthRemoval, type MonthRemovalPlan } from '../core/month-removal.js';
import type { Month } from '../core/types.js';
import type { Store } from '../store/store.js';

export interface DeleteMonthOptions {
  month: Month;
  /** one gemeente's list of the month; every list of the month when undefined */
  gemeenteId?: number;
  force: boolean;
  dryRun: boolean;
}

/**
 * Removes a month's list (`months delete`). The plan is made from the month's contents; a dry
 * run shows it, the real run makes it again inside its transaction and applies that.
 */
export async function deleteMonth(store: Store, options: DeleteMonthOptions): Promise<MonthRemovalPlan> {
  const plan = async (from: Store): Promise<MonthRemovalPlan> =>
    planMonthRemoval(await from.monthContents(options.month, options.gemeenteId), { force: options.force });
  if (options.dryRun) return plan(store);
  return store.transaction(async (tx) => {
    const planned = await plan(tx);
    await tx.deleteMonthList(options.month, options.gemeenteId);
    const { contents } = planned;
    await tx.appendAudit({
      counts: {
        meldingen: contents.meldingen,
        signalen: contents.signals,
        bestanden: contents.imports,
        besluiten: contents.decisions,
        contactpogingen: contents.contacts,
        resultaten: contents.workerResults,
      },
    });
    return planned;
  });
}
