import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

export function registerPrivacy(program: Command, io: Io): void {
  program
    .command('purge')
    .alias('opschonen')
    .description('Verwijder de persoonsgegevens waarvan de bewaartermijn voorbij is; de tellingen blijven.')
    .option('--dry-run', 'laat zien wat er verwijderd zou worden, zonder iets te verwijderen')
    .action(async (options: { dryRun?: boolean }, command: Command) => {
      const { runPurge } = await import('../actions/privacy.js');
      await runPurge(io, options, command);
    });

  program
    .command('audit')
    .alias('logboek')
    .description('Het logboek: wie wanneer welke wijzigende opdracht gaf, met aantallen (nooit persoonsgegevens).')
    .option('--from <JJJJ-MM-DD>', 'alleen vanaf deze datum')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { from?: string; format?: string }, command: Command) => {
      const { runAudit } = await import('../actions/privacy.js');
      await runAudit(io, options, command);
    });
}
