// Handing picked meldingen to workers: continuity first (the worker who had the household before,
// if still active, since the resident already knows them), otherwise the worker with the most of
// this month's capacity left, so that the load follows each worker's capacity.

import type { TriageWorker } from './types.js';

export interface Assigner {
  /** The worker for one more melding, counted against their capacity; null when none is active. */
  assign(previousWorkerId: number | null): number | null;
}

/**
 * @param workers all workers; inactive ones are never chosen.
 * @param alreadyAssigned the worker ids of meldingen this month that keep their worker, one entry
 *   per melding: they count against that worker's capacity.
 */
export function createAssigner(workers: readonly TriageWorker[], alreadyAssigned: Iterable<number>): Assigner {
  const active = workers.filter((w) => w.active).sort((a, b) => a.id - b.id);
  const left = new Map<number, number>(active.map((w) => [w.id, w.capacity]));
  for (const id of alreadyAssigned) {
    const l = left.get(id);
    if (l !== undefined) left.set(id, l - 1);
  }

  return {
    assign(previousWorkerId) {
      let chosen: number | null = null;
      if (previousWorkerId !== null && left.has(previousWorkerId)) {
        chosen = previousWorkerId;
      } else {
        // Ascending ids with a strict comparison: on a tie the lowest id wins. Capacity left may
        // be negative when step 1 alone exceeds the month: then the least overloaded worker wins.
        let best = -Infinity;
        for (const w of active) {
          const l = left.get(w.id) ?? 0;
          if (l > best) {
            best = l;
            chosen = w.id;
          }
        }
      }
      if (chosen !== null) left.set(chosen, (left.get(chosen) ?? 0) - 1);
      return chosen;
    },
  };
}
