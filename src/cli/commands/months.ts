import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

export function registerMonths(program: Command, io: Io): void {
  const months = program
    .command('months')
    .alias('maanden')
    .description('De stand van elke ingelezen maand: ontvangen, toegewezen, opgevolgd, uitgesteld, afgesloten.')
    .option('--gemeente <code-of-naam>', 'alleen de lijsten van deze gemeente')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string; gemeente?: string }, command: Command) => {
      const { runMonths } = await import('../actions/months.js');
      await runMonths(io, options, command);
    });

  months
    .command('delete')
    .alias('verwijder')
    .description('Verwijder de lijst van een maand met haar meldingen (bijvoorbeeld een lijst onder de verkeerde maand).')
    .argument('<JJJJ-MM>', 'de maand')
    .option('--dry-run', 'laat precies zien wat er weg zou gaan, zonder iets te verwijderen')
    .option('--force', 'ook als er voor die maand al opvolging is vastgelegd (die gaat dan verloren)')
    .option('--gemeente <code-of-naam>', 'de lijst van deze gemeente (nodig als de database meer gemeenten kent)')
    .action(async (month: string, options: { dryRun?: boolean; force?: boolean; gemeente?: string }, command: Command) => {
      const { runDeleteMonth } = await import('../actions/months.js');
      await runDeleteMonth(io, month, options, command);
    });
}
