// Fictional creditors per signaalpartner type, with the amounts and delays typical for that type.
// Signal shares follow the national figures (zorg ~45%, energie ~25%, huur ~19%, water ~8%); the
// newer types share the small rest. Weights are per organisation drawn: zorg and energie are set a
// little lower because their paired second signals (pairChance) add to their share of rows.

import type { Signaalpartner } from '../core/types.js';
import type { Weighted } from './random.js';

export interface CreditorProfile {
  type: Signaalpartner;
  /** Relative share of signals of this type. */
  weight: number;
  /** Fictional creditor names, with how common each is among households. */
  creditors: Weighted<string>;
  /** Arrears in whole euros, inclusive; amounts lean to the low end. */
  minEuros: number;
  maxEuros: number;
  /** Days between the arrears arising (ontstaansdatum) and the signal. */
  minDelayDays: number;
  maxDelayDays: number;
  /** A second signal from the same creditor in the same month (gas + stroom, premie + eigen risico). */
  pairChance: number;
}

export const CREDITOR_PROFILES: readonly CreditorProfile[] = [
  {
    type: 'Zorg',
    weight: 43,
    creditors: [
      ['Zorgverzekeraar Kustland', 5], ['Polderzorg Verzekeringen', 3], ['Zorgverzekeraar Duinstreek', 3],
      ['Meerkoet Zorgverzekeringen', 2],
    ],
    minEuros: 100, maxEuros: 1500, minDelayDays: 60, maxDelayDays: 180, pairChance: 0.05,
  },
  {
    type: 'Energie',
    weight: 22,
    creditors: [
      ['Stroomlijn Energie', 5], ['Windvang Energie', 3], ['Polderstroom', 2], ['Energiehuis Lindehof', 1],
    ],
    minEuros: 150, maxEuros: 2500, minDelayDays: 45, maxDelayDays: 150, pairChance: 0.15,
  },
  {
    type: 'Huur',
    weight: 19,
    creditors: [
      ['Woonstichting Duinrand', 6], ['Wooncorporatie Meerzicht', 3], ['Woonvereniging "Het Anker"', 1],
      ['Verhuurbeheer Duinrand', 1],
    ],
    minEuros: 400, maxEuros: 4000, minDelayDays: 30, maxDelayDays: 100, pairChance: 0,
  },
  {
    type: 'Water',
    weight: 8,
    creditors: [['Duinwater', 1]],
    minEuros: 40, maxEuros: 400, minDelayDays: 60, maxDelayDays: 200, pairChance: 0,
  },
  {
    type: 'CAK Zorgverzekeringen', weight: 1, creditors: [['CAK', 1]],
    minEuros: 150, maxEuros: 1800, minDelayDays: 120, maxDelayDays: 240, pairChance: 0,
  },
  {
    type: 'CAK Eigen bijdrage', weight: 0.4, creditors: [['CAK', 1]],
    minEuros: 50, maxEuros: 900, minDelayDays: 60, maxDelayDays: 180, pairChance: 0,
  },
  {
    type: 'Hypotheek', weight: 0.5,
    // The comma makes this name need quoting in a comma-delimited file.
    creditors: [['Hypotheekbank Strandwal, afdeling Bijzonder Beheer', 1]],
    minEuros: 800, maxEuros: 6000, minDelayDays: 30, maxDelayDays: 120, pairChance: 0,
  },
  {
    type: 'DUO', weight: 0.3, creditors: [['DUO', 1]],
    minEuros: 100, maxEuros: 2000, minDelayDays: 60, maxDelayDays: 240, pairChance: 0,
  },
  {
    type: 'Belastingdienst', weight: 0.3, creditors: [['Belastingdienst', 1]],
    minEuros: 100, maxEuros: 3000, minDelayDays: 60, maxDelayDays: 240, pairChance: 0,
  },
  {
    type: 'Dienst Toeslagen', weight: 0.2, creditors: [['Dienst Toeslagen', 1]],
    minEuros: 100, maxEuros: 3000, minDelayDays: 60, maxDelayDays: 240, pairChance: 0,
  },
  {
    type: 'Overige', weight: 0.3, creditors: [['Telecombedrijf Golflengte', 1]],
    minEuros: 50, maxEuros: 1200, minDelayDays: 30, maxDelayDays: 180, pairChance: 0,
  },
];

const BY_TYPE = new Map(CREDITOR_PROFILES.map((p) => [p.type, p]));

export function profileFor(type: Signaalpartner): CreditorProfile {
  const profile = BY_TYPE.get(type);
  if (!profile) throw new RangeError(`no creditor profile for ${type}`);
  return profile;
}
