// One module per function: the package index would load all of date-fns at every start.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { IsoDate } from './types.js';

// The term for a first contact: a picked-up melding should have its first contact attempt within
// a number of days after its list was imported (Amsterdam contacts within 14 days of a signal;
// the Wgs asks municipalities to act quickly). The term runs from the import, not from the list
// month, because a list that arrives late leaves the team no less time.

export const DEFAULT_CONTACT_TERM_DAYS = 14;

/** The last day on which a first attempt is within the term. */
export function contactDeadline(listedOn: IsoDate, termDays: number): IsoDate {
  return format(addDays(parseISO(listedOn), termDays), 'yyyy-MM-dd');
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** A melding without any contact attempt whose deadline has passed. */
export function isPastContactTerm(listedOn: IsoDate, attempts: number, termDays: number, today: IsoDate): boolean {
  return attempts === 0 && today > contactDeadline(listedOn, termDays);
}

/**
 * The latest import date whose meldingen are past their term today: a melding without an attempt
 * is past its term exactly when it was listed on or before this day. A store can then count them
 * per month instead of judging each one.
 */
export function lastListedDayPastTerm(today: IsoDate, termDays: number): IsoDate {
  return format(addDays(parseISO(today), -termDays - 1), 'yyyy-MM-dd');
}
