import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Io } from '../../terminal/io.js';
import type { HandoverCommandOptions } from '../actions/handover.js';

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

  workers
    .command('activate')
    .alias('activeer')
    .description('Zet een medewerker weer aan het werk.')
    .argument('<naam>', 'de naam van de medewerker')
    .action(async (name: string, _options: unknown, command: Command) => {
      const { runActivateWorker } = await import('../actions/workers.js');
      await runActivateWorker(io, name, command);
    });

  workers
    .command('deactivate')
    .alias('deactiveer')
    .description('Zet een medewerker op non-actief: krijgt geen nieuwe meldingen meer; open werk gaat naar een collega.')
    .argument('<naam>', 'de naam van de medewerker')
    .option('--handover <naam>', 'het open werk gaat naar deze collega')
    .option('--spread', "het open werk wordt verdeeld over de actieve collega's, naar vrije capaciteit")
    .option('--dry-run', 'laat zien waar elke open melding heen gaat, zonder iets te veranderen')
    .action(async (name: string, options: HandoverCommandOptions, command: Command) => {
      const { runHandover } = await import('../actions/handover.js');
      await runHandover(io, name, { ...options, deactivate: true }, command);
    });

  workers
    .command('handover')
    .alias('overdragen')
    .description('Draag het open werk van een medewerker over, bijvoorbeeld bij ziekte (de medewerker blijft actief).')
    .argument('<van>', 'de medewerker van wie het open werk is')
    .option('--to <naam>', 'het open werk gaat naar deze collega')
    .option('--spread', "het open werk wordt verdeeld over de actieve collega's, naar vrije capaciteit")
    .option('--dry-run', 'laat zien waar elke open melding heen gaat, zonder iets te veranderen')
    .action(async (name: string, options: HandoverCommandOptions, command: Command) => {
      const { runHandover } = await import('../actions/handover.js');
      await runHandover(io, name, { ...options, deactivate: false }, command);
    });

  workers.action(() => {
    throw new UsageError('Welke medewerkersopdracht?', { hint: 'Kies add, list, set, deactivate, activate of handover; zie eropaf workers --help.' });
  });
}
