// Step 2 of the triage: meldingen that are not picked up, each with the national result value.
// Only meldingen that step 1 did not take get here, so a crisis signal or a household left over
// last month is never dropped as a repeat.

import { monthIndex } from '../month.js';
import type { Month } from '../types.js';
import { totalsPerOrganisation, type MeldingFacts } from './facts.js';
import type { TriageConfig, TriageMelding } from './types.js';

export type NotPickedUpFinding =
  /** `months`: per organisation, the latest month whose follow-up covers it (deduplicated, sorted) */
  | { rule: 'herhaald'; months: Month[] }
  | { rule: 'onder-drempel'; totalCents: number; minAmountCents: number };

/**
 * A herhaalde melding: every organisation of this melding signalled the household in a melding
 * of the `repeatMonths` months before that was followed up, for a total that this month's total
 * of that organisation does not exceed. A higher amount means the arrears grew despite the
 * earlier contact, so it is picked up again. Returns the months that made it a repeat, or null.
 */
export function repeatMonthsOf(
  melding: TriageMelding,
  facts: MeldingFacts,
  month: Month,
  repeatMonths: number,
): Month[] | null {
  const current = monthIndex(month);
  const earlier = melding.recent
    .filter((r) => {
      const before = current - monthIndex(r.month);
      return r.followedUp && before >= 1 && before <= repeatMonths;
    })
    .map((r) => ({ month: r.month, totals: totalsPerOrganisation(r.signals) }));
  // Without an earlier followed-up melding nothing can repeat; most meldingen stop here, before
  // their own totals are summed.
  if (earlier.length === 0 || facts.organisations === 0) return null;

  const months = new Set<Month>();
  for (const [organisation, amount] of totalsPerOrganisation(melding.signals)) {
    let latest: Month | null = null;
    for (const e of earlier) {
      const before = e.totals.get(organisation);
      if (before !== undefined && amount <= before && (latest === null || e.month > latest)) latest = e.month;
    }
    if (latest === null) return null;
    months.add(latest);
  }
  return [...months].sort();
}

/** Why a melding is not picked up (a repeat before a threshold), or null when it may be picked up. */
export function notPickedUpFinding(
  melding: TriageMelding,
  facts: MeldingFacts,
  month: Month,
  config: TriageConfig,
): NotPickedUpFinding | null {
  const months = repeatMonthsOf(melding, facts, month, config.repeatMonths);
  if (months !== null) return { rule: 'herhaald', months };
  if (config.minAmountCents !== null && facts.totalCents < config.minAmountCents) {
    return { rule: 'onder-drempel', totalCents: facts.totalCents, minAmountCents: config.minAmountCents };
  }
  return null;
}
