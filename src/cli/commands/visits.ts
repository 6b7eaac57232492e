import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { VisitsOptions } from '../actions/visits.js';

export function registerVisits(program: Command, io: Io): void {
  program
    .command('visits')
    .alias('huisbezoeken')
    .description('De huisbezoekenlijst van een maand: wie telefonisch niet te bereiken is, in route-volgorde.')
    .usage('--month JJJJ-MM [opties]')
    .requiredOption('--month <JJJJ-MM>', 'de maand van de lijst')
    .option('--worker <naam>', 'alleen de meldingen van deze medewerker')
    .option('--gemeente <code-of-naam>', 'alleen de meldingen van deze gemeente')
    .option('--format <vorm>', 'tabel (standaard), csv (voor Excel), json of html (routeblad om te printen)')
    .option('--delimiter <teken>', 'met --format csv: ";" (standaard, Nederlandse Excel) of ","')
    .option('--out <bestand>', 'schrijf naar dit bestand (alleen voor u leesbaar); zonder --format een CSV')
    .action(async (options: VisitsOptions, command: Command) => {
      const { runVisits } = await import('../actions/visits.js');
      await runVisits(io, options, command);
    });
}
