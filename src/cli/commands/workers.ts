import type { Command } from 'commander';
import { addWorker, updateWorker } from '../../app/workers.js';
import { UsageError } from '../../core/errors.js';
import type { WorkerRecord } from '../../store/store.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { now, withStore } from '../context.js';
import { parseCount, parseFormat } from '../options.js';

export function registerWorkers(program: Command, io: Io): void {
  const workers = program
    .command('workers')
    .alias('medewerkers')
    .description('Beheer de medewerkers en hun capaciteit (nieuwe meldingen per maand).')
    .usage('<opdracht> [opties]');

  workers
    .command('add')
    .alias('toevoegen')
    .description('Voeg een medewerker toe.')
    .argument('<naam>', 'de naam, tussen aanhalingstekens als er een spatie in staat')
    .requiredOption('--capacity <aantal>', 'hoeveel nieuwe meldingen per maand')
    .action(async (name: string, options: { capacity: string }, command: Command) => {
      const capacity = parseCount('--capacity', options.capacity);
      await withStore(command, io, 'write', async (store) => {
        const worker = await addWorker(store, { name, capacity, createdAt: now() });
        writeLine(io.stdout, `Medewerker ${worker.name} toegevoegd, capaciteit ${worker.capacity} per maand.`);
      });
    });

  workers
    .command('list')
    .alias('lijst')
    .description('Toon de medewerkers.')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string }, command: Command) => {
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
    });

  workers
    .command('set')
    .alias('wijzig')
    .description('Wijzig de capaciteit van een medewerker.')
    .argument('<naam>', 'de naam van de medewerker')
    .requiredOption('--capacity <aantal>', 'hoeveel nieuwe meldingen per maand')
    .action(async (name: string, options: { capacity: string }, command: Command) => {
      const capacity = parseCount('--capacity', options.capacity);
      await withStore(command, io, 'write', async (store) => {
        const worker = await updateWorker(store, name, { capacity });
        writeLine(io.stdout, `Capaciteit van ${worker.name} is nu ${capacity} per maand.`);
      });
    });

  for (const [verb, alias, active] of [
    ['deactivate', 'deactiveer', false],
    ['activate', 'activeer', true],
  ] as const) {
    workers
      .command(verb)
      .alias(alias)
      .description(
        active
          ? 'Zet een medewerker weer aan het werk.'
          : 'Zet een medewerker op non-actief: krijgt geen nieuwe meldingen meer (wat al is toegewezen, blijft).',
      )
      .argument('<naam>', 'de naam van de medewerker')
      .action(async (name: string, _options: unknown, command: Command) => {
        await withStore(command, io, 'write', async (store) => {
          const worker = await updateWorker(store, name, { active });
          writeLine(io.stdout, `${worker.name} is ${active ? 'weer actief' : 'op non-actief gezet'}.`);
        });
      });
  }

  workers.action(() => {
    throw new UsageError('Welke medewerkersopdracht?', { hint: 'Kies add, list, set, deactivate of activate; zie eropaf workers --help.' });
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
