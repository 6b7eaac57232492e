// A new melding of a household whose earlier melding is assigned and not closed joins that case.
import { describe, expect, it } from 'vitest';
import { caseInProgress } from '../../../src/core/triage/always.js';
import type { EarlierCase } from '../../../src/core/triage/types.js';
import { decisionOf, idsOf, melding, plan, signal, worker } from './builders.js';

const openCase = (overrides: Partial<EarlierCase> = {}): EarlierCase => ({
  meldingId: 500,
  ref: '2022-02-017',
  workerId: 2,
  closed: false,
  joined: false,
  ...overrides,
});

describe('a household in progress', () => {
  it('joins the case: the same worker, the reason names the case, and no capacity place', () => {
    const p = plan({
      capacity: 1,
      workers: [worker(1, 10), worker(2, 10)],
      meldingen: [
        melding(1, { earlierCases: [openCase()], lastMonth: { followedUp: false, decision: 'capaciteit' } }),
        melding(2, { signals: [signal({ bedragCents: 50_000 })] }),
      ],
    });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'altijd', rule: 'lopend', workerId: 2, caseMeldingId: 500 });
    expect(decisionOf(p, 1).reason).toBe('lopend: hoort bij 2022-02-017');
    // The one capacity place is still there for a new household.
    expect(idsOf(p, 'capaciteit')).toEqual([2]);
    expect(p.figures.remainingCapacity).toBe(1);
  });

  it('joins even a meervoudige melding or a crisis signal to the case', () => {
    const p = plan({
      workers: [worker(1, 10), worker(2, 10)],
      meldingen: [melding(1, { category: 'meervoudig', earlierCases: [openCase()] }), melding(2, { signals: [signal({ crisissignaal: true })], earlierCases: [openCase({ meldingId: 501 })] })],
    });
    expect(decisionOf(p, 1).rule).toBe('lopend');
    expect(decisionOf(p, 2).rule).toBe('lopend');
  });

  it('goes to an active colleague when the case worker left', () => {
    const p = plan({ workers: [worker(1, 10), worker(2, 10, false)], meldingen: [melding(1, { earlierCases: [openCase()] })] });
    expect(decisionOf(p, 1)).toMatchObject({ rule: 'lopend', workerId: 1 });
  });

  it('is no case in progress when the earlier melding is closed, unassigned or part of an older case', () => {
    for (const earlier of [openCase({ closed: true }), openCase({ workerId: null }), openCase({ joined: true })]) {
      expect(caseInProgress({ earlierCases: [earlier] })).toBeNull();
    }
  });

  it('joins the oldest open case', () => {
    const older = openCase({ meldingId: 400, ref: '2022-01-003', workerId: 1 });
    expect(caseInProgress({ earlierCases: [openCase(), older] })).toBe(older);
  });

  it('does not count a kept melding that joined a case against the capacity on a re-run', () => {
    const p = plan({
      capacity: 1,
      meldingen: [
        melding(1, { current: { decision: 'altijd', workerId: 1, followedUp: false, closed: false, joined: true } }),
        melding(2),
      ],
    });
    expect(idsOf(p, 'capaciteit')).toEqual([2]);
  });
});
