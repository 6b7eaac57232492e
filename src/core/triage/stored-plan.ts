// A month's triage as it was stored, in the shape of a plan, so that `triage --details` after a
// real run shows the decisions (and their reasons as they were decided) without triaging again.

import type { Decision, DecisionList, PlannedMonth } from './types.js';
import type { Month } from '../types.js';

export function listOf(decisions: readonly Decision[]): DecisionList {
  return {
    length: decisions.length,
    [Symbol.iterator]: () => decisions[Symbol.iterator](),
    outline: () => decisions,
    toJSON: () => [...decisions],
  };
}

/** The stored decisions (in ref order) with the figures they give for the stored capacity. */
export function storedPlan(month: Month, decisions: readonly Decision[], capacity: number): PlannedMonth {
  const counts = { altijd: 0, capaciteit: 0, 'niet-opgepakt': 0, uitgesteld: 0 };
  let unassigned = 0;
  for (const d of decisions) {
    counts[d.kind]++;
    if ((d.kind === 'altijd' || d.kind === 'capaciteit') && d.workerId === null) unassigned++;
  }
  return {
    month,
    decisions: listOf(decisions),
    closures: [],
    figures: {
      capacity,
      alwaysCount: counts.altijd,
      pickedByCapacity: counts.capaciteit,
      notPickedUp: counts['niet-opgepakt'],
      deferred: counts.uitgesteld,
      remainingCapacity: Math.max(0, capacity - counts.altijd),
      overCapacityBy: Math.max(0, counts.altijd - capacity),
      unassigned,
    },
  };
}
