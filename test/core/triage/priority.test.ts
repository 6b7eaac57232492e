// Step 3 and 4: the capacity step's order, and what is deferred.
import { describe, it, expect } from 'vitest';
import type { PriorityKey, TriageMelding } from '../../../src/core/triage/types.js';
import { decisionOf, idsOf, melding, plan, signal } from './builders.js';

/** The ids in the order the capacity step ranks them (by `place`). */
function ranking(meldingen: TriageMelding[], order?: PriorityKey[]): number[] {
  const config = { repeatMonths: 3, minAmountCents: null, order: order ?? ['woon', 'bedrag', 'ontstaansdatum'] };
  const p = plan({ capacity: 0, meldingen, config });
  return p.decisions
    .filter((d) => d.place !== null)
    .sort((a, b) => (a.place ?? 0) - (b.place ?? 0))
    .map((d) => d.meldingId);
}

const huur = (bedragCents: number, ontstaansdatum: string | null = null) =>
  signal({ organisationKey: 'org:elan', schuldeiser: 'Elan Wonen', signaalpartner: 'Huur', bedragCents, ontstaansdatum });
const energie = (bedragCents: number, ontstaansdatum: string | null = null) =>
  signal({ signaalpartner: 'Energie', bedragCents, ontstaansdatum });

describe('step 3: capacity order', () => {
  it('puts a Huur or Hypotheek signal before a higher amount elsewhere', () => {
    const meldingen = [
      melding(1, { signals: [energie(500_000)] }),
      melding(2, { signals: [huur(10_000)] }),
      melding(3, { signals: [signal({ signaalpartner: 'Hypotheek', bedragCents: 5_000 })] }),
    ];
    expect(ranking(meldingen)).toEqual([2, 3, 1]);
    const p = plan({ capacity: 1, meldingen });
    expect(idsOf(p, 'capaciteit')).toEqual([2]);
    expect(idsOf(p, 'uitgesteld')).toEqual([1, 3]);
  });

  it('then the higher total amount', () => {
    expect(
      ranking([
        melding(1, { signals: [energie(10_000)] }),
        melding(2, { signals: [energie(30_000)] }),
        melding(3, { signals: [energie(20_000)] }),
      ]),
    ).toEqual([2, 3, 1]);
  });

  it('then the older ontstaansdatum, unknown last, using the earliest signal', () => {
    expect(
      ranking([
        melding(1, { signals: [energie(10_000, null)] }),
        melding(2, { signals: [energie(10_000, '2021-12-01')] }),
        melding(3, { signals: [energie(5_000, '2022-01-15'), energie(5_000, '2021-06-30')] }),
        melding(4, { signals: [energie(10_000, '2022-02-01')] }),
      ]),
    ).toEqual([3, 2, 4, 1]);
  });

  it('then the reference, whatever the input order', () => {
    const same = (n: number) => melding(n, { signals: [energie(10_000)] });
    expect(ranking([same(9), same(3), same(12)])).toEqual([3, 9, 12]);
  });

  it('follows a configured order', () => {
    const meldingen = [melding(1, { signals: [energie(500_000)] }), melding(2, { signals: [huur(10_000)] })];
    expect(ranking(meldingen, ['bedrag', 'woon'])).toEqual([1, 2]);
    // Without 'woon' and 'bedrag' only the dates and the reference decide.
    const dated = [
      melding(1, { signals: [huur(900_000, '2022-01-01')] }),
      melding(2, { signals: [energie(100, '2021-01-01')] }),
    ];
    expect(ranking(dated, ['ontstaansdatum'])).toEqual([2, 1]);
  });

  it('picks exactly the capacity left after step 1', () => {
    const p = plan({
      capacity: 3,
      meldingen: [
        melding(1, { lastMonth: { followedUp: false, decision: 'uitgesteld' } }),
        melding(2, { signals: [energie(40_000)] }),
        melding(3, { signals: [energie(30_000)] }),
        melding(4, { signals: [energie(20_000)] }),
      ],
    });
    expect(idsOf(p, 'altijd')).toEqual([1]);
    expect(idsOf(p, 'capaciteit')).toEqual([2, 3]);
    expect(idsOf(p, 'uitgesteld')).toEqual([4]);
    expect(p.figures).toMatchObject({ pickedByCapacity: 2, deferred: 1, remainingCapacity: 2 });
  });

  it('explains the place and the facts behind it', () => {
    const p = plan({
      capacity: 1,
      meldingen: [
        melding(1, { signals: [huur(123_456, '2021-11-03')] }),
        melding(2, { signals: [energie(500)] }),
        melding(3, { signals: [energie(400)] }),
      ],
    });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'capaciteit', rule: 'prioriteit', place: 1 });
    expect(decisionOf(p, 1).reason).toBe('binnen de capaciteit: plaats 1 (huur/hypotheek, € 1.234,56, ontstaan 2021-11-03)');
    expect(decisionOf(p, 3)).toMatchObject({ kind: 'uitgesteld', rule: 'capaciteit-vol', place: 3, workerId: null });
    expect(decisionOf(p, 3).reason).toBe(
      'uitgesteld: capaciteit vol (plaats 3 van 3, ruimte voor 1); komt het huishouden volgende maand terug, dan wordt het zeker opgevolgd',
    );
  });
});
