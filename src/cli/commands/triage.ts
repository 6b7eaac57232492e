import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { TriageOptions } from '../actions/triage.js';

export function registerTriage(program: Command, io: Io): void {
  program
    .command('triage')
    .alias('trieer')
    .description('Bepaal per melding van een maand of en door wie ze wordt opgevolgd.')
    .usage('--month JJJJ-MM [opties]')
    .requiredOption('--month <JJJJ-MM>', 'de maand van de lijst')
    .option('--gemeente <code-of-naam>', 'alleen de lijst van deze gemeente (anders alle gemeenten samen)')
    .option('--capacity <aantal>', 'de capaciteit van deze maand (anders de som over de actieve medewerkers, of de ingestelde capaciteit.CODE van de gemeente)')
    .option('--dry-run', 'laat het plan (elk besluit met reden) zien zonder iets op te slaan')
    .option('--details', 'toon ook na het opslaan elk besluit met reden')
    .option('--format <vorm>', 'tekst (standaard) of json')
    .action(async (options: TriageOptions, command: Command) => {
      const { runTriage } = await import('../actions/triage.js');
      await runTriage(io, options, command);
    });
}
