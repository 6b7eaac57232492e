import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { TableOptions } from '../actions/table.js';

export function registerTable(program: Command, io: Io): void {
  program
    .command('table')
    .alias('tabel')
    .description('De tabel ontvangen/opgevolgd per periode (zoals in de halfjaarrapportage), of per maand.')
    .usage('--from JJJJ-MM --to JJJJ-MM [opties]')
    .requiredOption('--from <JJJJ-MM>', 'de eerste maand van de periode')
    .requiredOption('--to <JJJJ-MM>', 'de laatste maand van de periode')
    .option('--compare <JJJJ-MM:JJJJ-MM>', 'zet er een tweede periode naast, bv. 2021-05:2021-12')
    .option('--per-month', 'per maand en categorie: ontvangen, opgevolgd, open en uitgesteld')
    .option('--format <vorm>', 'tabel (standaard), md (om te plakken in het rapport), json of csv')
    .option('--chart', 'met een staafje per maand (ontvangen tegen opgevolgd)')
    .option('--gemeente <code-of-naam>', 'alleen deze gemeente, met haar naam boven de eerste kolom (bij één gemeente: de tekst boven de eerste kolom, bv. "Gemeente Heemstede")')
    .action(async (options: TableOptions, command: Command) => {
      const { runTable } = await import('../actions/table.js');
      await runTable(io, options, command);
    });
}
