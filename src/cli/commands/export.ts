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
    .description(
      'De levering vroegsignalering volgens het DDAS-uitwisselmodel v1.2 (JSON), met volledige BSN’s. Vaste gegevens (gemeentecode, organisatie, KvK, contactpersoon) kunt u één keer bewaren met "eropaf config set ddas.…"; een optie gaat voor.',
    )
    .usage('--from JJJJ-MM --to JJJJ-MM --contact-email ADRES --out levering.json [opties]')
    .requiredOption('--from <JJJJ-MM>', 'de eerste maand')
    .requiredOption('--to <JJJJ-MM>', 'de laatste maand')
    .option('--gemeentecode <code>', 'de CBS-gemeentecode, vier cijfers (Heemstede: 0397), als de database die nog niet kent; of config set ddas.gemeentecode')
    .option('--gemeente <code-of-naam>', 'alleen de levering van deze gemeente (bij meer gemeenten komt er anders een per gemeente)')
    .option('--organisation <naam>', 'de aanleverende organisatie; of config set ddas.organisatie')
    .option('--kvk <nummer>', 'het KvK-nummer van de organisatie; of config set ddas.kvk')
    .option('--contact-email <adres>', 'verplicht: waar het CBS zijn terugmelding heen stuurt; of config set ddas.contact-email')
    .option('--contact-name <naam>', 'de naam van de contactpersoon; of config set ddas.contact-naam')
    .option('--contact-phone <nummer>', 'het telefoonnummer van de contactpersoon; of config set ddas.contact-telefoon')
    .option('--functietitel <titel>', 'de functie van de contactpersoon; of config set ddas.functietitel')
    .option('--supplier-code <code>', 'codeGegevensleverancier (standaard de naam en versie van eropaf, zoals "eropaf 0.1.0")')
    .option('--out <bestand>', 'schrijf naar dit bestand (alleen voor u leesbaar); boven 50.000 vroegsignalen komen er delen naast: <naam>-deel-1-van-3.json')
    .action(async (options: DdasOptions, command: Command) => {
      const { runExportDdas } = await import('../actions/export.js');
      await runExportDdas(io, options, command);
    });
}
