// The synthetic year behind `npm run demo`: monthly lists for May 2021 to June 2022 whose import,
// triage and follow-up reproduce the published Heemstede table of the domain brief exactly:
//
//                 2022 jan t/m jun          2021 mei t/m dec
//                 ontvangen  opgevolgd      ontvangen  opgevolgd
//   enkelvoudig         220        158            217        217
//   meervoudig           38         38             18         18
//
// The numbers are not left to chance: DEMO_PLAN fixes, per month, how many enkelvoudige and
// meervoudige meldingen the list has and how many enkelvoudige the workers follow up, and the
// generator produces exactly those meldingen. Everything else is realistic but controlled, so that
// the triage rules cannot spoil the numbers:
//   (a) no signal is a crisissignaal or a warme overdracht (those would be "always" followed up);
//   (b) a household that comes back within REPEAT_WINDOW months with an organisation that
//       signalled it there gets a strictly HIGHER amount from that organisation, so the
//       "herhaalde melding" rule (same organisation, amount not higher, followed up) never applies;
//   (c) at most MAX_FROM_LAST_MONTH households come back from last month's list, fewer than the
//       enkelvoudige meldingen followed up in any month: the enkelvoudige among them that were
//       deferred last month are "always" followed up, and they then still fit in the capacity
//       (meervoudig + enkelvoudigOpgevolgd), so the capacity decides exactly how many are picked.
// Households, people, creditors and the CSV dialect come from the other synthetic modules; the
// same seed gives the same bytes.

import type { Month } from '../core/types.js';
import { CREDITOR_PROFILES, type CreditorProfile } from './creditors.js';
import {
  type EpochDay,
  firstDayOfMonth,
  isoFromEpochDay,
  monthFromOrdinal,
  monthOrdinal,
  type MonthOrdinal,
} from './dates.js';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from './dialect.js';
import { changedAmount, freshArrears, signalDay, type Arrears, type MonthlyList } from './lists.js';
import { type Household, Population } from './population.js';
import { Random, type Weighted } from './random.js';
import { residentFields, type SignalRow } from './row.js';

export const DEMO_SEED = 20_210_501;

export interface DemoMonthPlan {
  month: Month;
  /** Meldingen with signals from one organisation. */
  enkelvoudig: number;
  /** Meldingen with signals from two or three organisations. */
  meervoudig: number;
  /** How many of the enkelvoudige the workers follow up; the rest is deferred for lack of time. */
  enkelvoudigOpgevolgd: number;
}

function plans(
  months: readonly Month[],
  enkelvoudig: readonly number[],
  meervoudig: readonly number[],
  enkelvoudigOpgevolgd: readonly number[],
): DemoMonthPlan[] {
  return months.map((month, i) => ({
    month,
    enkelvoudig: enkelvoudig[i] as number,
    meervoudig: meervoudig[i] as number,
    enkelvoudigOpgevolgd: enkelvoudigOpgevolgd[i] as number,
  }));
}

const MONTHS_2021 = ['2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'];
const MONTHS_2022 = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'];
const ENKELVOUDIG_2021 = [27, 27, 27, 27, 27, 27, 27, 28];

/**
 * Per month: the list's meldingen by category and the enkelvoudige that are followed up. In 2021
 * every melding was followed up; in 2022 the lists grew and about 11 enkelvoudige a month waited.
 */
export const DEMO_PLAN: readonly DemoMonthPlan[] = [
  ...plans(MONTHS_2021, ENKELVOUDIG_2021, [2, 2, 2, 2, 2, 2, 3, 3], ENKELVOUDIG_2021),
  ...plans(MONTHS_2022, [37, 37, 37, 37, 36, 36], [6, 6, 7, 6, 6, 7], [26, 26, 27, 26, 27, 26]),
];

/** The capacity the month is triaged with: every meervoudige melding plus the enkelvoudige to follow up. */
export function demoCapacity(plan: DemoMonthPlan): number {
  return plan.meervoudig + plan.enkelvoudigOpgevolgd;
}

export interface CategoryFigures {
  ontvangen: number;
  opgevolgd: number;
}

export interface PeriodFigures {
  from: Month;
  to: Month;
  enkelvoudig: CategoryFigures;
  meervoudig: CategoryFigures;
}

/** The published table of the domain brief (first half of 2022 against May-December 2021). */
export const PUBLISHED_TABLE: readonly PeriodFigures[] = [
  { from: '2022-01', to: '2022-06', enkelvoudig: { ontvangen: 220, opgevolgd: 158 }, meervoudig: { ontvangen: 38, opgevolgd: 38 } },
  { from: '2021-05', to: '2021-12', enkelvoudig: { ontvangen: 217, opgevolgd: 217 }, meervoudig: { ontvangen: 18, opgevolgd: 18 } },
];

/** What DEMO_PLAN adds up to over a period (months inclusive). */
export function planFigures(from: Month, to: Month): PeriodFigures {
  const months = DEMO_PLAN.filter((p) => p.month >= from && p.month <= to);
  const sum = (pick: (p: DemoMonthPlan) => number): number => months.reduce((total, p) => total + pick(p), 0);
  return {
    from,
    to,
    enkelvoudig: { ontvangen: sum((p) => p.enkelvoudig), opgevolgd: sum((p) => p.enkelvoudigOpgevolgd) },
    meervoudig: { ontvangen: sum((p) => p.meervoudig), opgevolgd: sum((p) => p.meervoudig) },
  };
}

/** The triage's default look-back of the "herhaalde melding" rule (months). */
export const REPEAT_WINDOW = 3;
/** Rule (c): never more households from last month's list than this (well below 26, the fewest followed up). */
export const MAX_FROM_LAST_MONTH = 8;

const POPULATION_SIZE = 4_000;
const LOOKBACK_MONTHS = 6;
/** Share of a month's households that were on last month's list (before the cap above). */
const LAST_MONTH_SHARE: readonly [number, number] = [0.12, 0.2];
/** Share that had a signal in the previous six months, last month included ("opeenvolgend"). */
const SIX_MONTH_SHARE: readonly [number, number] = [0.3, 0.42];
const ORGANISATIONS_WHEN_MEERVOUDIG: Weighted<number> = [[2, 82], [3, 18]];
/** Chance that a returning household's last main creditor signals it again. */
const SAME_CREDITOR_AFTER_LAST_MONTH = 0.6;
const SAME_CREDITOR_AFTER_EARLIER = 0.35;
const BSN_MISSING_FOR_UTILITIES = 0.25;
const PROFILE_WEIGHTS: Weighted<CreditorProfile> = CREDITOR_PROFILES.map((p) => [p, p.weight] as const);
/** Arrears reported again mostly grew; some were partly paid off (only after the repeat window). */
const AMOUNT_CHANGES: Weighted<'up' | 'down' | 'same'> = [['up', 55], ['down', 30], ['same', 15]];

type Kind = 'lastMonth' | 'earlier' | 'new';

interface History {
  lastSeen: MonthOrdinal;
  /** Per month on a list: the total per creditor that month. */
  totals: Map<MonthOrdinal, Map<string, number>>;
  /** The first organisation of the household's latest melding, which may signal it again. */
  carry: { profile: CreditorProfile; arrears: Arrears } | null;
}

interface PlannedSignal {
  profile: CreditorProfile;
  creditor: string;
  day: EpochDay;
  ontstaan: EpochDay;
  cents: number;
}

export interface DemoList extends MonthlyList {
  plan: DemoMonthPlan;
}

/** The fourteen monthly lists, in month order; deterministic for a seed. */
export function generateDemoYear(seed: number = DEMO_SEED): DemoList[] {
  const start = monthOrdinal(DEMO_PLAN[0]!.month);
  const population = new Population({ seed, size: POPULATION_SIZE, referenceDate: isoFromEpochDay(firstDayOfMonth(start)) });
  const history = new Map<number, History>();
  const households = new Map<MonthOrdinal, number[]>();
  const sequences = new Map<number, number>();
  const lists: DemoList[] = [];

  for (const plan of DEMO_PLAN) {
    const m = monthOrdinal(plan.month);
    const rng = Random.derive(seed, 'demo-month', m);
    const chosen = chooseHouseholds(rng, history, households, m, plan.enkelvoudig + plan.meervoudig);
    households.set(m, chosen.map((c) => c.index));

    // The first `meervoudig` of the shuffled households get signals from several organisations.
    const planned: { household: Household; signals: PlannedSignal[] }[] = [];
    chosen.forEach(({ index, kind }, position) => {
      const organisations = position < plan.meervoudig ? rng.weighted(ORGANISATIONS_WHEN_MEERVOUDIG) : 1;
      const past = history.get(index);
      const signals = planSignals(rng, population, past, index, kind, organisations, m);
      const totals = new Map<string, number>();
      for (const s of signals) totals.set(s.creditor, (totals.get(s.creditor) ?? 0) + s.cents);
      const first = signals[0] as PlannedSignal;
      const entry: History = past ?? { lastSeen: m, totals: new Map(), carry: null };
      entry.lastSeen = m;
      entry.totals.set(m, totals);
      entry.carry = { profile: first.profile, arrears: { ontstaan: first.ontstaan, cents: totals.get(first.creditor) as number } };
      history.set(index, entry);
      planned.push({ household: population.household(index), signals });
    });

    // Rows sorted by signaaldatum (stable within a day), kenmerken numbered per year.
    const rows: SignalRow[] = [];
    for (const { household, signals } of planned) for (const s of signals) rows.push(makeRow(rng, population, household, s));
    rows.sort((a, b) => (a.signaaldatum < b.signaaldatum ? -1 : a.signaaldatum > b.signaaldatum ? 1 : 0));
    const year = Math.floor(m / 12);
    let sequence = sequences.get(year) ?? 0;
    for (const row of rows) row.signaalId = `VS-${year}-${String(++sequence).padStart(6, '0')}`;
    sequences.set(year, sequence);
    lists.push({ month: plan.month, rows, plan });
  }
  return lists;
}

/** The file name the import takes the month from. */
export function demoFileName(month: Month): string {
  return `vroegeropaf-${month}.csv`;
}

/** A list as the municipality's Excel saves it: ';', UTF-8 with BOM, decimal comma, DD-MM-JJJJ, CRLF. */
export function demoCsv(list: MonthlyList): Buffer {
  return encodeUtf8(formatCsv(list.rows, DUTCH_EXCEL));
}

function chooseHouseholds(
  rng: Random,
  history: ReadonlyMap<number, History>,
  households: ReadonlyMap<MonthOrdinal, number[]>,
  m: MonthOrdinal,
  total: number,
): { index: number; kind: Kind }[] {
  const previous = households.get(m - 1) ?? [];
  const fromLast = rng.sample(previous, Math.min(MAX_FROM_LAST_MONTH, Math.round(total * rng.float(...LAST_MONTH_SHARE))));

  // Households of two to six months back that were not on last month's list.
  const earlierPool: number[] = [];
  for (let back = 2; back <= LOOKBACK_MONTHS; back++) {
    for (const h of households.get(m - back) ?? []) if (history.get(h)?.lastSeen === m - back) earlierPool.push(h);
  }
  const wanted = Math.round(total * rng.float(...SIX_MONTH_SHARE));
  const earlier = rng.sample(earlierPool, Math.max(0, wanted - fromLast.length));

  const chosen: { index: number; kind: Kind }[] = [
    ...fromLast.map((index) => ({ index, kind: 'lastMonth' as const })),
    ...earlier.map((index) => ({ index, kind: 'earlier' as const })),
  ];
  const taken = new Set(chosen.map((c) => c.index));
  while (chosen.length < total) {
    const h = rng.int(0, POPULATION_SIZE - 1);
    const seen = history.get(h)?.lastSeen;
    if (taken.has(h) || (seen !== undefined && seen >= m - LOOKBACK_MONTHS)) continue;
    taken.add(h);
    chosen.push({ index: h, kind: 'new' });
  }
  return rng.shuffle(chosen);
}

/** The highest total a creditor signalled for the household in the repeat window before month m. */
function recentTotal(past: History | undefined, creditor: string, m: MonthOrdinal): number | undefined {
  let highest: number | undefined;
  for (let back = 1; back <= REPEAT_WINDOW; back++) {
    const total = past?.totals.get(m - back)?.get(creditor);
    if (total !== undefined && (highest === undefined || total > highest)) highest = total;
  }
  return highest;
}

function planSignals(
  rng: Random,
  population: Population,
  past: History | undefined,
  h: number,
  kind: Kind,
  organisations: number,
  m: MonthOrdinal,
): PlannedSignal[] {
  const chosen: { profile: CreditorProfile; creditor: string; carried: Arrears | null }[] = [];
  const carry = past?.carry ?? null;
  if (carry !== null && kind !== 'new') {
    if (rng.chance(kind === 'lastMonth' ? SAME_CREDITOR_AFTER_LAST_MONTH : SAME_CREDITOR_AFTER_EARLIER)) {
      // After last month it is the same arrears; after a gap, half the time new arrears.
      const same = kind === 'lastMonth' || rng.chance(0.5);
      chosen.push({ profile: carry.profile, creditor: population.creditorOf(h, carry.profile.type), carried: same ? carry.arrears : null });
    }
  }
  const creditors = new Set(chosen.map((c) => c.creditor));
  for (let attempts = 0; chosen.length < organisations; attempts++) {
    if (attempts > 1000) throw new RangeError(`no ${organisations} distinct creditors for household ${h}`);
    const profile = rng.weighted(PROFILE_WEIGHTS);
    // Distinct organisations, not just types: both CAK types are one creditor.
    const creditor = population.creditorOf(h, profile.type);
    if (creditors.has(creditor)) continue;
    creditors.add(creditor);
    chosen.push({ profile, creditor, carried: null });
  }

  const signals: PlannedSignal[] = [];
  for (const { profile, creditor, carried } of chosen) {
    const day = signalDay(rng, m);
    const first = carried === null ? freshArrears(rng, profile, day) : changedAmount(rng, profile, carried);
    const amounts = [first.cents];
    const ontstaan = [first.ontstaan];
    // Gas and electricity (or premium and deductible): two signals from one organisation.
    if (rng.chance(profile.pairChance)) {
      const second = freshArrears(rng, profile, day);
      amounts.push(second.cents);
      ontstaan.push(rng.chance(0.7) ? first.ontstaan : second.ontstaan);
    }
    // Rule (b): within the repeat window the organisation's total must go up.
    const recent = recentTotal(past, creditor, m);
    const total = amounts.reduce((a, b) => a + b, 0);
    if (recent !== undefined && total <= recent) {
      const target = Math.max(recent + rng.int(25, 150) * 100, Math.round(recent * rng.float(1.05, 1.5)));
      const scaled = amounts.map((a) => Math.max(100, Math.round((a * target) / total)));
      scaled[0] = target - scaled.slice(1).reduce((a, b) => a + b, 0);
      amounts.splice(0, amounts.length, ...scaled);
    }
    amounts.forEach((cents, i) => {
      signals.push({ profile, creditor, day, ontstaan: Math.min(ontstaan[i] as number, day - 1), cents });
    });
  }
  return signals;
}

function makeRow(rng: Random, population: Population, household: Household, signal: PlannedSignal): SignalRow {
  const person = population.debtorOf(household, signal.profile.type);
  const utility = signal.profile.type === 'Energie' || signal.profile.type === 'Water';
  return {
    signaalId: null,
    signaaldatum: isoFromEpochDay(signal.day),
    ontstaansdatum: isoFromEpochDay(signal.ontstaan),
    signaalpartner: signal.profile.type,
    schuldeiser: signal.creditor,
    bedragCents: signal.cents,
    // Rule (a): a crisis signal or a warm handover would be followed up whatever the plan says.
    crisissignaal: false,
    warmeOverdracht: false,
    bsn: person.bsn !== null && utility && rng.chance(BSN_MISSING_FOR_UTILITIES) ? null : person.bsn,
    ...residentFields(person, household.address),
  };
}

/** The month after `month`, `YYYY-MM`. */
export function nextMonth(month: Month): Month {
  return monthFromOrdinal(monthOrdinal(month) + 1);
}
