import { contactDeadline, daysBetween } from '../contact-term.js';
import type { IsoDate } from '../types.js';
import { share, type Share } from './share.js';
import type { StatsContact, StatsMelding } from './stats.js';

// How fast the team is: of the picked-up meldingen, how many had a first contact attempt within
// the term, and the median number of days from the import of the list to that first attempt.

export interface FirstContactFigures {
  /** The term in days after the import. */
  termDays: number;
  /**
   * Picked-up meldingen with a first attempt within the term, of those that can be judged: the
   * ones with an attempt, and the open ones whose term has passed. An open melding still within
   * its term, or one closed without any attempt (such as "Inwoner is overleden"), is not judged.
   */
  withinTerm: Share;
  /** The median of the days from import to first attempt; null without any attempt. */
  medianDaysToFirstAttempt: number | null;
  /**
   * Meldingen whose first attempt is dated before their list was imported (a history imported
   * afterwards): their days say nothing about the team's speed, so they are left out.
   */
  attemptBeforeImport: number;
}

const PICKED_UP = new Set<StatsMelding['decision']>(['altijd', 'capaciteit']);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function firstContactFigures(
  meldingen: readonly StatsMelding[],
  contacts: readonly StatsContact[],
  termDays: number,
  today: IsoDate,
): FirstContactFigures {
  const firstAttempt = new Map<number, IsoDate>();
  for (const contact of contacts) {
    const known = firstAttempt.get(contact.meldingId);
    if (known === undefined || contact.datum < known) firstAttempt.set(contact.meldingId, contact.datum);
  }
  let judged = 0;
  let within = 0;
  let attemptBeforeImport = 0;
  const days: number[] = [];
  for (const melding of meldingen) {
    if (!PICKED_UP.has(melding.decision)) continue;
    const deadline = contactDeadline(melding.listedOn, termDays);
    const first = firstAttempt.get(melding.id);
    if (first === undefined) {
      if (melding.resultaat === null && today > deadline) judged += 1;
      continue;
    }
    if (first < melding.listedOn) {
      attemptBeforeImport += 1;
      continue;
    }
    judged += 1;
    if (first <= deadline) within += 1;
    days.push(daysBetween(melding.listedOn, first));
  }
  return {
    termDays,
    withinTerm: share(within, judged),
    medianDaysToFirstAttempt: median(days),
    attemptBeforeImport,
  };
}
