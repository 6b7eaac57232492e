import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

export function registerMonths(program: Command, io: Io): void {
  program
    .command('months')
    .alias('maanden')
    .description('De stand van elke ingelezen maand: ontvangen, toegewezen, opgevolgd, uitgesteld, afgesloten.')
    .option('--gemeente <code-of-naam>', 'alleen de lijsten van deze gemeente')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string; gemeente?: string }, command: Command) => {
      const { runMonths } = await import('../actions/months.js');
      await runMonths(io, options, command);
    });
}
