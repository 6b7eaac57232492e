import type { Category } from '../types.js';

/** A melding is meervoudig when its signals come from two or more different organisations. */
export function classify(organisationKeys: Iterable<string>): Category {
  return new Set(organisationKeys).size >= 2 ? 'meervoudig' : 'enkelvoudig';
}

export interface HistoryFlags {
  /** The household was on the list of the month before. */
  onLastMonth: boolean;
  /** The household had a signal in the six months before (the national monitor's definition). */
  opeenvolgend: boolean;
}

export const OPEENVOLGEND_MONTHS = 6;

/**
 * The history flags of a melding in month `monthIndex`, given the month indexes of the
 * household's meldingen in other months (earlier and later ones may both be passed).
 */
export function historyFlags(monthIndex: number, otherMonths: Iterable<number>): HistoryFlags {
  let onLastMonth = false;
  let opeenvolgend = false;
  for (const other of otherMonths) {
    const monthsBefore = monthIndex - other;
    if (monthsBefore === 1) onLastMonth = true;
    if (monthsBefore >= 1 && monthsBefore <= OPEENVOLGEND_MONTHS) opeenvolgend = true;
  }
  return { onLastMonth, opeenvolgend };
}
