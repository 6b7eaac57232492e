// Step 1 of the triage: meldingen that are followed up whatever the capacity. The organisation
// promises that meervoudige signalen are always followed up, and that an enkelvoudig signal left
// over one month is followed up when the household is on the list again; crisis signals and warm
// handovers from a creditor ask for contact by their nature.

import type { MeldingFacts } from './facts.js';
import type { EarlierCase, TriageMelding } from './types.js';

export type AlwaysRule = 'meervoudig' | 'crisis' | 'warme-overdracht' | 'vorige-maand-niet-opgevolgd';

/** The first rule (in the order of the type) that makes the melding 'altijd', or null. */
export function alwaysRule(melding: TriageMelding, facts: MeldingFacts): AlwaysRule | null {
  if (melding.category === 'meervoudig') return 'meervoudig';
  if (facts.crisis) return 'crisis';
  if (facts.warmeOverdracht) return 'warme-overdracht';
  // Left over for lack of capacity: only a melding last month's triage deferred. One it did not
  // pick up on purpose (a repeat, below the threshold) keeps that reason, or a repeat would come
  // back as "always" every other month; one it picked is a case in progress (rule 'lopend',
  // decided before this rule), however far its follow-up has come.
  const last = melding.lastMonth;
  if (last !== null && !last.followedUp && last.decision === 'uitgesteld') return 'vorige-maand-niet-opgevolgd';
  return null;
}

/**
 * The case a new melding joins: the household's oldest earlier melding that is assigned, not
 * closed and not itself part of an older case. The household is being worked on, so the new
 * melding goes along with it (rule 'lopend') and takes no new capacity place, whatever else
 * would make it 'altijd'. Null when the household has no case in progress.
 */
export function caseInProgress(melding: Pick<TriageMelding, 'earlierCases'>): EarlierCase | null {
  let oldest: EarlierCase | null = null;
  for (const c of melding.earlierCases) {
    if (c.workerId === null || c.closed || c.joined) continue;
    // By ref, then id: the same case whatever order the store read them in.
    if (oldest === null || c.ref < oldest.ref || (c.ref === oldest.ref && c.meldingId < oldest.meldingId)) oldest = c;
  }
  return oldest;
}
