import type { Command } from 'commander';
import { CONTACTSOORTEN, EINDRESULTATEN, REFERRAL_TARGETS } from '../../core/followup.js';
import type { Io } from '../../terminal/io.js';
import type { CloseOptions, ContactOptions, OutcomesOptions } from '../actions/followup.js';

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
    .option('--daypart <dagdeel>', 'ochtend (voor 12 uur), middag (12-18 uur) of avond (vanaf 18 uur)')
    .option('--note <tekst>', 'een korte notitie')
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
    .option('--date <datum>', 'de datum van afsluiten (standaard vandaag)')
    .addHelpText(
      'after',
      `\nResultaatcodes:\n${EINDRESULTATEN.map((r) => `  ${r.code.padEnd(28)}${r.value}`).join('\n')}\n`,
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
}
