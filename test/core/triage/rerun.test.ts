// Re-running triage for a month: work that was started stays; the rest is decided afresh.
import { describe, it, expect } from 'vitest';
import type { TriageMelding, TriagePlan } from '../../../src/core/triage/types.js';
import { decisionOf, idsOf, melding, plan, signal, worker } from './builders.js';

/** What the store would hand back after applying `p`, with follow-up recorded for some meldingen. */
function afterRun(meldingen: TriageMelding[], p: TriagePlan, followedUp: number[] = []): TriageMelding[] {
  return meldingen.map((m) => {
    const d = decisionOf(p, m.id);
    return {
      ...m,
      current: {
        decision: d.kind,
        workerId: d.workerId,
        followedUp: followedUp.includes(m.id),
        closed: false,
        joined: d.caseMeldingId !== null,
      },
    };
  });
}

const amount = (n: number, bedragCents: number) => melding(n, { signals: [signal({ bedragCents })] });

describe('re-running a month', () => {
  const workers = [worker(1, 1), worker(2, 1)];
  const first = [amount(1, 30_000), amount(2, 20_000), amount(3, 10_000)];
  const p1 = plan({ capacity: 2, workers, meldingen: first });

  it('first run: two picked, one deferred', () => {
    expect(idsOf(p1, 'capaciteit')).toEqual([1, 2]);
    expect(idsOf(p1, 'uitgesteld')).toEqual([3]);
  });

  it('gives the same plan again when nothing changed, keeping the assignments', () => {
    const p2 = plan({ capacity: 2, workers, meldingen: afterRun(first, p1) });
    expect(p2.decisions.map((d) => [d.meldingId, d.kind, d.workerId])).toEqual(
      p1.decisions.map((d) => [d.meldingId, d.kind, d.workerId]),
    );
    expect(p2.decisions.map((d) => d.kept)).toEqual([true, true, false]);
    expect(decisionOf(p2, 1).rule).toBe('behouden');
  });

  it('keeps assignments when a supplementary melding outranks them, and counts them against capacity', () => {
    const added = amount(4, 900_000);
    const p2 = plan({ capacity: 2, workers, meldingen: [...afterRun(first, p1), added] });
    expect(decisionOf(p2, 1)).toMatchObject({ kind: 'capaciteit', workerId: decisionOf(p1, 1).workerId, kept: true });
    expect(decisionOf(p2, 2)).toMatchObject({ kind: 'capaciteit', workerId: decisionOf(p1, 2).workerId, kept: true });
    // The capacity is taken by the kept work: the new melding waits, ranked first of the rest.
    expect(decisionOf(p2, 4)).toMatchObject({ kind: 'uitgesteld', place: 1, kept: false });
    expect(p2.figures.remainingCapacity).toBe(0);
  });

  it('picks a deferred melding that a supplementary import made meervoudig', () => {
    const again = afterRun(first, p1).map((m) =>
      m.id === 3
        ? { ...m, category: 'meervoudig' as const, signals: [...m.signals, signal({ organisationKey: 'org:cz', signaalpartner: 'Zorg' })] }
        : m,
    );
    const p2 = plan({ capacity: 2, workers, meldingen: again });
    expect(decisionOf(p2, 3)).toMatchObject({ kind: 'altijd', rule: 'meervoudig', kept: false });
    expect(decisionOf(p2, 3).workerId).not.toBeNull();
    expect(p2.figures.overCapacityBy).toBe(1);
  });

  it('picks up deferred meldingen when the capacity grows', () => {
    const p2 = plan({ capacity: 3, workers: [...workers, worker(3, 1)], meldingen: afterRun(first, p1) });
    expect(decisionOf(p2, 3)).toMatchObject({ kind: 'capaciteit', workerId: 3, kept: false });
  });

  it('keeps picked meldingen when the capacity shrinks', () => {
    const p2 = plan({ capacity: 0, workers, meldingen: afterRun(first, p1) });
    expect(idsOf(p2, 'capaciteit')).toEqual([1, 2]);
    expect(p2.figures.overCapacityBy).toBe(2);
  });

  it('places a new melding with a worker who still has room, counting kept assignments', () => {
    // Worker 1 (capacity 3) already holds two kept meldingen; worker 2 (capacity 2) none.
    const kept = [1, 2].map((n) =>
      melding(n, { current: { decision: 'capaciteit', workerId: 1, followedUp: false, closed: false, joined: false } }),
    );
    const p = plan({ capacity: 5, workers: [worker(1, 3), worker(2, 2)], meldingen: [...kept, melding(3)] });
    expect(decisionOf(p, 3).workerId).toBe(2);
  });

  it('keeps a deferred melding that was followed up anyway, and counts it against capacity', () => {
    const m = [
      melding(1, { current: { decision: 'uitgesteld', workerId: null, followedUp: true, closed: false, joined: false } }),
      amount(2, 10_000),
    ];
    const p = plan({ capacity: 1, meldingen: m });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'uitgesteld', kept: true, workerId: null });
    expect(decisionOf(p, 2).kind).toBe('uitgesteld');
  });

  it('keeps a closed not-picked-up melding without letting it take capacity', () => {
    const m = [
      melding(1, { current: { decision: 'niet-opgepakt', workerId: null, followedUp: false, closed: true, joined: false } }),
      amount(2, 10_000),
    ];
    const p = plan({ capacity: 1, meldingen: m });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'niet-opgepakt', kept: true, result: null });
    expect(decisionOf(p, 2).kind).toBe('capaciteit');
  });

  it('decides afresh a melding an earlier run left without worker, follow-up or closure', () => {
    const m = [melding(1, { current: { decision: 'uitgesteld', workerId: null, followedUp: false, closed: false, joined: false } })];
    expect(decisionOf(plan({ capacity: 1, meldingen: m }), 1)).toMatchObject({ kind: 'capaciteit', kept: false });
  });

  it('assigns a worker to a kept, picked, open melding that has none', () => {
    const m = [melding(1, { current: { decision: 'altijd', workerId: null, followedUp: true, closed: false, joined: false } })];
    const p = plan({ workers: [worker(4, 2)], meldingen: m });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'altijd', kept: true, workerId: 4 });
  });

  it('does not assign a worker to a kept melding that is closed', () => {
    const m = [melding(1, { current: { decision: 'altijd', workerId: null, followedUp: false, closed: true, joined: false } })];
    const p = plan({ workers: [worker(4, 2)], meldingen: m });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'altijd', kept: true, workerId: null });
    expect(p.figures.unassigned).toBe(0);
  });
});
