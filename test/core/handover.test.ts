import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { planHandover } from '../../src/core/handover.js';
import type { TriageWorker } from '../../src/core/triage/types.js';

const anna: TriageWorker = { id: 1, name: 'Anna', capacity: 10, active: true };
const bram: TriageWorker = { id: 2, name: 'Bram', capacity: 10, active: true };
const cato: TriageWorker = { id: 3, name: 'Cato', capacity: 4, active: true };
const open = [
  { meldingId: 12, ref: '2022-02-003' },
  { meldingId: 5, ref: '2022-01-017' },
  { meldingId: 13, ref: '2022-02-009' },
];

describe('handing over open work', () => {
  it('gives every open melding to the named colleague, oldest first', () => {
    const moves = planHandover({ from: anna, open, target: { kind: 'colleague', workerId: 2 }, workers: [anna, bram, cato], openLoad: new Map() });
    expect(moves.map((m) => [m.ref, m.workerId])).toEqual([
      ['2022-01-017', 2],
      ['2022-02-003', 2],
      ['2022-02-009', 2],
    ]);
  });

  it('spreads by free capacity: capacity minus the open work a colleague already has', () => {
    // Bram has 10 - 8 = 2 free, Cato 4 - 0 = 4: Cato takes the first two, then they alternate from a tie.
    const moves = planHandover({
      from: anna,
      open,
      target: { kind: 'spread' },
      workers: [anna, bram, cato],
      openLoad: new Map([[2, 8], [1, 3]]),
    });
    expect(moves.map((m) => m.workerId)).toEqual([3, 3, 2]);
  });

  it('never spreads to an inactive colleague or back to the one leaving', () => {
    const moves = planHandover({
      from: anna,
      open,
      target: { kind: 'spread' },
      workers: [anna, { ...bram, active: false }, cato],
      openLoad: new Map(),
    });
    expect(new Set(moves.map((m) => m.workerId))).toEqual(new Set([3]));
  });

  it('refuses a handover to oneself, to an inactive colleague, or a spread with nobody to take it', () => {
    const base = { from: anna, open, workers: [anna, { ...bram, active: false }], openLoad: new Map() };
    expect(() => planHandover({ ...base, target: { kind: 'colleague', workerId: 1 } })).toThrow(DataError);
    expect(() => planHandover({ ...base, target: { kind: 'colleague', workerId: 2 } })).toThrow(/non-actief/);
    expect(() => planHandover({ ...base, target: { kind: 'spread' } })).toThrow(/geen actieve collega/);
  });

  it('moves only the meldingen named, and refuses one that is not open work of the worker', () => {
    const base = { from: anna, open, target: { kind: 'colleague', workerId: 2 } as const, workers: [anna, bram, cato], openLoad: new Map() };
    expect(planHandover({ ...base, only: ['2022-02-003'] })).toEqual([{ meldingId: 12, ref: '2022-02-003', workerId: 2 }]);
    expect(() => planHandover({ ...base, only: ['2022-02-003', '2022-02-004'] })).toThrow(/Melding 2022-02-004 is geen open werk van Anna/);
  });
});
