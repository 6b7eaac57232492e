// Several gemeenten triaged together: a gemeente whose contract fixes its capacity fills exactly
// that share, in its own priority order; the others share what the team's capacity leaves, in
// one priority order across their lists.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idsOf, melding, plan, signal } from './builders.js';

const HEEMSTEDE = 1;
const BLOEMENDAAL = 2;
const ZANDVOORT = 3;

/** `count` enkelvoudige meldingen of a gemeente, ids from `first`; a higher amount ranks first. */
function list(gemeenteId: number, first: number, count: number, cents = (i: number) => 10_000 + i) {
  return Array.from({ length: count }, (_, i) =>
    melding(first + i, { gemeenteId, signals: [signal({ bedragCents: cents(i), organisationKey: `org:${first + i}` })] }),
  );
}

describe('triage with a share per gemeente', () => {
  it('gives a gemeente with a share exactly its share, whatever the others need', () => {
    const p = plan({
      capacity: 10,
      shares: new Map([[BLOEMENDAAL, 3]]),
      meldingen: [...list(HEEMSTEDE, 1, 20), ...list(BLOEMENDAAL, 101, 20)],
    });
    const picked = idsOf(p, 'capaciteit');
    expect(picked.filter((id) => id > 100)).toHaveLength(3);
    expect(picked.filter((id) => id <= 100)).toHaveLength(7);
    expect(p.figures.pickedByCapacity).toBe(10);
  });

  it('leaves a share unused rather than give it to another gemeente', () => {
    const p = plan({
      capacity: 10,
      shares: new Map([[BLOEMENDAAL, 5]]),
      meldingen: [...list(HEEMSTEDE, 1, 20), ...list(BLOEMENDAAL, 101, 2)],
    });
    expect(idsOf(p, 'capaciteit').filter((id) => id <= 100)).toHaveLength(5);
    expect(idsOf(p, 'capaciteit').filter((id) => id > 100)).toHaveLength(2);
  });

  it('holds no share back for a gemeente without a list this month', () => {
    const p = plan({ capacity: 10, shares: new Map([[BLOEMENDAAL, 4]]), meldingen: list(HEEMSTEDE, 1, 20) });
    expect(idsOf(p, 'capaciteit')).toHaveLength(10);
  });

  it('counts what must always be followed up against the gemeente\'s own share', () => {
    const always = melding(150, { gemeenteId: BLOEMENDAAL, category: 'meervoudig', signals: [signal(), signal({ organisationKey: 'org:x', schuldeiser: 'X' })] });
    const p = plan({
      capacity: 10,
      shares: new Map([[BLOEMENDAAL, 3]]),
      meldingen: [...list(HEEMSTEDE, 1, 20), ...list(BLOEMENDAAL, 101, 20), always],
    });
    expect(idsOf(p, 'altijd')).toEqual([150]);
    expect(idsOf(p, 'capaciteit').filter((id) => id > 100)).toHaveLength(2);
    expect(idsOf(p, 'capaciteit').filter((id) => id <= 100)).toHaveLength(7);
  });

  it('triages the gemeenten without a share in one priority order across their lists', () => {
    // Zandvoort's amounts are all higher: the shared capacity goes to Zandvoort first.
    const p = plan({
      capacity: 8,
      shares: new Map([[BLOEMENDAAL, 2]]),
      meldingen: [...list(HEEMSTEDE, 1, 10), ...list(ZANDVOORT, 201, 10, (i) => 90_000 + i), ...list(BLOEMENDAAL, 101, 10)],
    });
    const picked = idsOf(p, 'capaciteit');
    expect(picked.filter((id) => id > 200)).toHaveLength(6);
    expect(picked.filter((id) => id < 100)).toHaveLength(0);
  });

  it('numbers the places of each share on their own, and the reason of a deferred melding names its own share', () => {
    const p = plan({
      capacity: 4,
      shares: new Map([[BLOEMENDAAL, 1]]),
      meldingen: [...list(HEEMSTEDE, 1, 5), ...list(BLOEMENDAAL, 101, 5)],
    });
    const places = (from: number, to: number) => p.decisions.filter((d) => d.meldingId >= from && d.meldingId <= to).map((d) => d.place).sort();
    expect(places(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(places(101, 105)).toEqual([1, 2, 3, 4, 5]);
    const deferred = (from: number, to: number) =>
      p.decisions.filter((d) => d.kind === 'uitgesteld' && d.meldingId >= from && d.meldingId <= to).map((d) => d.reason);
    expect(deferred(101, 105)).toHaveLength(4);
    for (const reason of deferred(101, 105)) expect(reason).toMatch(/van 5, ruimte voor 1\)/);
    expect(deferred(1, 5)).toHaveLength(2);
    for (const reason of deferred(1, 5)) expect(reason).toMatch(/van 5, ruimte voor 3\)/);
  });

  it('is the plan without shares when no gemeente has one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), (capacity, count) => {
        const meldingen = [...list(HEEMSTEDE, 1, count), ...list(BLOEMENDAAL, 101, count)];
        const withGemeenten = plan({ capacity, shares: new Map(), meldingen });
        const without = plan({ capacity, meldingen: meldingen.map(({ gemeenteId: _, ...m }) => m) });
        expect(withGemeenten).toEqual(without);
      }),
      { numRuns: 50 },
    );
  });
});
