// One module per function: the package index would load all of date-fns at every start.
import { addMonths as addCalendarMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';
import { addMonths, monthIndex, monthOfDate } from './month.js';
import type { IsoDate, Month } from './types.js';

// How long personal data is kept. Common municipal practice: data of meldingen that were never
// followed up for 6 months after their list month; of followed-up meldingen for 18 months after
// they were closed. A followed-up melding nobody closed counts from its last contact attempt, so
// a forgotten `close` cannot keep data for ever.

export interface RetentionPolicy {
  notFollowedUpMonths: number;
  followedUpMonths: number;
}

export interface RetentionCandidate {
  meldingId: number;
  month: Month;
  opgevolgd: boolean;
  /** The date the melding got its result; null while it is open. */
  closedOn: IsoDate | null;
  /** The date of its latest contact attempt; null when there was none. */
  lastContactOn: IsoDate | null;
}

/** The last day the melding's personal data may be kept. */
export function keepUntil(candidate: RetentionCandidate, policy: RetentionPolicy): IsoDate {
  if (!candidate.opgevolgd) {
    // Through the last day of the Nth month after the list month.
    const firstDayAfter = addCalendarMonths(parseISO(`${candidate.month}-01`), policy.notFollowedUpMonths + 1);
    return format(subDays(firstDayAfter, 1), 'yyyy-MM-dd');
  }
  // Followed up means a contact attempt or a result, so one of the two dates is there.
  const from = candidate.closedOn ?? candidate.lastContactOn ?? `${candidate.month}-01`;
  return format(addCalendarMonths(parseISO(from), policy.followedUpMonths), 'yyyy-MM-dd');
}

export function isPastTerm(candidate: RetentionCandidate, policy: RetentionPolicy, today: IsoDate): boolean {
  return today > keepUntil(candidate, policy);
}

/**
 * The earliest list month whose never-followed-up meldingen are still within their term: such a
 * melding is past its term exactly when its month comes before this one. A store can then count
 * them by month instead of judging each one (there may be a million after a big import).
 */
export function firstMonthKeptNotFollowedUp(policy: RetentionPolicy, today: IsoDate): Month {
  return addMonths(monthOfDate(today), -policy.notFollowedUpMonths);
}

export interface PurgePlan {
  meldingIds: number[];
  /** The list months the purged meldingen belong to. */
  months: Month[];
}

export function planPurge(candidates: readonly RetentionCandidate[], policy: RetentionPolicy, today: IsoDate): PurgePlan {
  const due = candidates.filter((c) => isPastTerm(c, policy, today));
  const months = [...new Set(due.map((c) => c.month))].sort((a, b) => monthIndex(a) - monthIndex(b));
  return { meldingIds: due.map((c) => c.meldingId).sort((a, b) => a - b), months };
}

/** The months of `months` that no delivery's period covers. */
export function undeliveredMonths(
  months: readonly Month[],
  deliveries: ReadonlyArray<{ from: Month; to: Month }>,
): Month[] {
  return months.filter((month) => !deliveries.some((d) => d.from <= month && month <= d.to));
}
