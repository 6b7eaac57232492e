import { DataError } from '../core/errors.js';
import { gemeenteCapacities, type Gemeente } from '../core/gemeente.js';
import { addMonths } from '../core/month.js';
import { triageConfigFrom } from '../core/settings.js';
import { MonthPlanner } from '../core/triage/plan.js';
import { storedPlan } from '../core/triage/stored-plan.js';
import type { PlannedMonth } from '../core/triage/types.js';
import type { IsoDate, Month } from '../core/types.js';
import type { Store, TriageRun, WorkerRecord } from '../store/store.js';
import { triageFingerprint } from './triage-preview.js';

export interface TriageOptions {
  month: Month;
  /** `--capacity`: this run's capacity instead of the sum over active workers (or the gemeente's configured one). */
  capacity?: number;
  /** `--gemeente`: triage only this gemeente's list; without it every gemeente's list of the month together. */
  gemeente?: Gemeente;
  dryRun: boolean;
  today: IsoDate;
  now: () => string;
  /**
   * The fingerprint (triage-preview.ts) of the preview this run confirms: when the plan made now
   * differs, nothing is stored and the outcome says so. Checked inside the run's transaction.
   */
  previewed?: string;
  /** Called as the month's meldingen are read, with how many were read so far. */
  onProgress?: (meldingen: number) => void;
}

export interface TriageOutcome {
  plan: PlannedMonth;
  run: TriageRun;
  workers: WorkerRecord[];
  /** The month was triaged before; this run kept what was assigned or followed up. */
  rerun: boolean;
  /** Not a run: the month's triage as it was stored then (`triage --details` after a real run). */
  stored: boolean;
  /**
   * The month before has a list that was never triaged, so none of its households counts as
   * followed up and every one that returns is picked "always".
   */
  previousMonthUntriaged: Month | null;
  /**
   * The gemeenten whose configured capacity (`capaciteit.CODE`) decided this run: the one
   * triaged alone, or those with a fixed share of a run of all gemeenten. Absent: none.
   */
  fixedCapacities?: Array<{ gemeente: Gemeente; capacity: number }>;
  /** The plan differs from the confirmed preview (`previewed`), so nothing was stored. */
  changedSincePreview?: true;
}

/**
 * Plans the month's triage in the core and, unless it is a dry run, stores it. A real run reads,
 * plans and writes in one transaction, so a second eropaf triaging or recording at the same
 * moment waits and then works on what this one stored.
 */
export async function triageMonth(store: Store, options: TriageOptions): Promise<TriageOutcome> {
  if (options.dryRun) return planMonth(store, options);
  return store.transaction(async (tx) => {
    const outcome = await planMonth(tx, options);
    if (options.previewed !== undefined && triageFingerprint(outcome) !== options.previewed) return { ...outcome, changedSincePreview: true as const };
    const { plan, run } = outcome;
    const shares = new Map((outcome.fixedCapacities ?? []).map((f) => [f.gemeente.id, f.capacity]));
    await tx.applyTriage(plan, run, options.today, options.gemeente === undefined ? undefined : [options.gemeente.id], shares);
    const { figures } = plan;
    await tx.appendAudit({
      counts: {
        meldingen: plan.decisions.length,
        capaciteit: figures.capacity,
        altijd: figures.alwaysCount,
        binnen_capaciteit: figures.pickedByCapacity,
        niet_opgepakt: figures.notPickedUp,
        uitgesteld: figures.deferred,
        afgesloten_vorige_maand: plan.closures.length,
      },
    });
    return outcome;
  });
}

/** The month's stored triage, when it was triaged: what `--details` shows after a real run. */
export async function storedTriage(store: Store, month: Month, gemeente?: Gemeente): Promise<TriageOutcome | null> {
  const run = await store.triageRun(month, gemeente === undefined ? undefined : [gemeente.id]);
  if (run === undefined) return null;
  return {
    plan: storedPlan(month, await store.storedDecisions(month, gemeente?.id), run.capacity),
    run,
    workers: await store.workers(),
    rerun: false,
    stored: true,
    previousMonthUntriaged: null,
  };
}

async function planMonth(store: Store, options: TriageOptions): Promise<TriageOutcome> {
  const workers = await store.workers();
  const settings = await store.settings();
  const config = triageConfigFrom(settings);
  const teamCapacity = workers.filter((w) => w.active).reduce((sum, w) => sum + w.capacity, 0);
  const gemeenten = await store.gemeenten();
  const shares = gemeenteCapacities(gemeenten, settings);
  const { gemeente } = options;
  const scope = gemeente === undefined ? undefined : [gemeente.id];
  const capacity = options.capacity ?? (gemeente === undefined ? teamCapacity : (shares.get(gemeente.id) ?? teamCapacity));
  // The workers are shared: what they were given of the month in other gemeenten counts against them.
  const elsewhere = scope === undefined ? new Map<number, number>() : await store.assignedElsewhere(options.month, scope);
  const planner = new MonthPlanner({
    month: options.month,
    workers: workers.map((w) => ({ id: w.id, name: w.name, capacity: w.capacity - (elsewhere.get(w.id) ?? 0), active: w.active })),
    capacity,
    ...(gemeente === undefined && shares.size > 0 && { shares }),
    config,
  });
  const data = await store.triageData(options.month, config.repeatMonths, scope);
  for await (const batch of data.meldingen) {
    planner.add(batch);
    options.onProgress?.(planner.size);
  }
  if (planner.size === 0) {
    throw new DataError(`Er is geen lijst van ${options.month} ingelezen.`, {
      hint: `Lees eerst de lijst in met "eropaf import BESTAND --month ${options.month}"; "eropaf months" toont de ingelezen maanden.`,
    });
  }
  const previous = await store.triageRun(options.month, scope);
  const lastMonth = addMonths(options.month, -1);
  const lastMonthUntriaged =
    (await store.importedMonths(gemeente?.id)).has(lastMonth) && (await store.triageRun(lastMonth, scope)) === undefined;
  const plan = planner.finish(data.deferredLastMonth);
  const run: TriageRun = {
    month: options.month,
    capacity,
    capacityOverridden: options.capacity !== undefined,
    config,
    triagedAt: options.now(),
  };
  const fixedIds = gemeente === undefined ? planner.sharesHeld : options.capacity === undefined ? new Set([gemeente.id]) : new Set<number>();
  const fixed = gemeenten.filter((g) => shares.has(g.id) && fixedIds.has(g.id)).map((g) => ({ gemeente: g, capacity: shares.get(g.id)! }));
  return {
    plan,
    run,
    workers,
    rerun: previous !== undefined,
    stored: false,
    previousMonthUntriaged: lastMonthUntriaged ? lastMonth : null,
    ...(fixed.length > 0 && { fixedCapacities: fixed }),
  };
}
