import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { StatsOptions } from '../actions/stats.js';

export function registerStats(program: Command, io: Io): void {
  program
    .command('stats')
    .alias('cijfers')
    .description('De cijfers over een periode: huishoudens, soorten schuld, leeftijd, contactpogingen, bereik, hulpacceptatie, resultaten.')
    .usage('--from JJJJ-MM --to JJJJ-MM [opties]')
    .requiredOption('--from <JJJJ-MM>', 'de eerste maand van de periode')
    .requiredOption('--to <JJJJ-MM>', 'de laatste maand van de periode')
    .option('--gemeente <code-of-naam>', 'alleen de meldingen van deze gemeente')
    .option('--format <vorm>', 'tabel (standaard), md, json of csv')
    .action(async (options: StatsOptions, command: Command) => {
      const { runStats } = await import('../actions/stats.js');
      await runStats(io, options, command);
    });
}
