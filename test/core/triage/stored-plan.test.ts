import { describe, expect, it } from 'vitest';
import { storedPlan } from '../../../src/core/triage/stored-plan.js';
import type { Decision } from '../../../src/core/triage/types.js';

const decision = (n: number, kind: Decision['kind'], workerId: number | null): Decision => ({
  meldingId: n,
  ref: `2022-01-${String(n).padStart(3, '0')}`,
  kind,
  rule: kind === 'altijd' ? 'meervoudig' : kind === 'capaciteit' ? 'prioriteit' : kind === 'uitgesteld' ? 'capaciteit-vol' : 'herhaald',
  reason: `reden ${n}`,
  result: null,
  workerId,
  kept: false,
  place: null,
  caseMeldingId: null,
});

describe('a stored triage as a plan', () => {
  it('counts the stored decisions per kind and keeps them as stored, in order', () => {
    const stored = [decision(1, 'altijd', 1), decision(2, 'capaciteit', null), decision(3, 'uitgesteld', null), decision(4, 'niet-opgepakt', null)];
    const plan = storedPlan('2022-01', stored, 1);
    expect([...plan.decisions]).toEqual(stored);
    expect(plan.decisions.length).toBe(4);
    expect(plan.figures).toMatchObject({ capacity: 1, alwaysCount: 1, pickedByCapacity: 1, deferred: 1, notPickedUp: 1, unassigned: 1 });
  });
});
