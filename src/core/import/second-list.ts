// A second file for a month that already has a list. Two municipal files for one month are
// usually a mistake (a wrong month, or a corrected list), so a file that would add signals to
// such a month has to say what it is: a supplementary list (`--aanvulling`, adds what is new)
// or a corrected one (`--replace`). A file that adds nothing changes nothing and needs no word.

import { DataError } from '../errors.js';
import type { Month } from '../types.js';

export interface SecondListFacts {
  month: Month;
  /** the month had meldingen before this import */
  monthHasList: boolean;
  /** signals this file would add to the month */
  newSignals: number;
  aanvulling: boolean;
  replace: boolean;
}

/** The refusal for a file that would silently merge into a month's list, or null when it may go on. */
export function secondListRefusal(facts: SecondListFacts): DataError | null {
  if (!facts.monthHasList || facts.replace || facts.aanvulling || facts.newSignals === 0) return null;
  const n = facts.newSignals;
  return new DataError(
    `${facts.month} heeft al een lijst; dit bestand zou er ${n} ${n === 1 ? 'nieuw signaal' : 'nieuwe signalen'} aan toevoegen. Er is niets ingelezen.`,
    {
      details: [
        '--aanvulling: het bestand is een aanvullende lijst voor die maand; alleen de nieuwe signalen worden toegevoegd.',
        '--replace: het bestand is een gecorrigeerde lijst en vervangt de lijst van die maand.',
      ],
      hint: `Staat de lijst onder de verkeerde maand, geef dan de goede maand op met --month JJJJ-MM (een verkeerd ingelezen maand verwijdert u met: eropaf months delete ${facts.month}). Anders: lees opnieuw in met --aanvulling of --replace.`,
    },
  );
}
