// Removing a month's list (`months delete`): a list read in under the wrong month has to be able
// to go. What was recorded for its meldingen goes with it, so once a worker recorded follow-up
// the removal needs --force, and the plan says exactly what would be lost.

import { DataError } from './errors.js';
import type { Month } from './types.js';

/** What a month's list holds, in counts. */
export interface MonthContents {
  month: Month;
  meldingen: number;
  signals: number;
  /** imported files of the month */
  imports: number;
  /** decisions of the month's triage */
  decisions: number;
  contacts: number;
  /** results a worker recorded (not the ones the triage set) */
  workerResults: number;
}

export interface MonthRemovalPlan {
  contents: MonthContents;
  /** whether follow-up recorded by a worker is lost */
  losesFollowUp: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The follow-up that removing the month would throw away, as Dutch phrases; empty when none. */
export function lostFollowUp(contents: MonthContents): string[] {
  const lost: string[] = [];
  if (contents.contacts > 0) lost.push(plural(contents.contacts, 'contactpoging', 'contactpogingen'));
  if (contents.workerResults > 0) lost.push(plural(contents.workerResults, 'resultaat', 'resultaten'));
  return lost;
}

/** What removing the month removes, as Dutch phrases. */
export function removedItems(contents: MonthContents): string[] {
  return [
    plural(contents.meldingen, 'melding', 'meldingen'),
    plural(contents.signals, 'signaal', 'signalen'),
    plural(contents.imports, 'ingelezen bestand', 'ingelezen bestanden'),
    ...(contents.decisions > 0 ? [plural(contents.decisions, 'triagebesluit', 'triagebesluiten')] : []),
    ...lostFollowUp(contents),
  ];
}

/**
 * Plans removing a month's list. Refused when the month has no list, and when a worker recorded
 * follow-up for it and `force` was not given.
 */
export function planMonthRemoval(contents: MonthContents, options: { force: boolean }): MonthRemovalPlan {
  if (contents.meldingen === 0 && contents.imports === 0) {
    throw new DataError(`${contents.month} heeft geen ingelezen lijst; er is niets te verwijderen.`, {
      hint: '"eropaf months" toont de ingelezen maanden.',
    });
  }
  const lost = lostFollowUp(contents);
  if (lost.length > 0 && !options.force) {
    throw new DataError(
      `Voor ${contents.month} is al opvolging vastgelegd (${lost.join(', ')}); verwijderen zou die weggooien. Er is niets verwijderd.`,
      {
        hint: `Bekijk wat er weg zou gaan met: eropaf months delete ${contents.month} --force --dry-run. Wilt u het echt, gebruik dan --force.`,
      },
    );
  }
  return { contents, losesFollowUp: lost.length > 0 };
}
