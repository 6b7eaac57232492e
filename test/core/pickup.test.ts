// Picking a melding up by hand: only one that was not picked up, by the named (active) worker, its
// own worker or the only active one; a Niet opgepakt result goes.

import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/core/errors.js';
import { planPickup, type PickupState } from '../../src/core/pickup.js';

const ANNA = { id: 1, name: 'Anna de Vries' };
const BRAM = { id: 2, name: 'Bram Jansen' };

function state(overrides: Partial<PickupState> = {}): PickupState {
  return { ref: '2022-01-001', decision: 'uitgesteld', workerId: null, resultaat: 'Niet opgepakt: andere reden', ...overrides };
}

describe('planPickup', () => {
  it('makes a closed deferred melding capaciteit for the named worker and removes its result', () => {
    expect(planPickup(state(), BRAM, [ANNA, BRAM])).toEqual({
      decision: { kind: 'capaciteit', rule: 'opgepakt', reason: 'alsnog opgepakt door Bram Jansen', workerId: 2 },
      workerName: 'Bram Jansen',
      removedResult: 'Niet opgepakt: andere reden',
    });
  });

  it('keeps altijd for a picked melding a worker had closed as Niet opgepakt', () => {
    const plan = planPickup(state({ decision: 'altijd', workerId: 1, resultaat: 'Niet opgepakt: onterecht signaal' }), null, [ANNA, BRAM]);
    expect(plan.decision).toMatchObject({ kind: 'altijd', workerId: 1 });
  });

  it('takes the only active worker when none is named, and asks when there are more', () => {
    expect(planPickup(state({ decision: 'niet-opgepakt' }), null, [ANNA]).decision.workerId).toBe(1);
    expect(() => planPickup(state(), null, [ANNA, BRAM])).toThrow(UsageError);
    expect(() => planPickup(state(), null, [])).toThrow(UsageError);
  });

  it('refuses a melding that is picked up already, or not triaged', () => {
    expect(() => planPickup(state({ decision: 'capaciteit', resultaat: null }), ANNA, [ANNA])).toThrow(/al opgepakt/);
    expect(() => planPickup(state({ decision: 'altijd', resultaat: '(Budget)advies en/of quick fix' }), ANNA, [ANNA])).toThrow(DataError);
    expect(() => planPickup(state({ decision: null, resultaat: null }), ANNA, [ANNA])).toThrow(/getrieerd/);
  });

  it('refuses a worker who is no longer active: their open work was handed over', () => {
    expect(() => planPickup(state(), BRAM, [ANNA])).toThrow(DataError);
    expect(() => planPickup(state(), BRAM, [ANNA])).toThrow(/Bram Jansen staat op non-actief/);
  });

  it('picks up a deferred melding that is still waiting, removing nothing', () => {
    expect(planPickup(state({ resultaat: null }), ANNA, [ANNA]).removedResult).toBeNull();
  });
});
