import { firstMonthKeptNotFollowedUp, isPastTerm, planPurge, undeliveredMonths, type PurgePlan } from '../core/retention.js';
import { retentionPolicyFrom } from '../core/settings.js';
import type { IsoDate, Month } from '../core/types.js';
import type { PurgeCounts, Store } from '../store/store.js';

export interface PurgeOutcome {
  plan: PurgePlan;
  counts: PurgeCounts;
  /** Months being purged that were never delivered nationally (export ddas, the web, or CBS through the DDAS API). */
  undelivered: Month[];
  /** False when another process kept old copies in the write-ahead log: run purge again later. */
  compacted: boolean;
}

/** Plans which meldingen are past their retention term; a real run removes their personal data. */
export async function purgePersonalData(
  store: Store,
  options: { dryRun: boolean; today: IsoDate; now: () => string },
): Promise<PurgeOutcome> {
  // Reads through `from`: the store for a dry run, the transaction's handle for the real run.
  const planNow = async (from: Store): Promise<{ plan: PurgePlan; undelivered: Month[] }> => {
    const policy = retentionPolicyFrom(await from.settings());
    const plan = planPurge(await from.retentionCandidates(), policy, options.today);
    return { plan, undelivered: undeliveredMonths(plan.months, await from.deliveries()) };
  };
  if (options.dryRun) {
    const { plan, undelivered } = await planNow(store);
    return { plan, counts: await store.purgePreview(plan.meldingIds), undelivered, compacted: true };
  }
  const outcome = await store.transaction(async (tx) => {
    const { plan, undelivered } = await planNow(tx);
    const counts = await tx.purgeMeldingen(plan.meldingIds, options.now());
    if (plan.meldingIds.length > 0) {
      await tx.appendAudit({
        counts: { meldingen: counts.meldingen, signalen: counts.signals, notities: counts.notes, huishoudens: counts.households },
      });
    }
    return { plan, counts, undelivered };
  });
  // Also when nothing was due now: an earlier purge may have stopped before its rewrite.
  const compacted = (await store.needsCompaction()) ? await store.compact() : true;
  return { ...outcome, compacted };
}

/**
 * How many meldingen are past their term now: for a one-line reminder after every import, so
 * the never-followed-up ones (possibly a million) are counted by month rather than one by one.
 */
export async function countPastTerm(store: Store, today: IsoDate): Promise<number> {
  const policy = retentionPolicyFrom(await store.settings());
  const notFollowedUp = await store.countNotFollowedUpBefore(firstMonthKeptNotFollowedUp(policy, today));
  const followedUp = await store.retentionCandidates({ followedUpOnly: true });
  return notFollowedUp + followedUp.filter((candidate) => isPastTerm(candidate, policy, today)).length;
}
