// What the rules need to know about one melding, derived once from its signals so that every
// rule, the priority order and the reasons read the same numbers. The facts are small on
// purpose: the planner keeps them for every melding of a month after its signals are gone.

import type { IsoDate } from '../types.js';
import type { TriageMelding } from './types.js';

export interface MeldingFacts {
  /** the sum of all signal amounts */
  totalCents: number;
  /** how many organisations signalled (distinct organisation keys) */
  organisations: number;
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
  const organisations = new Set<string>();
  for (const s of melding.signals) {
    totalCents += s.bedragCents;
    organisations.add(s.organisationKey);
    if (s.signaalpartner === 'Huur' || s.signaalpartner === 'Hypotheek') woon = true;
    // ISO dates compare correctly as strings.
    if (s.ontstaansdatum !== null && (earliest === null || s.ontstaansdatum < earliest)) earliest = s.ontstaansdatum;
    if (s.crisissignaal) crisis = true;
    if (s.warmeOverdracht) warmeOverdracht = true;
  }
  return {
    totalCents,
    organisations: organisations.size,
    woon,
    earliestOntstaansdatum: earliest,
    crisis,
    warmeOverdracht,
  };
}
