// The input and output of planning one month's triage. The store gathers the input (a month's
// meldingen with just enough history to apply the rules); the planner is a pure function of it,
// so a dry run and a real run of the same data give the same plan.

import type { Eindresultaat } from '../followup.js';
import type { Category, IsoDate, Month, Signaalpartner } from '../types.js';

/** What the capacity step orders by, in the configured order. */
export const PRIORITY_KEYS = ['woon', 'bedrag', 'ontstaansdatum'] as const;
/**
 * `woon`: a Huur or Hypotheek signal first (risk of losing the home); `bedrag`: the higher total
 * first; `ontstaansdatum`: the older earliest ontstaansdatum first, unknown last.
 */
export type PriorityKey = (typeof PRIORITY_KEYS)[number];

export interface TriageConfig {
  /** How many months back a followed-up melding makes a new one a herhaalde melding. */
  repeatMonths: number;
  /** A melding whose total is below this is not picked up (onterecht signaal); null: no threshold. */
  minAmountCents: number | null;
  /** The capacity step's order; the melding reference is always the final tie-break. */
  order: readonly PriorityKey[];
}

export const DEFAULT_TRIAGE_CONFIG: Readonly<TriageConfig> = Object.freeze({
  repeatMonths: 3,
  minAmountCents: null,
  order: Object.freeze<PriorityKey[]>(['woon', 'bedrag', 'ontstaansdatum']),
});

export type DecisionKind = 'altijd' | 'capaciteit' | 'niet-opgepakt' | 'uitgesteld';

/** Stable codes for why a decision was made, for filtering and tests; `reason` is the Dutch text. */
export type DecisionRule =
  | 'meervoudig'
  | 'crisis'
  | 'warme-overdracht'
  | 'vorige-maand-niet-opgevolgd'
  /** the household's earlier melding is assigned and not closed: this one joins that case */
  | 'lopend'
  | 'herhaald'
  | 'onder-drempel'
  | 'prioriteit'
  | 'capaciteit-vol'
  /** an earlier run's decision, kept because it was assigned, followed up or closed */
  | 'behouden'
  /** picked up by hand (`eropaf pickup`) after the triage had not picked it up */
  | 'opgepakt';

export interface TriageSignal {
  organisationKey: string;
  schuldeiser: string | null;
  signaalpartner: Signaalpartner;
  bedragCents: number;
  ontstaansdatum: IsoDate | null;
  crisissignaal: boolean;
  warmeOverdracht: boolean;
}

export interface RecentMelding {
  month: Month;
  followedUp: boolean;
  signals: Array<{ organisationKey: string; bedragCents: number }>;
}

export interface CurrentDecision {
  decision: DecisionKind;
  workerId: number | null;
  followedUp: boolean;
  closed: boolean;
  /** it joined an open case (rule 'lopend'): it took no capacity place */
  joined: boolean;
}

/** An earlier melding of the household that a triage picked: a case, in progress or done. */
export interface EarlierCase {
  meldingId: number;
  /** e.g. `2022-01-017`; refs of earlier months sort before later ones */
  ref: string;
  workerId: number | null;
  /** it has a result */
  closed: boolean;
  /** it joined an older case itself */
  joined: boolean;
}

export interface TriageMelding {
  id: number;
  /** e.g. `2022-03-017`; the stable tie-break wherever the rules leave a choice */
  ref: string;
  householdId: number;
  /** the gemeente of the melding's list: matters only when the setup gives gemeenten a share of their own */
  gemeenteId?: number;
  category: Category;
  signals: TriageSignal[];
  /** the household's melding of the previous month, if any, and what its triage decided (null: never triaged) */
  lastMonth: { followedUp: boolean; decision: DecisionKind | null } | null;
  /** the household's meldingen in the `repeatMonths` months before (any order; others are ignored) */
  recent: RecentMelding[];
  /** the worker who had this household most recently before this month, if any */
  previousWorkerId: number | null;
  /** what an earlier triage run of this month decided and what happened since; null when never triaged */
  current: CurrentDecision | null;
  /** the household's earlier meldingen that a triage picked (any order) */
  earlierCases: EarlierCase[];
}

export interface TriageWorker {
  id: number;
  name: string;
  /** new meldingen this worker can take on in a month */
  capacity: number;
  active: boolean;
}

export interface TriageInput {
  month: Month;
  meldingen: TriageMelding[];
  workers: TriageWorker[];
  /** the month's total capacity (the sum over active workers, or a --capacity override) */
  capacity: number;
  /**
   * Gemeenten (by id) with a capacity of their own (a contract): their meldingen fill exactly that
   * share, the others share what the capacity leaves after the shares. None: one capacity for all.
   */
  shares?: ReadonlyMap<number, number>;
  config: TriageConfig;
  /** last month's meldingen decided 'uitgesteld', not followed up and not closed */
  deferredLastMonth: Array<{ id: number; ref: string; householdId: number }>;
}

export interface Decision {
  meldingId: number;
  ref: string;
  kind: DecisionKind;
  rule: DecisionRule;
  /** Dutch, shown on the worklist */
  reason: string;
  /** the national result for 'niet-opgepakt' decided now; null otherwise (also when kept) */
  result: Eindresultaat | null;
  workerId: number | null;
  /**
   * True when an earlier run's decision was kept as it is because it had a worker, a recorded
   * follow-up or was closed: the caller keeps its stored kind, rule and reason, and stores
   * `workerId` (the same worker, or a new one when the melding had none or its worker left).
   */
  kept: boolean;
  /** 1-based place in the capacity step's order for 'capaciteit' and 'uitgesteld'; else null */
  place: number | null;
  /** the melding whose case this one joined (rule 'lopend'); null otherwise (also when kept) */
  caseMeldingId: number | null;
}

export interface Closure {
  meldingId: number;
  ref: string;
  result: 'Niet opgepakt: andere reden';
  reason: string;
}

export interface TriageFigures {
  /** the month's capacity as given */
  capacity: number;
  /** 'altijd' decisions, kept ones included */
  alwaysCount: number;
  /** 'capaciteit' decisions, kept ones included */
  pickedByCapacity: number;
  notPickedUp: number;
  deferred: number;
  /** what was left for the capacity step after step 1 and the kept work; never negative */
  remainingCapacity: number;
  /** how far step 1 and the kept work alone exceed the capacity; 0 when they fit */
  overCapacityBy: number;
  /** picked, still open meldingen that got no worker because no worker is active */
  unassigned: number;
}

export interface TriagePlan {
  month: Month;
  /** one per melding, ordered by ref */
  decisions: Decision[];
  /** last month's deferred meldingen to close, ordered by ref */
  closures: Closure[];
  figures: TriageFigures;
}

/** What a summary counts of a decision: no reason, so nothing has to be built to count. */
export type DecisionOutline = Readonly<Pick<Decision, 'kind' | 'rule' | 'workerId'>>;

/**
 * A month's decisions in ref order. Each Decision, with its Dutch reason, is built when it is
 * read: a month of half a million meldingen then never holds half a million sentences at once.
 */
export interface DecisionList extends Iterable<Decision> {
  readonly length: number;
  /** kind, rule and worker of each decision, in the same order */
  outline(): Iterable<DecisionOutline>;
  /** JSON shows the list as the array of decisions it stands for. */
  toJSON(): Decision[];
}

/** A TriagePlan whose decisions are built as they are read (see DecisionList). */
export interface PlannedMonth extends Omit<TriagePlan, 'decisions'> {
  decisions: DecisionList;
}
