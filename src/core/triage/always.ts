// Step 1 of the triage: meldingen that are followed up whatever the capacity. The organisation
// promises that meervoudige signalen are always followed up, and that an enkelvoudig signal left
// over one month is followed up when the household is on the list again; crisis signals and warm
// handovers from a creditor ask for contact by their nature.

import type { MeldingFacts } from './facts.js';
import type { TriageMelding } from './types.js';

export type AlwaysRule = 'meervoudig' | 'crisis' | 'warme-overdracht' | 'vorige-maand-niet-opgevolgd';

/** The first rule (in the order of the type) that makes the melding 'altijd', or null. */
export function alwaysRule(melding: TriageMelding, facts: MeldingFacts): AlwaysRule | null {
  if (melding.category === 'meervoudig') return 'meervoudig';
  if (facts.crisis) return 'crisis';
  if (facts.warmeOverdracht) return 'warme-overdracht';
  // Left over, not deliberately set aside: a melding last month's triage did not pick up on
  // purpose (a repeat, below the threshold) keeps that reason, or a repeat would come back
  // as "always" every other month.
  const last = melding.lastMonth;
  if (last !== null && !last.followedUp && last.decision !== 'niet-opgepakt') return 'vorige-maand-niet-opgevolgd';
  return null;
}
