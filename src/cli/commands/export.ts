import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';
import type { DdasOptions } from '../actions/export.js';

export function registerExport(program: Command, io: Io): void {
  const exportCommand = program
    .command('export')
    .alias('exporteer')
    .description('Lever gegevens aan in een landelijk formaat.')
    .usage('ddas [opties]');

  exportCommand
    .command('ddas')
    .description('De levering vroegsignalering volgens het DDAS-uitwisselmodel v1.2 (JSON), met volledige BSN’s.')
    .usage('--from JJJJ-MM --to JJJJ-MM --gemeentecode NNNN --organisation NAAM [opties]')
    .requiredOption('--from <JJJJ-MM>', 'de eerste maand')
    .requiredOption('--to <JJJJ-MM>', 'de laatste maand')
    .requiredOption('--gemeentecode <code>', 'de CBS-gemeentecode, vier cijfers (Heemstede: 0397)')
    .requiredOption('--organisation <naam>', 'de aanleverende organisatie')
    .option('--kvk <nummer>', 'het KvK-nummer van de organisatie')
    .option('--contact-name <naam>', 'de contactpersoon')
    .option('--contact-email <adres>', 'het e-mailadres van de contactpersoon')
    .option('--contact-phone <nummer>', 'het telefoonnummer van de contactpersoon')
    .option('--supplier-code <code>', 'de code van de gegevensleverancier (standaard de naam van de organisatie)')
    .option('--out <bestand>', 'schrijf naar dit bestand (alleen voor u leesbaar) in plaats van naar het scherm')
    .action(async (options: DdasOptions, command: Command) => {
      const { runExportDdas } = await import('../actions/export.js');
      await runExportDdas(io, options, command);
    });
}
