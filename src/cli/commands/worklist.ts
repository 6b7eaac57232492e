import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { WorklistOptions } from '../actions/worklist.js';

export function registerWorklist(program: Command, io: Io): void {
  program
    .command('worklist')
    .alias('werklijst')
    .description('De meldingen die opgevolgd moeten worden: van een maand per medewerker, of zonder --month al het open werk, oudste eerst.')
    .usage('[--month JJJJ-MM] [opties]')
    .option('--month <JJJJ-MM>', 'de maand van de lijst (zonder: alle maanden, oudste eerst)')
    .option('--worker <naam>', 'alleen de meldingen van deze medewerker')
    .option('--gemeente <code-of-naam>', 'alleen de meldingen van deze gemeente')
    .option('--format <vorm>', 'tabel (standaard), csv (voor Excel) of json')
    .option('--delimiter <teken>', 'met --format csv: ";" (standaard, Nederlandse Excel) of ","')
    .option('--out <bestand>', 'schrijf de CSV naar dit bestand (alleen voor u leesbaar)')
    .action(async (options: WorklistOptions, command: Command) => {
      const { runWorklist } = await import('../actions/worklist.js');
      await runWorklist(io, options, command);
    });
}
