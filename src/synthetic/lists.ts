// Monthly lists drawn from a stable population, with the structure real lists have: a share of
// households with signals from several organisations (meervoudig), households that return from
// last month or from earlier months, and creditors that signal the same arrears again with a new
// amount. The core is a generator, so a benchmark can stream a million rows without storing them;
// memory grows with the population and one month's list, never with the number of rows.

import type { Month } from '../core/types.js';
import { CREDITOR_PROFILES, type CreditorProfile } from './creditors.js';
import {
  daysInMonth,
  type EpochDay,
  firstDayOfMonth,
  isoFromEpochDay,
  monthFromOrdinal,
  monthOrdinal,
  type MonthOrdinal,
  weekday,
} from './dates.js';
import { type Household, Population } from './population.js';
import { Random, type Weighted } from './random.js';
import { residentFields, rowMonth, type SignalRow } from './row.js';

export interface ListOptions {
  seed: number;
  /** First month that is emitted, `YYYY-MM`. */
  startMonth: Month;
  /** Number of months to emit; Infinity with maxRows for a stream of a given size. */
  months: number;
  /** Households that can ever be on a list; must be well above 6 months' worth of households. */
  populationSize: number;
  /** Households (meldingen) per month, inclusive range; signals are about 1.2 per household. */
  householdsPerMonth: readonly [number, number];
  /**
   * Months generated but not emitted before startMonth, so the first emitted month already has
   * households that were on earlier lists (as a list in a running project does). Default 6.
   */
  warmupMonths?: number;
  /** Stop after this many rows, possibly in the middle of a month. */
  maxRows?: number;
}

/** A Heemstede-sized town: about 40-110 signals a month. */
export const TOWN = { populationSize: 4_000, householdsPerMonth: [35, 70] } as const;
/** A city the size of The Hague: about 4,000-4,500 signals a month. */
export const CITY = { populationSize: 120_000, householdsPerMonth: [3_300, 3_700] } as const;
/** The whole country: about a million signals a year. */
export const NATION = { populationSize: 600_000, householdsPerMonth: [62_000, 72_000] } as const;

/** Options for a stream of `rows` rows (default a million: about one year at national scale). */
export function largeListOptions(rows = 1_000_000, seed = 1): ListOptions {
  return { seed, startMonth: '2022-01', months: Infinity, maxRows: rows, ...NATION };
}

/** Share of a month's households that were on last month's list. */
const LAST_MONTH_SHARE: readonly [number, number] = [0.15, 0.25];
/** Share that had a signal in the previous six months (last month included): "opeenvolgend". */
const SIX_MONTH_SHARE: readonly [number, number] = [0.35, 0.45];
const MEERVOUDIG_SHARE = 0.11;
const ORGANISATIONS_WHEN_MEERVOUDIG: Weighted<number> = [[2, 80], [3, 17], [4, 3]];
/** Chance that a returning household's previous creditor signals again. */
const SAME_CREDITOR_AFTER_LAST_MONTH = 0.6;
const SAME_CREDITOR_AFTER_EARLIER = 0.35;
/** Energy and water companies often do not know the BSN, so their rows lack it more often. */
const BSN_MISSING_FOR_UTILITIES = 0.25;
const LOOKBACK_MONTHS = 6;
const NEVER = -0x7fffffff;

const PROFILE_WEIGHTS: Weighted<CreditorProfile> = CREDITOR_PROFILES.map((p) => [p, p.weight] as const);

export interface MonthlyList {
  month: Month;
  rows: SignalRow[];
}

/** Whole lists, one per month; for small populations (tests, fixtures). */
export function generateMonthlyLists(options: ListOptions): MonthlyList[] {
  const lists: MonthlyList[] = [];
  for (const row of signalRows(options)) {
    const month = rowMonth(row);
    const last = lists[lists.length - 1];
    if (last !== undefined && last.month === month) last.rows.push(row);
    else lists.push({ month, rows: [row] });
  }
  return lists;
}

type Kind = 'lastMonth' | 'earlier' | 'new';

/** Rows month by month, each month sorted by signaaldatum with kenmerken numbered per year. */
export function* signalRows(options: ListOptions): Generator<SignalRow, void, undefined> {
  validate(options);
  const start = monthOrdinal(options.startMonth);
  const warmup = options.warmupMonths ?? LOOKBACK_MONTHS;
  const end = start + options.months; // exclusive; may be Infinity
  const maxRows = options.maxRows ?? Infinity;
  const population = new Population({
    seed: options.seed,
    size: options.populationSize,
    referenceDate: isoFromEpochDay(firstDayOfMonth(start)),
  });
  const state = new HistoryState(options.populationSize);
  const sequences = new Map<number, number>();
  let emitted = 0;

  for (let m = start - warmup; m < end && emitted < maxRows; m++) {
    const rng = Random.derive(options.seed, 'month', m);
    const chosen = chooseHouseholds(rng, state, m, rng.int(...options.householdsPerMonth));
    // The next month looks back to m - 5 at most, so month m - 6's household list can go.
    state.forget(m - LOOKBACK_MONTHS);
    const year = Math.floor(m / 12);
    const emit = m >= start;
    const first = firstDayOfMonth(m);
    // Rows bucketed by day: sorted by signaaldatum, and in a stable, seed-determined order within a day.
    const byDay: SignalRow[][] = Array.from({ length: daysInMonth(m) }, () => []);
    let count = 0;
    for (const { index, kind } of rng.shuffle(chosen)) {
      const signals = planSignals(rng, population, state, index, kind, m);
      count += signals.length;
      // Warm-up months only shape the history; building their rows would be wasted work.
      if (!emit) continue;
      const household = population.household(index);
      for (const signal of signals) (byDay[signal.day - first] as SignalRow[]).push(makeRow(rng, population, household, signal));
    }
    let sequence = sequences.get(year) ?? 0;
    sequences.set(year, sequence + count);
    if (!emit) continue;
    for (const rows of byDay) {
      for (const row of rows) {
        if (emitted >= maxRows) return;
        row.signaalId = `VS-${year}-${String(++sequence).padStart(6, '0')}`;
        emitted++;
        yield row;
      }
    }
  }
}

function validate(options: ListOptions): void {
  const [min, max] = options.householdsPerMonth;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new RangeError(`householdsPerMonth [${min}, ${max}]: expected whole numbers 1 <= min <= max`);
  }
  // New households are drawn from those not seen for six months; leave enough to draw from.
  if (options.populationSize < max * (LOOKBACK_MONTHS + 1)) {
    throw new RangeError(`populationSize ${options.populationSize} is too small for up to ${max} households a month`);
  }
  if (!(options.months >= 0)) throw new RangeError(`months ${options.months}: expected >= 0`);
  if (options.months === Infinity && options.maxRows === undefined) {
    throw new RangeError('months: Infinity needs maxRows, or the stream never ends');
  }
}

/** What the generator remembers per household: typed arrays, so a big population stays small. */
class HistoryState {
  /** Month ordinal the household was last on a list. */
  readonly lastSeen: Int32Array;
  /** Index into CREDITOR_PROFILES of the household's last main signal, -1 for none. */
  readonly carryProfile: Int8Array;
  readonly carryOntstaan: Int32Array;
  readonly carryCents: Int32Array;
  private readonly months = new Map<MonthOrdinal, Int32Array>();

  constructor(size: number) {
    this.lastSeen = new Int32Array(size).fill(NEVER);
    this.carryProfile = new Int8Array(size).fill(-1);
    this.carryOntstaan = new Int32Array(size);
    this.carryCents = new Int32Array(size);
  }

  householdsOf(month: MonthOrdinal): Int32Array {
    return this.months.get(month) ?? new Int32Array(0);
  }

  remember(month: MonthOrdinal, households: readonly number[]): void {
    this.months.set(month, Int32Array.from(households));
    for (const h of households) this.lastSeen[h] = month;
  }

  /** Drops a month's household list once it falls out of the six-month window. */
  forget(month: MonthOrdinal): void {
    this.months.delete(month);
  }
}

function chooseHouseholds(rng: Random, state: HistoryState, m: MonthOrdinal, total: number): { index: number; kind: Kind }[] {
  const previous = Array.from(state.householdsOf(m - 1));
  const lastMonth = rng.sample(previous, Math.round(total * rng.float(...LAST_MONTH_SHARE)));

  // Households from two to six months back that were not on last month's list; lastSeen holds each
  // household's latest month, so a household appears once even if it was on several lists.
  const earlierPool: number[] = [];
  for (let back = 2; back <= LOOKBACK_MONTHS; back++) {
    for (const h of state.householdsOf(m - back)) if (state.lastSeen[h] === m - back) earlierPool.push(h);
  }
  const wantedRepeats = Math.round(total * rng.float(...SIX_MONTH_SHARE));
  const earlier = rng.sample(earlierPool, Math.max(0, wantedRepeats - lastMonth.length));

  const chosen: { index: number; kind: Kind }[] = [
    ...lastMonth.map((index) => ({ index, kind: 'lastMonth' as const })),
    ...earlier.map((index) => ({ index, kind: 'earlier' as const })),
  ];
  const taken = new Set(chosen.map((c) => c.index));
  const size = state.lastSeen.length;
  let attempts = 0;
  while (chosen.length < total) {
    if (++attempts > total * 1000) throw new RangeError('population too small to find new households');
    const h = rng.int(0, size - 1);
    if (taken.has(h) || (state.lastSeen[h] as number) >= m - LOOKBACK_MONTHS) continue;
    taken.add(h);
    chosen.push({ index: h, kind: 'new' });
  }
  state.remember(
    m,
    chosen.map((c) => c.index),
  );
  return chosen;
}

export interface Arrears {
  ontstaan: EpochDay;
  cents: number;
}

interface PlannedOrganisation {
  profile: CreditorProfile;
  /** Set when the creditor reports arrears it reported before, with a new amount. */
  carried: Arrears | null;
}

function planOrganisations(rng: Random, population: Population, state: HistoryState, h: number, kind: Kind): PlannedOrganisation[] {
  const plan: PlannedOrganisation[] = [];
  const carryIndex = state.carryProfile[h] as number;
  const carryProfile = carryIndex >= 0 ? CREDITOR_PROFILES[carryIndex] : undefined;
  if (carryProfile !== undefined && kind !== 'new') {
    const again = rng.chance(kind === 'lastMonth' ? SAME_CREDITOR_AFTER_LAST_MONTH : SAME_CREDITOR_AFTER_EARLIER);
    if (again) {
      // After last month it is the same arrears; after a gap, half the time it is new arrears.
      const sameArrears = kind === 'lastMonth' || rng.chance(0.5);
      const previous = { ontstaan: state.carryOntstaan[h] as number, cents: state.carryCents[h] as number };
      plan.push({ profile: carryProfile, carried: sameArrears ? changedAmount(rng, carryProfile, previous) : null });
    }
  }
  const organisations = rng.chance(MEERVOUDIG_SHARE) ? rng.weighted(ORGANISATIONS_WHEN_MEERVOUDIG) : 1;
  const creditors = new Set(plan.map((p) => population.creditorOf(h, p.profile.type)));
  while (plan.length < organisations) {
    const profile = rng.weighted(PROFILE_WEIGHTS);
    // Distinct creditors, not just distinct types: both CAK types share one creditor, and two
    // signals from one organisation are still enkelvoudig.
    const creditor = population.creditorOf(h, profile.type);
    if (creditors.has(creditor)) continue;
    creditors.add(creditor);
    plan.push({ profile, carried: null });
  }
  return plan;
}

/** Arrears reported again mostly grew; some were partly paid off. */
const AMOUNT_CHANGES: Weighted<'up' | 'down' | 'same'> = [['up', 55], ['down', 30], ['same', 15]];

export function changedAmount(rng: Random, profile: CreditorProfile, previous: Arrears): Arrears {
  const direction = rng.weighted(AMOUNT_CHANGES);
  const factor = direction === 'up' ? rng.float(1.05, 1.6) : direction === 'down' ? rng.float(0.4, 0.95) : 1;
  const cap = profile.maxEuros * 300; // at most three times the usual maximum, in cents
  return { ontstaan: previous.ontstaan, cents: Math.max(100, Math.min(cap, Math.round(previous.cents * factor))) };
}

/** One signal before it becomes a row: which creditor, when, and the arrears it reports. */
interface PlannedSignal {
  profile: CreditorProfile;
  day: EpochDay;
  arrears: Arrears;
}

function planSignals(rng: Random, population: Population, state: HistoryState, h: number, kind: Kind, m: MonthOrdinal): PlannedSignal[] {
  const signals: PlannedSignal[] = [];
  planOrganisations(rng, population, state, h, kind).forEach(({ profile, carried }, position) => {
    const day = signalDay(rng, m);
    const first = carried ?? freshArrears(rng, profile, day);
    signals.push({ profile, day, arrears: first });
    // Gas and electricity (or premium and deductible) come as two signals from one creditor.
    if (rng.chance(profile.pairChance)) {
      const second = freshArrears(rng, profile, day);
      const ontstaan = rng.chance(0.7) ? first.ontstaan : second.ontstaan;
      signals.push({ profile, day, arrears: { ontstaan, cents: second.cents } });
    }
    if (position === 0) {
      // The household's first organisation is the one that may signal again next time.
      state.carryProfile[h] = CREDITOR_PROFILES.indexOf(profile);
      state.carryOntstaan[h] = first.ontstaan;
      state.carryCents[h] = first.cents;
    }
  });
  return signals;
}

export function freshArrears(rng: Random, profile: CreditorProfile, signaal: EpochDay): Arrears {
  // Most arrears are small; the power leans the amount towards the low end of the range.
  const euros = profile.minEuros + (profile.maxEuros - profile.minEuros) * rng.next() ** 1.8;
  return {
    ontstaan: signaal - rng.int(profile.minDelayDays, profile.maxDelayDays),
    cents: Math.round(euros * 100),
  };
}

/** A working day in the month: creditors send signals on weekdays. */
export function signalDay(rng: Random, m: MonthOrdinal): EpochDay {
  const first = firstDayOfMonth(m);
  const last = first + daysInMonth(m) - 1;
  let day = first + rng.int(0, daysInMonth(m) - 1);
  const dow = weekday(day);
  if (dow === 6) day = day - 1 >= first ? day - 1 : day + 2;
  else if (dow === 0) day = day + 1 <= last ? day + 1 : day - 2;
  return day;
}

function makeRow(rng: Random, population: Population, household: Household, { profile, day: signaal, arrears }: PlannedSignal): SignalRow {
  const person = population.debtorOf(household, profile.type);
  const utility = profile.type === 'Energie' || profile.type === 'Water';
  const bsn = person.bsn !== null && utility && rng.chance(BSN_MISSING_FOR_UTILITIES) ? null : person.bsn;
  const highRent = profile.type === 'Huur' && arrears.cents >= 250_000;
  return {
    signaalId: null, // numbered once the month is in date order
    signaaldatum: isoFromEpochDay(signaal),
    ontstaansdatum: isoFromEpochDay(Math.min(arrears.ontstaan, signaal - 1)),
    signaalpartner: profile.type,
    schuldeiser: population.creditorOf(household.index, profile.type),
    bedragCents: arrears.cents,
    crisissignaal: rng.chance(highRent ? 0.08 : 0.005),
    warmeOverdracht: rng.chance(0.02),
    bsn,
    ...residentFields(person, household.address),
  };
}

/** `count` consecutive months from startMonth: `monthsFrom('2022-01', 3)` is Jan, Feb, Mar. */
export function monthsFrom(startMonth: Month, count: number): Month[] {
  const start = monthOrdinal(startMonth);
  return Array.from({ length: count }, (_, i) => monthFromOrdinal(start + i));
}
