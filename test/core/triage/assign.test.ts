// Assignment: the previous worker if still active, else the most capacity left.
import { describe, it, expect } from 'vitest';
import { decisionOf, melding, plan, signal, worker } from './builders.js';

const loadOf = (p: ReturnType<typeof plan>, id: number): number => p.decisions.filter((d) => d.workerId === id).length;

describe('assignment', () => {
  it('gives the household to the worker who had it before when that worker is active', () => {
    // Worker 2 has far more capacity left, yet worker 1 knows the household.
    const p = plan({ workers: [worker(1, 1), worker(2, 20)], meldingen: [melding(1, { previousWorkerId: 1 })] });
    expect(decisionOf(p, 1).workerId).toBe(1);
  });

  it('keeps the previous worker even when their capacity is used up', () => {
    const p = plan({
      workers: [worker(1, 1), worker(2, 20)],
      meldingen: [melding(1, { previousWorkerId: 1 }), melding(2, { previousWorkerId: 1 })],
    });
    expect(decisionOf(p, 1).workerId).toBe(1);
    expect(decisionOf(p, 2).workerId).toBe(1);
  });

  it('does not give it to a previous worker who is no longer active', () => {
    const p = plan({
      workers: [worker(1, 50, false), worker(2, 5)],
      meldingen: [melding(1, { previousWorkerId: 1 })],
    });
    expect(decisionOf(p, 1).workerId).toBe(2);
  });

  it('ignores a previous worker who is not known at all', () => {
    const p = plan({ workers: [worker(2, 5)], meldingen: [melding(1, { previousWorkerId: 99 })] });
    expect(decisionOf(p, 1).workerId).toBe(2);
  });

  it('fills each worker up to their own capacity', () => {
    const p = plan({
      capacity: 4,
      workers: [worker(1, 1), worker(2, 3)],
      meldingen: [1, 2, 3, 4].map((n) => melding(n)),
    });
    expect(loadOf(p, 1)).toBe(1);
    expect(loadOf(p, 2)).toBe(3);
  });

  it('breaks a tie in capacity left by the lowest worker id, whatever the input order', () => {
    const p = plan({ workers: [worker(7, 2), worker(3, 2), worker(5, 2)], meldingen: [melding(1)] });
    expect(decisionOf(p, 1).workerId).toBe(3);
  });

  it('assigns altijd meldingen before capaciteit ones', () => {
    // The capaciteit melding has the lower reference; if it were assigned first it would get worker 1.
    const p = plan({
      capacity: 2,
      workers: [worker(1, 1), worker(2, 1)],
      meldingen: [melding(1), melding(2, { signals: [signal({ crisissignaal: true })] })],
    });
    expect(decisionOf(p, 2)).toMatchObject({ kind: 'altijd', workerId: 1 });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'capaciteit', workerId: 2 });
  });

  it('assigns within a kind in priority order', () => {
    // Melding 2 (huur) ranks first and so gets the worker with the most room.
    const p = plan({
      capacity: 2,
      workers: [worker(1, 1), worker(2, 2)],
      meldingen: [melding(1), melding(2, { signals: [signal({ signaalpartner: 'Huur', organisationKey: 'org:elan' })] })],
    });
    expect(decisionOf(p, 2).workerId).toBe(2);
  });

  it('never assigns an inactive worker and gives no worker to deferred or not-picked-up meldingen', () => {
    const p = plan({
      capacity: 1,
      workers: [worker(1, 99, false), worker(2, 1)],
      meldingen: [melding(1), melding(2), melding(3, { signals: [signal({ bedragCents: 0 })] })],
      config: { repeatMonths: 3, minAmountCents: 1, order: ['bedrag'] },
    });
    expect(p.decisions.map((d) => [d.meldingId, d.kind, d.workerId])).toEqual([
      [1, 'capaciteit', 2],
      [2, 'uitgesteld', null],
      [3, 'niet-opgepakt', null],
    ]);
  });

  it('leaves picked meldingen without a worker, and counts them, when no worker is active', () => {
    const p = plan({
      capacity: 5,
      workers: [worker(1, 5, false)],
      meldingen: [melding(1), melding(2, { lastMonth: { followedUp: false, decision: 'uitgesteld' } })],
    });
    expect(p.decisions.map((d) => d.workerId)).toEqual([null, null]);
    expect(p.figures.unassigned).toBe(2);
    expect(p.figures.pickedByCapacity + p.figures.alwaysCount).toBe(2);
  });
});
