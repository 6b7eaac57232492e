// The order in which the capacity step fills the month, and in which picked meldingen are
// handed to workers. The keys and their order are configuration; the reference (then the id) is
// always the last tie-break, so that the same data gives the same order on every run.

import type { MeldingFacts } from './facts.js';
import type { PriorityKey } from './types.js';

/** The facts the priority keys read. */
export type RankFacts = Pick<MeldingFacts, 'woon' | 'totalCents' | 'earliestOntstaansdatum'>;

/** A melding as the order sees it: its facts and the reference that breaks the last tie. */
export interface Ranked extends RankFacts {
  id: number;
  ref: string;
}

// Plain code-unit comparison: localeCompare would make the order depend on the machine's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reference ascending, then id: the stable order of meldingen wherever no rule decides. */
export function compareByRef(a: { ref: string; id: number }, b: { ref: string; id: number }): number {
  return compareStrings(a.ref, b.ref) || a.id - b.id;
}

function compareKey(key: PriorityKey, a: RankFacts, b: RankFacts): number {
  switch (key) {
    case 'woon':
      return Number(b.woon) - Number(a.woon);
    case 'bedrag':
      return b.totalCents - a.totalCents;
    case 'ontstaansdatum': {
      const x = a.earliestOntstaansdatum;
      const y = b.earliestOntstaansdatum;
      if (x === y) return 0;
      // Unknown last: an arrear whose age is unknown cannot claim to be the oldest.
      if (x === null) return 1;
      if (y === null) return -1;
      return compareStrings(x, y);
    }
  }
}

/** A comparator that puts the melding to pick first at the front. */
export function priorityComparator(order: readonly PriorityKey[]): (a: Ranked, b: Ranked) => number {
  const keys = [...new Set(order)];
  return (a, b) => {
    for (const key of keys) {
      const c = compareKey(key, a, b);
      if (c !== 0) return c;
    }
    return compareByRef(a, b);
  };
}
