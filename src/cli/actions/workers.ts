import type { Command } from 'commander';
import { addWorker, updateWorker } from '../../app/workers.js';
import type { WorkerRecord } from '../../store/store.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { now, withStore } from '../context.js';
import { parseCount, parseFormat } from '../options.js';

export async function runAddWorker(io: Io, name: string, options: { capacity: string }, command: Command): Promise<void> {
  const capacity = parseCount('--capacity', options.capacity);
  await withStore(command, io, 'write', async (store) => {
    const worker = await addWorker(store, { name, capacity, createdAt: now(io) });
    writeLine(io.stdout, `Medewerker ${worker.name} toegevoegd, capaciteit ${worker.capacity} per maand.`);
  });
}

export async function runListWorkers(io: Io, options: { format?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const list = await store.workers();
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify(list, null, 2));
      return;
    }
    if (list.length === 0) {
      writeLine(io.stdout, 'Nog geen medewerkers. Voeg er een toe met: eropaf workers add "Naam" --capacity N');
      return;
    }
    io.stdout.write(renderWorkers(list, io));
  });
}

export async function runSetWorkerCapacity(io: Io, name: string, options: { capacity: string }, command: Command): Promise<void> {
  const capacity = parseCount('--capacity', options.capacity);
  await withStore(command, io, 'write', async (store) => {
    const worker = await updateWorker(store, name, { capacity });
    writeLine(io.stdout, `Capaciteit van ${worker.name} is nu ${capacity} per maand.`);
  });
}

/** (Deactivating asks where the open work goes: actions/handover.ts.) */
export async function runActivateWorker(io: Io, name: string, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const worker = await updateWorker(store, name, { active: true });
    writeLine(io.stdout, `${worker.name} is weer actief.`);
  });
}

function renderWorkers(list: readonly WorkerRecord[], io: Io): string {
  return renderTable(
    ['naam', 'capaciteit', 'actief'],
    list.map((w) => [w.name, String(w.capacity), w.active ? 'ja' : 'nee']),
    colourFor(io.stdout, io.env),
    { numeric: new Set([1]) },
  );
}
