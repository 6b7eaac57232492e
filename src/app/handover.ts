import { UsageError } from '../core/errors.js';
import { planHandover, type HandoverMove } from '../core/handover.js';
import type { Store, WorkerRecord } from '../store/store.js';
import { findWorker } from './workers.js';

export type HandoverChoice = { kind: 'colleague'; name: string } | { kind: 'spread' };

export interface HandoverOptions {
  /** the worker whose open work moves */
  from: string;
  /** where it goes; may be absent only when deactivating a worker without open work */
  target: HandoverChoice | null;
  /** also put the worker on non-active (workers deactivate) */
  deactivate: boolean;
  dryRun: boolean;
  /** only these meldingen (references) move, not all open work: one melding to a colleague */
  only?: readonly string[];
}

export interface HandoverOutcome {
  worker: WorkerRecord;
  moves: Array<HandoverMove & { workerName: string }>;
  deactivated: boolean;
}

/**
 * Moves a worker's open work (workers handover, and workers deactivate). The plan is made in the
 * core from the worker's open meldingen; a dry run shows it, the real run plans again inside its
 * transaction and applies exactly that.
 */
export async function handOver(store: Store, options: HandoverOptions): Promise<HandoverOutcome> {
  const plan = async (): Promise<HandoverOutcome> => {
    const worker = await findWorker(store, options.from);
    const open = await store.openWork(worker.id);
    if (options.target === null) {
      if (open.length > 0) {
        throw new UsageError(
          `${worker.name} heeft nog ${open.length} open ${open.length === 1 ? 'melding' : 'meldingen'}. Waar ${open.length === 1 ? 'gaat die' : 'gaan die'} heen?`,
          {
            hint: `Geef --handover NAAM (naar één collega) of --spread (verdelen over de actieve collega's naar vrije capaciteit), bijvoorbeeld: eropaf workers deactivate "${worker.name}" --spread`,
          },
        );
      }
      return { worker, moves: [], deactivated: options.deactivate };
    }
    const workers = await store.workers();
    const target = options.target;
    const moves = planHandover({
      from: worker,
      open,
      target: target.kind === 'spread' ? target : { kind: 'colleague', workerId: (await findWorker(store, target.name)).id },
      workers,
      openLoad: await store.openLoad(),
      ...(options.only !== undefined && { only: options.only }),
    });
    const names = new Map(workers.map((w) => [w.id, w.name]));
    return { worker, moves: moves.map((m) => ({ ...m, workerName: names.get(m.workerId)! })), deactivated: options.deactivate };
  };
  if (options.dryRun) return plan();
  return store.transaction(async () => {
    const outcome = await plan();
    if (outcome.moves.length > 0) await store.reassign(outcome.moves);
    if (options.deactivate) await store.updateWorker(outcome.worker.id, { active: false });
    await store.appendAudit({
      counts: {
        overgedragen: outcome.moves.length,
        ontvangers: new Set(outcome.moves.map((m) => m.workerId)).size,
      },
    });
    return outcome;
  });
}
