import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

export function registerFind(program: Command, io: Io): void {
  program
    .command('find')
    .alias('zoek')
    .description('Zoek een huishouden (als een inwoner terugbelt): alle meldingen over alle maanden, met stand en resultaat.')
    .argument('<tekst...>', 'meldingnummer (2022-01-017), postcode en huisnummer (2101AB 12), telefoonnummer of naam')
    .option('--format <vorm>', 'tekst (standaard) of json')
    .action(async (words: string[], options: { format?: string }, command: Command) => {
      const { runFind } = await import('../actions/find.js');
      await runFind(io, words.join(' '), options, command);
    });
}
