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
  if (melding.lastMonth !== null && !melding.lastMonth.followedUp) return 'vorige-maand-niet-opgevolgd';
  return null;
}
