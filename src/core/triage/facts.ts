// What the rules need to know about one melding, derived once from its signals so that every
// rule and the priority order read the same numbers.

import type { IsoDate } from '../types.js';
import type { TriageMelding } from './types.js';

export interface MeldingFacts {
  /** the sum of all signal amounts */
  totalCents: number;
  /** per organisation key, the sum of its signals' amounts */
  perOrganisation: ReadonlyMap<string, number>;
  /** a Huur or Hypotheek signal: the household risks losing its home */
  woon: boolean;
  /** the earliest known ontstaansdatum; null when no signal has one */
  earliestOntstaansdatum: IsoDate | null;
  crisis: boolean;
  warmeOverdracht: boolean;
}

/** Sums amounts per organisation; used for this month's melding and for the earlier ones alike. */
export function totalsPerOrganisation(
  signals: Iterable<{ organisationKey: string; bedragCents: number }>,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of signals) totals.set(s.organisationKey, (totals.get(s.organisationKey) ?? 0) + s.bedragCents);
  return totals;
}

export function meldingFacts(melding: TriageMelding): MeldingFacts {
  let totalCents = 0;
  let woon = false;
  let earliest: IsoDate | null = null;
  let crisis = false;
  let warmeOverdracht = false;
  for (const s of melding.signals) {
    totalCents += s.bedragCents;
    if (s.signaalpartner === 'Huur' || s.signaalpartner === 'Hypotheek') woon = true;
    // ISO dates compare correctly as strings.
    if (s.ontstaansdatum !== null && (earliest === null || s.ontstaansdatum < earliest)) earliest = s.ontstaansdatum;
    if (s.crisissignaal) crisis = true;
    if (s.warmeOverdracht) warmeOverdracht = true;
  }
  return {
    totalCents,
    perOrganisation: totalsPerOrganisation(melding.signals),
    woon,
    earliestOntstaansdatum: earliest,
    crisis,
    warmeOverdracht,
  };
}
