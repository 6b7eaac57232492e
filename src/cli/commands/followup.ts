import type { Command } from 'commander';
import { DELETE_REASONS } from '../../core/attempts.js';
import { CONTACTSOORTEN, EINDRESULTATEN, REFERRAL_TARGETS } from '../../core/followup.js';
import type { Io } from '../../terminal/io.js';
import type { AttemptsOptions, CloseOptions, ContactOptions, OutcomesOptions, PickupOptions } from '../actions/followup.js';

// Recording what happened: one contact attempt, a result, or a whole filled-in worklist.

export function registerFollowUp(program: Command, io: Io): void {
  program
    .command('contact')
    .alias('poging')
    .description('Leg een contactpoging vast.')
    .usage('<melding> --type SOORT --reached ja|nee [opties]')
    .argument('<melding>', 'het meldingnummer van de werklijst, bv. 2022-03-017')
    .requiredOption('--type <soort>', `soort contact: ${CONTACTSOORTEN.map((c) => c.code).join(', ')}`)
    .requiredOption('--reached <ja|nee>', 'is de inwoner bereikt?')
    .option('--date <datum>', 'de datum van de poging (standaard vandaag)')
    .option('--time <UU:MM>', 'het tijdstip; houdt twee pogingen van dezelfde soort op één dag uit elkaar')
    .option('--daypart <dagdeel>', 'ochtend (voor 12 uur), middag (12-18 uur) of avond (vanaf 18 uur); volgt uit --time')
    .option('--note <tekst>', 'een korte notitie')
    .option('--card', 'er is een kaartje of flyer achtergelaten (telt ook als poging Kaartje)')
    .action(async (ref: string, options: ContactOptions, command: Command) => {
      const { runContact } = await import('../actions/followup.js');
      await runContact(io, ref, options, command);
    });

  program
    .command('close')
    .alias('afsluiten')
    .description('Sluit een melding af met een landelijk resultaat.')
    .usage('<melding> --result CODE [opties]')
    .argument('<melding>', 'het meldingnummer van de werklijst, bv. 2022-03-017')
    .requiredOption('--result <code>', 'het resultaat; de codes staan hieronder')
    .option('--referred-to <naar>', `verwezen naar: ${REFERRAL_TARGETS.map((r) => r.code).join(', ')}`)
    .option('--date <datum>', 'de datum van afsluiten (standaard vandaag; bij een afgesloten melding blijft de datum)')
    .addHelpText(
      'after',
      `\nResultaatcodes, met wanneer u ze kiest:\n${EINDRESULTATEN.map((r) => `  ${r.code.padEnd(29)}${r.value}\n      ${r.description}`).join('\n')}\n` +
        '\nEen verwijzing naar schuldhulpverlening past bij vervolghulp-financieel, vervolghulp of verwijzing-zonder-inwoner;\n' +
        'naar amw bij vervolghulp-niet-financieel, vervolghulp of verwijzing-zonder-inwoner.\n',
    )
    .action(async (ref: string, options: CloseOptions, command: Command) => {
      const { runClose } = await import('../actions/followup.js');
      await runClose(io, ref, options, command);
    });

  program
    .command('outcomes')
    .alias('uitkomsten')
    .description('Lees een ingevulde werklijst terug (de kolommen melding, contact_datum, contact_soort, bereikt, resultaat, notitie).')
    .usage('<bestand> [opties]')
    .argument('<bestand>', 'de ingevulde werklijst (CSV, ook zoals Excel hem opslaat)')
    .option('--dry-run', 'laat zien wat er zou worden vastgelegd, zonder iets op te slaan')
    .option('--encoding <codering>', 'utf-8, utf-16 of windows-1252 (anders herkend)')
    .option('--delimiter <teken>', '";", "," of "tab" (anders herkend)')
    .action(async (file: string, options: OutcomesOptions, command: Command) => {
      const { runOutcomes } = await import('../actions/followup.js');
      await runOutcomes(io, file, options, command);
    });

  program
    .command('pickup')
    .alias('oppakken')
    .description('Pak een melding alsnog op die de triage niet oppakte (uitgesteld of "Niet opgepakt").')
    .usage('<melding> [--worker NAAM]')
    .argument('<melding>', 'het meldingnummer, bv. 2022-03-017')
    .option('--worker <naam>', 'wie de melding oppakt (zonder: de eigen medewerker, of de enige medewerker)')
    .action(async (ref: string, options: PickupOptions, command: Command) => {
      const { runPickup } = await import('../actions/followup.js');
      await runPickup(io, ref, options, command);
    });

  program
    .command('attempts')
    .alias('pogingen')
    .description('Toon de contactpogingen van een melding, genummerd; of verwijder er een.')
    .usage('<melding> [--delete N --reason REDEN]')
    .argument('<melding>', 'het meldingnummer, bv. 2022-03-017')
    .option('--delete <n>', 'verwijder poging nummer N')
    .option('--reason <reden>', `waarom: ${DELETE_REASONS.map((r) => `${r.code} (${r.description})`).join(', ')}`)
    .action(async (ref: string, options: AttemptsOptions, command: Command) => {
      const { runAttempts } = await import('../actions/followup.js');
      await runAttempts(io, ref, options, command);
    });

  program
    .command('reopen')
    .alias('heropenen')
    .description('Heropen een melding die per vergissing is afgesloten: het resultaat vervalt, de pogingen blijven.')
    .usage('<melding>')
    .argument('<melding>', 'het meldingnummer, bv. 2022-03-017')
    .action(async (ref: string, _options: unknown, command: Command) => {
      const { runReopen } = await import('../actions/followup.js');
      await runReopen(io, ref, command);
    });
}
