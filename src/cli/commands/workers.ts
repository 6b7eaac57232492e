import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Io } from '../../terminal/io.js';

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
      const { runAddWorker } = await import('../actions/workers.js');
      await runAddWorker(io, name, options, command);
    });

  workers
    .command('list')
    .alias('lijst')
    .description('Toon de medewerkers.')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string }, command: Command) => {
      const { runListWorkers } = await import('../actions/workers.js');
      await runListWorkers(io, options, command);
    });

  workers
    .command('set')
    .alias('wijzig')
    .description('Wijzig de capaciteit van een medewerker.')
    .argument('<naam>', 'de naam van de medewerker')
    .requiredOption('--capacity <aantal>', 'hoeveel nieuwe meldingen per maand')
    .action(async (name: string, options: { capacity: string }, command: Command) => {
      const { runSetWorkerCapacity } = await import('../actions/workers.js');
      await runSetWorkerCapacity(io, name, options, command);
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
        const { runSetWorkerActive } = await import('../actions/workers.js');
        await runSetWorkerActive(io, name, active, command);
      });
  }

  workers.action(() => {
    throw new UsageError('Welke medewerkersopdracht?', { hint: 'Kies add, list, set, deactivate of activate; zie eropaf workers --help.' });
  });
}
