import { triageMonth, type TriageOutcome } from '../app/triage-month.js';
import { triageFingerprint } from '../app/triage-preview.js';
import type { DecisionKind, TriageFigures } from '../core/triage/types.js';
import type { Month } from '../core/types.js';
import type { WorkerRecord } from '../store/store.js';
import { onOwnConnection, type JobConnection } from './job-connection.js';
import type { JobReport } from './job-kinds.js';

// A month's triage as the web app runs it off the request path: the same use case as `eropaf
// triage`, on a connection of its own. Without `previewed` it is the dry run (the preview, on a
// read-only connection); with it, the confirmed run, which stores the plan only when it is still
// the one previewed. What it ends with is plain data, as the page shows it: the plan's decisions
// are built lazily and could not cross to the server's thread as they are.

export interface TriageJobSpec extends JobConnection {
  month: Month;
  /** Given by the coordinator; otherwise the sum over the active workers. */
  capacity?: number;
  today: string;
  /** The fingerprint of the preview being confirmed. */
  previewed?: string;
}

export interface TriageView {
  month: Month;
  fingerprint: string;
  rerun: boolean;
  previousMonthUntriaged: Month | null;
  figures: TriageFigures;
  capacityOverridden: boolean;
  closures: number;
  workers: WorkerRecord[];
  /** Per worker id, how many meldingen the plan gives them. */
  perWorker: Array<[number, number]>;
  decisions: Array<{ ref: string; kind: DecisionKind; workerId: number | null; reason: string }>;
}

export interface TriageJobOutcome {
  view: TriageView;
  /** The confirmed plan was stored. */
  applied: boolean;
  /** The plan differs from the preview confirmed: nothing was stored, `view` is the new plan. */
  changed: boolean;
}

function viewOf(outcome: TriageOutcome): TriageView {
  const { plan, run, workers } = outcome;
  const perWorker = new Map<number, number>();
  for (const d of plan.decisions.outline()) if (d.workerId !== null) perWorker.set(d.workerId, (perWorker.get(d.workerId) ?? 0) + 1);
  return {
    month: plan.month,
    fingerprint: triageFingerprint(outcome),
    rerun: outcome.rerun,
    previousMonthUntriaged: outcome.previousMonthUntriaged,
    figures: plan.figures,
    capacityOverridden: run.capacityOverridden,
    closures: plan.closures.length,
    workers,
    perWorker: [...perWorker],
    decisions: Array.from(plan.decisions, (d) => ({ ref: d.ref, kind: d.kind, workerId: d.workerId, reason: d.reason })),
  };
}

export function runTriageJob(spec: TriageJobSpec, report: JobReport<TriageJobOutcome>): Promise<void> {
  const dryRun = spec.previewed === undefined;
  return onOwnConnection(spec, dryRun, report, async (store) => {
    const outcome = await triageMonth(store, {
      month: spec.month,
      ...(spec.capacity !== undefined && { capacity: spec.capacity }),
      dryRun,
      today: spec.today,
      now: () => spec.now,
      ...(spec.previewed !== undefined && { previewed: spec.previewed }),
      onProgress: (meldingen) => report({ kind: 'progress', done: meldingen, total: 0 }),
    });
    const changed = outcome.changedSincePreview === true;
    return { view: viewOf(outcome), applied: !dryRun && !changed, changed };
  });
}
