// Planning one month's triage: every melding gets exactly one decision, picked meldingen get a
// worker, and last month's deferred meldingen whose household did not come back are closed.
// Pure: the planner takes the month's meldingen in batches (a big month never has to be in
// memory whole), keeps a small record of each, and sorts internally, so that a dry run, a real
// run and a re-run of the same data give the same plan whatever order the rows came in.

import { alwaysRule, caseInProgress } from './always.js';
import { createAssigner } from './assign.js';
import { decisionList, type Entry, type MonthContext } from './decision-list.js';
import { meldingFacts, type MeldingFacts } from './facts.js';
import { notPickedUpFinding } from './not-picked-up.js';
import { compareByRef, priorityComparator } from './priority.js';
import { CLOSURE_REASON, CLOSURE_REASON_RETURNED } from './reasons.js';
import type {
  Closure,
  CurrentDecision,
  PlannedMonth,
  TriageInput,
  TriageMelding,
  TriagePlan,
} from './types.js';
import { PRIORITY_KEYS } from './types.js';

/** Everything about the month except its meldingen. */
export type MonthSetup = Pick<TriageInput, 'month' | 'workers' | 'capacity' | 'config' | 'shares'>;

/**
 * An earlier run's decision stays as it is once work hangs on it: a worker was assigned, a
 * follow-up was recorded or the melding was closed. Anything else is decided afresh, so that a
 * supplementary import or a larger capacity changes the plan.
 */
function isKept(current: CurrentDecision | null): current is CurrentDecision {
  return current !== null && (current.workerId !== null || current.followedUp || current.closed);
}

/**
 * Whether a kept decision takes up this month's capacity: picked meldingen do, and so does a
 * melding that was followed up anyway (the work was done); a deferred or not-picked-up one that
 * was only closed does not.
 */
function takesCapacity(current: CurrentDecision): boolean {
  if (current.joined) return false;
  return current.decision === 'altijd' || current.decision === 'capaciteit' || current.followedUp;
}

function checkSetup(setup: MonthSetup): void {
  // Bugs in the caller, not bad data: the command line validates what the user typed.
  const { capacity, config } = setup;
  if (!Number.isSafeInteger(capacity) || capacity < 0) {
    throw new RangeError('triage: capacity must be a whole number >= 0');
  }
  if (!Number.isSafeInteger(config.repeatMonths) || config.repeatMonths < 0) {
    throw new RangeError('triage: repeatMonths must be a whole number >= 0');
  }
  if (config.minAmountCents !== null && (!Number.isSafeInteger(config.minAmountCents) || config.minAmountCents < 0)) {
    throw new RangeError('triage: minAmountCents must be null or a whole number >= 0');
  }
  for (const share of setup.shares?.values() ?? []) {
    if (!Number.isSafeInteger(share) || share < 0) throw new RangeError('triage: a share must be a whole number >= 0');
  }
  for (const key of config.order) {
    if (!PRIORITY_KEYS.includes(key)) throw new RangeError(`triage: unknown priority key ${String(key)}`);
  }
  if (new Set(setup.workers.map((w) => w.id)).size !== setup.workers.length) {
    throw new RangeError('triage: duplicate worker id');
  }
}

/** Duplicates would make the plan depend on the input order. */
function checkUniqueIds(entries: readonly Entry[]): void {
  const ids = Float64Array.from(entries, (e) => e.id).sort();
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] === ids[i - 1]) throw new RangeError('triage: duplicate melding id');
  }
}

/**
 * Plans one month: step 1 altijd, step 2 niet-opgepakt (herhaald before onder-drempel), step 3
 * capaciteit in priority order for what the capacity leaves after step 1 and the kept work, step 4
 * uitgesteld; then a worker for every open picked melding, and the closures of last month's
 * deferred meldingen. Steps 1 and 2 and the kept decisions depend on one melding only, so they
 * are decided as the meldingen come in; the order and the workers wait for `finish`. Throws a
 * RangeError for impossible input (a bug in the caller).
 */
export class MonthPlanner {
  private readonly entries: Entry[] = [];
  private readonly candidates: Entry[] = [];
  /** picked, open and without a kept worker: gets one in the assignment pass */
  private readonly toAssign: Entry[] = [];
  private readonly households = new Set<number>();
  /** the gemeenten with a share of their own that have meldingen this month */
  private readonly sharePools = new Set<number>();
  /** decisions that take up capacity whatever the order (step 1 and the kept work), per pool (Entry.pool) */
  private readonly committed = new Map<number | null, number>();
  private readonly active: Set<number>;

  constructor(private readonly setup: MonthSetup) {
    checkSetup(setup);
    this.active = new Set(setup.workers.filter((w) => w.active).map((w) => w.id));
  }

  /** The gemeenten whose own share of the capacity is held for them: those with meldingen this month. */
  get sharesHeld(): ReadonlySet<number> {
    return this.sharePools;
  }

  /** How many meldingen were added so far. */
  get size(): number {
    return this.entries.length;
  }

  add(meldingen: Iterable<TriageMelding>): void {
    for (const melding of meldingen) {
      this.households.add(melding.householdId);
      const pool = this.poolOf(melding);
      if (pool !== null) this.sharePools.add(pool);
      this.entries.push(this.decide(melding));
    }
  }

  /** The gemeente whose own share the melding competes for; null for the shared capacity. */
  private poolOf(melding: TriageMelding): number | null {
    const gemeente = melding.gemeenteId;
    return gemeente !== undefined && this.setup.shares?.has(gemeente) === true ? gemeente : null;
  }

  private commit(pool: number | null): void {
    this.committed.set(pool, (this.committed.get(pool) ?? 0) + 1);
  }

  private decide(melding: TriageMelding): Entry {
    const facts = meldingFacts(melding);
    const current = melding.current;
    const pool = this.poolOf(melding);
    if (isKept(current)) {
      const picked = current.decision === 'altijd' || current.decision === 'capaciteit';
      if (takesCapacity(current)) this.commit(pool);
      // Open work of a worker who is no longer active moves to someone who is (when anyone is);
      // what was followed up or closed stays with who did it.
      const workerGone =
        current.workerId !== null &&
        !this.active.has(current.workerId) &&
        !current.followedUp &&
        !current.closed &&
        this.active.size > 0;
      const entry = newEntry(melding, facts, current.decision, 'behouden', workerGone ? null : current.workerId, pool);
      entry.joined = current.joined;
      if (picked && !current.closed && (current.workerId === null || workerGone)) this.toAssign.push(entry);
      return entry;
    }

    // A case in progress goes on with its worker: no capacity place, and no new worker unless
    // the case's worker is no longer active.
    const openCase = caseInProgress(melding);
    if (openCase !== null) {
      const stays = openCase.workerId !== null && this.active.has(openCase.workerId);
      const entry = newEntry(melding, facts, 'altijd', 'lopend', stays ? openCase.workerId : null, pool);
      entry.joins = { meldingId: openCase.meldingId, ref: openCase.ref };
      entry.joined = true;
      if (!stays) this.toAssign.push(entry);
      return entry;
    }

    const always = alwaysRule(melding, facts);
    if (always !== null) {
      this.commit(pool);
      const entry = newEntry(melding, facts, 'altijd', always, null, pool);
      this.toAssign.push(entry);
      return entry;
    }

    const finding = notPickedUpFinding(melding, facts, this.setup.month, this.setup.config);
    if (finding !== null) {
      const entry = newEntry(melding, facts, 'niet-opgepakt', finding.rule, null, pool);
      entry.finding = finding;
      return entry;
    }

    // Decided in `finish`, once the whole month is known.
    const entry = newEntry(melding, facts, 'uitgesteld', 'capaciteit-vol', null, pool);
    this.candidates.push(entry);
    return entry;
  }

  finish(deferredLastMonth: TriageInput['deferredLastMonth']): PlannedMonth {
    const { month, config, capacity, workers } = this.setup;
    const { entries, candidates, toAssign } = this;
    checkUniqueIds(entries);
    const byPriority = priorityComparator(config.order);

    // Step 1 and the kept work are never cut; the capacity step gets what is left, if anything.
    // A gemeente with a share of its own fills exactly that share; the others share the rest. A
    // gemeente without a list this month holds no share back.
    const shares = new Map([...(this.setup.shares ?? [])].filter(([gemeente]) => this.sharePools.has(gemeente)));
    let sharedCapacity = capacity;
    for (const share of shares.values()) sharedCapacity -= share;
    const poolCapacity = (pool: number | null): number => (pool === null ? Math.max(0, sharedCapacity) : shares.get(pool)!);
    const pools = new Map<number | null, { candidates: number; room: number }>();
    let room = 0;
    let overCapacityBy = 0;
    for (const pool of [null, ...shares.keys()]) {
      const committed = this.committed.get(pool) ?? 0;
      const poolCandidates = candidates.filter((entry) => entry.pool === pool).sort(byPriority);
      const poolRoom = Math.max(0, poolCapacity(pool) - committed);
      room += poolRoom;
      overCapacityBy += Math.max(0, committed - poolCapacity(pool));
      pools.set(pool, { candidates: poolCandidates.length, room: poolRoom });
      poolCandidates.forEach((entry, i) => {
        entry.place = i + 1;
        if (i < poolRoom) {
          entry.kind = 'capaciteit';
          entry.rule = 'prioriteit';
          toAssign.push(entry);
        }
      });
    }

    // Assignment: kept workers count first; then altijd before capaciteit, each in priority
    // order, so that when capacity runs short it is the lower-priority meldingen that overload
    // a worker.
    const assigner = createAssigner(workers, keptWorkers(entries));
    const kindRank = (e: Entry): number => (e.kind === 'altijd' ? 0 : 1);
    toAssign.sort((a, b) => kindRank(a) - kindRank(b) || byPriority(a, b));
    let unassigned = 0;
    for (const entry of toAssign) {
      entry.workerId = assigner.assign(entry.previousWorkerId);
      if (entry.workerId === null) unassigned++;
    }

    entries.sort(compareByRef);
    const counts = { altijd: 0, capaciteit: 0, 'niet-opgepakt': 0, uitgesteld: 0 };
    for (const entry of entries) counts[entry.kind]++;
    const shared = pools.get(null)!;
    pools.delete(null);
    const context: MonthContext = {
      order: config.order,
      candidates: shared.candidates,
      room: shared.room,
      pools: pools as Map<number, { candidates: number; room: number }>,
    };

    return {
      month,
      decisions: decisionList(entries, context),
      closures: planClosures(deferredLastMonth, this.households),
      figures: {
        capacity,
        alwaysCount: counts.altijd,
        pickedByCapacity: counts.capaciteit,
        notPickedUp: counts['niet-opgepakt'],
        deferred: counts.uitgesteld,
        remainingCapacity: room,
        overCapacityBy,
        unassigned,
      },
    };
  }
}

function newEntry(
  melding: TriageMelding,
  facts: MeldingFacts,
  kind: Entry['kind'],
  rule: Entry['rule'],
  workerId: number | null,
  pool: number | null,
): Entry {
  return {
    id: melding.id,
    ref: melding.ref,
    previousWorkerId: melding.previousWorkerId,
    woon: facts.woon,
    totalCents: facts.totalCents,
    earliestOntstaansdatum: facts.earliestOntstaansdatum,
    organisations: facts.organisations,
    kind,
    rule,
    workerId,
    place: null,
    finding: null,
    pool,
    joins: null,
    joined: false,
  };
}

/** The worker of each kept decision that has one: they count against that worker's capacity. */
function* keptWorkers(entries: readonly Entry[]): Generator<number> {
  for (const entry of entries) if (entry.rule === 'behouden' && entry.workerId !== null && !entry.joined) yield entry.workerId;
}

/**
 * Last month's deferred meldingen are never picked up in their own month, so each is closed as
 * not picked up for lack of capacity (the national "andere reden" covers "not enough staff").
 * Where the household is back on this month's list, its follow-up goes on through the new
 * melding (picked "always"); otherwise the promise to follow it up "if it comes back" lapses.
 */
function planClosures(deferredLastMonth: TriageInput['deferredLastMonth'], present: ReadonlySet<number>): Closure[] {
  const seen = new Set<number>();
  return [...deferredLastMonth]
    .sort(compareByRef)
    .filter((d) => {
      if (seen.has(d.id)) return false;
      seen.add(d.id);
      return true;
    })
    .map((d) => ({
      meldingId: d.id,
      ref: d.ref,
      result: 'Niet opgepakt: andere reden',
      reason: present.has(d.householdId) ? CLOSURE_REASON_RETURNED : CLOSURE_REASON,
    }));
}

/** Plans a month whose meldingen are all at hand, with every decision built. */
export function planTriage(input: TriageInput): TriagePlan {
  const planner = new MonthPlanner(input);
  planner.add(input.meldingen);
  const planned = planner.finish(input.deferredLastMonth);
  return { ...planned, decisions: [...planned.decisions] };
}
