import { CONTACTSOORTEN, EINDRESULTATEN, type Contactsoort, type Eindresultaat } from '../followup.js';
import type { DecisionKind } from '../triage/types.js';
import type { Category, IsoDate, Signaalpartner } from '../types.js';
import { AGE_GROUPS, type AgeGroup } from './age-group.js';
import { reachByKind, visitedReached } from './reach.js';
import { share, type Share } from './share.js';

// The period figures around the table: who was on the lists, what kind of debt, how old, how
// often reached, how often help was accepted. Pure arithmetic over what the store counted.

export interface StatsMelding {
  id: number;
  householdId: number;
  category: Category;
  opeenvolgend: boolean;
  decision: DecisionKind | null;
  workerId: number | null;
  opgevolgd: boolean;
  resultaat: Eindresultaat | null;
  /** The day its list was imported. */
  listedOn: IsoDate;
}

export interface StatsSignal {
  meldingId: number;
  signaalpartner: Signaalpartner;
  ageGroup: AgeGroup;
}

export interface StatsContact {
  meldingId: number;
  soort: Contactsoort;
  bereikt: boolean;
  datum: IsoDate;
}

export const DEBT_TYPES = ['woon', 'zorg', 'energie', 'water', 'overig'] as const;
export type DebtType = (typeof DEBT_TYPES)[number];

const DEBT_TYPE: Record<Signaalpartner, DebtType> = {
  Huur: 'woon',
  Hypotheek: 'woon',
  Zorg: 'zorg',
  'CAK Zorgverzekeringen': 'zorg',
  'CAK Eigen bijdrage': 'zorg',
  Energie: 'energie',
  Water: 'water',
  DUO: 'overig',
  Belastingdienst: 'overig',
  'Dienst Toeslagen': 'overig',
  Overige: 'overig',
};

/** Results that mean the resident accepted follow-up help or was referred. */
export const HELP_ACCEPTED: ReadonlySet<Eindresultaat> = new Set<Eindresultaat>([
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
  'Verwijzing zonder tussenkomst inwoner',
]);

export type { Share };

export interface PeriodStats {
  households: number;
  meldingen: number;
  signals: number;
  signalsByDebtType: Record<DebtType, number>;
  /** Per melding: the age group of its resident (the first signal with a known birth date). */
  ageGroups: Record<AgeGroup, number>;
  opeenvolgend: Share;
  contactAttempts: Record<Contactsoort, number>;
  /** Per kind of attempt: the attempts in which the resident was reached. */
  reachByKind: Record<Contactsoort, Share>;
  /** Meldingen with a house visit in which the resident was reached on or after the first visit. */
  visitedReached: Share;
  /** Followed-up meldingen in which the resident was reached at least once. */
  reach: Share;
  /** Reached meldingen that ended in follow-up help or a referral. */
  helpAccepted: Share;
  results: Record<Eindresultaat, number>;
  perWorker: Array<{ workerId: number; assigned: number; followedUp: number; open: number }>;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function periodStats(
  meldingen: readonly StatsMelding[],
  signals: readonly StatsSignal[],
  contacts: readonly StatsContact[],
): PeriodStats {
  const signalsByDebtType = zeroes(DEBT_TYPES);
  const ageOfMelding = new Map<number, AgeGroup>();
  for (const signal of signals) {
    signalsByDebtType[DEBT_TYPE[signal.signaalpartner]] += 1;
    const known = ageOfMelding.get(signal.meldingId);
    if (known === undefined || (known === 'onbekend' && signal.ageGroup !== 'onbekend')) {
      ageOfMelding.set(signal.meldingId, signal.ageGroup);
    }
  }
  const ageGroups = zeroes(AGE_GROUPS);
  for (const melding of meldingen) ageGroups[ageOfMelding.get(melding.id) ?? 'onbekend'] += 1;

  const contactAttempts = zeroes(CONTACTSOORTEN.map((c) => c.value));
  const reached = new Set<number>();
  for (const contact of contacts) {
    contactAttempts[contact.soort] += 1;
    if (contact.bereikt) reached.add(contact.meldingId);
  }

  const followedUp = meldingen.filter((m) => m.opgevolgd);
  const reachedMeldingen = followedUp.filter((m) => reached.has(m.id));
  const results = zeroes(EINDRESULTATEN.map((r) => r.value));
  for (const melding of meldingen) if (melding.resultaat !== null) results[melding.resultaat] += 1;

  const workers = new Map<number, { workerId: number; assigned: number; followedUp: number; open: number }>();
  for (const melding of meldingen) {
    if (melding.workerId === null || (melding.decision !== 'altijd' && melding.decision !== 'capaciteit')) continue;
    const figures = workers.get(melding.workerId) ?? { workerId: melding.workerId, assigned: 0, followedUp: 0, open: 0 };
    figures.assigned += 1;
    if (melding.opgevolgd) figures.followedUp += 1;
    else if (melding.resultaat === null) figures.open += 1;
    workers.set(melding.workerId, figures);
  }

  return {
    households: new Set(meldingen.map((m) => m.householdId)).size,
    meldingen: meldingen.length,
    signals: signals.length,
    signalsByDebtType,
    ageGroups,
    opeenvolgend: share(meldingen.filter((m) => m.opeenvolgend).length, meldingen.length),
    contactAttempts,
    reachByKind: reachByKind(contacts),
    visitedReached: visitedReached(contacts),
    reach: share(reachedMeldingen.length, followedUp.length),
    helpAccepted: share(
      reachedMeldingen.filter((m) => m.resultaat !== null && HELP_ACCEPTED.has(m.resultaat)).length,
      reachedMeldingen.length,
    ),
    results,
    perWorker: [...workers.values()].sort((a, b) => a.workerId - b.workerId),
  };
}
