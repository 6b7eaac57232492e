import type { Command } from 'commander';
import { handOver, type HandoverChoice } from '../../app/handover.js';
import { UsageError } from '../../core/errors.js';
import { writeLine, type Io } from '../../terminal/io.js';
import { withStore } from '../context.js';

export interface HandoverCommandOptions {
  /** workers deactivate --handover */
  handover?: string;
  /** workers handover --to */
  to?: string;
  spread?: boolean;
  dryRun?: boolean;
}

export async function runHandover(
  io: Io,
  name: string,
  options: HandoverCommandOptions & { deactivate: boolean },
  command: Command,
): Promise<void> {
  const colleague = options.handover ?? options.to;
  const option = options.deactivate ? '--handover' : '--to';
  if (colleague !== undefined && options.spread) {
    throw new UsageError(`${option} en --spread sluiten elkaar uit.`, { hint: `Kies ${option} NAAM (één collega) of --spread (verdelen).` });
  }
  const target: HandoverChoice | null =
    colleague !== undefined ? { kind: 'colleague', name: colleague } : options.spread ? { kind: 'spread' } : null;
  if (target === null && !options.deactivate) {
    throw new UsageError('Naar wie gaat het open werk?', {
      hint: `Geef --to NAAM (één collega) of --spread (verdelen over de actieve collega's), bijvoorbeeld: eropaf workers handover "${name}" --spread`,
    });
  }
  const dryRun = options.dryRun === true;
  await withStore(command, io, dryRun ? 'dry-run' : 'write', async (store) => {
    const outcome = await handOver(store, { from: name, target, deactivate: options.deactivate, dryRun });
    const { worker, moves } = outcome;
    const verb = dryRun ? 'zou gaan' : 'is gegaan';
    if (moves.length === 0) {
      writeLine(io.stdout, `${worker.name} heeft geen open meldingen.`);
    } else {
      const perWorker = new Map<string, number>();
      for (const m of moves) perWorker.set(m.workerName, (perWorker.get(m.workerName) ?? 0) + 1);
      writeLine(
        io.stdout,
        `Het open werk van ${worker.name} (${moves.length} ${moves.length === 1 ? 'melding' : 'meldingen'}) ${verb} naar: ${[...perWorker].map(([n, c]) => `${n} ${c}`).join(', ')}.`,
      );
      for (const m of moves) writeLine(io.stdout, `  ${m.ref}  ${m.workerName}`);
    }
    if (options.deactivate) writeLine(io.stdout, `${worker.name} ${dryRun ? 'zou op non-actief gaan' : 'is op non-actief gezet'}.`);
    if (dryRun) writeLine(io.stdout, 'Proefrun: er is niets veranderd.');
  });
}
