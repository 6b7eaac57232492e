import { DataError, UsageError } from '../core/errors.js';
import { planHandover, type HandoverMove } from '../core/handover.js';
import type { Store, WorkerRecord } from '../store/store.js';
import { meldingState } from './melding-state.js';
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
  // Reads through `from`: the store for a dry run, the transaction's handle for the real run.
  const plan = async (from: Store): Promise<HandoverOutcome> => {
    const worker = await findWorker(from, options.from);
    const open = await from.openWork(worker.id);
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
    const workers = await from.workers();
    const target = options.target;
    const moves = planHandover({
      from: worker,
      open,
      target: target.kind === 'spread' ? target : { kind: 'colleague', workerId: (await findWorker(from, target.name)).id },
      workers,
      openLoad: await from.openLoad(),
    });
    const names = new Map(workers.map((w) => [w.id, w.name]));
    return { worker, moves: moves.map((m) => ({ ...m, workerName: names.get(m.workerId)! })), deactivated: options.deactivate };
  };
  if (options.dryRun) return plan(store);
  return store.transaction(async (tx) => {
    const outcome = await plan(tx);
    if (outcome.moves.length > 0) await tx.reassign(outcome.moves);
    if (options.deactivate) await tx.updateWorker(outcome.worker.id, { active: false });
    await tx.appendAudit({
      counts: {
        overgedragen: outcome.moves.length,
        ontvangers: new Set(outcome.moves.map((m) => m.workerId)).size,
      },
    });
    return outcome;
  });
}

/**
 * Hands one melding to a colleague, with every open melding of its household's case: a melding
 * that joined a case keeps its own worker, so moving only the one named would leave the household
 * on two worklists.
 */
export async function handOverMelding(store: Store, ref: string, colleague: string): Promise<HandoverOutcome> {
  return store.transaction(async (tx) => {
    const state = await meldingState(tx, ref);
    const workers = await tx.workers();
    const worker = workers.find((w) => w.id === state.workerId);
    if (worker === undefined) {
      throw new DataError(`Melding ${state.ref} heeft nog geen medewerker.`, { hint: 'Pak de melding eerst op; daarna kan ze naar een collega.' });
    }
    const members = await tx.openCase(state.id);
    const moves = planHandover({
      from: worker,
      open: members,
      target: { kind: 'colleague', workerId: (await findWorker(tx, colleague)).id },
      workers,
      openLoad: await tx.openLoad(),
      // the named melding first, so that one that is no open work is refused by its own reference
      only: [state.ref, ...members.filter((m) => m.ref !== state.ref).map((m) => m.ref)],
    });
    await tx.reassign(moves);
    await tx.appendAudit({ counts: { overgedragen: moves.length, ontvangers: new Set(moves.map((m) => m.workerId)).size } });
    const names = new Map(workers.map((w) => [w.id, w.name]));
    return { worker, moves: moves.map((m) => ({ ...m, workerName: names.get(m.workerId)! })), deactivated: false };
  });
}
