// Step 1: what is followed up whatever the capacity.
import { describe, it, expect } from 'vitest';
import { decisionOf, idsOf, melding, plan, signal, worker } from './builders.js';

const twoOrganisations = [
  signal({ organisationKey: 'org:eneco', signaalpartner: 'Energie' }),
  signal({ organisationKey: 'org:cz', schuldeiser: 'CZ', signaalpartner: 'Zorg' }),
];

describe('step 1: altijd', () => {
  it('follows a meervoudige melding up even without any capacity', () => {
    const p = plan({ capacity: 0, meldingen: [melding(1, { category: 'meervoudig', signals: twoOrganisations })] });
    const d = decisionOf(p, 1);
    expect(d).toMatchObject({ kind: 'altijd', rule: 'meervoudig', workerId: 1, kept: false });
    expect(d.reason).toBe('meervoudig: achterstand bij 2 organisaties');
  });

  it('follows a crisissignaal and a warme overdracht up even without any capacity', () => {
    const p = plan({
      capacity: 0,
      meldingen: [
        melding(1, { signals: [signal({ crisissignaal: true })] }),
        melding(2, { signals: [signal({ warmeOverdracht: true })] }),
        melding(3),
      ],
    });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'altijd', rule: 'crisis' });
    expect(decisionOf(p, 2)).toMatchObject({ kind: 'altijd', rule: 'warme-overdracht' });
    expect(decisionOf(p, 3).kind).toBe('uitgesteld');
  });

  it('follows an enkelvoudige melding up when last month’s melding was left over, not when it was set aside on purpose', () => {
    const p = plan({
      capacity: 0,
      meldingen: [
        melding(1, { lastMonth: { followedUp: false, decision: 'uitgesteld' } }),
        melding(2, { lastMonth: { followedUp: true, decision: 'capaciteit' } }),
        melding(3, { lastMonth: { followedUp: false, decision: 'niet-opgepakt' } }),
      ],
    });
    expect(decisionOf(p, 1)).toMatchObject({ kind: 'altijd', rule: 'vorige-maand-niet-opgevolgd' });
    expect(decisionOf(p, 1).reason).toBe('vorige maand ook op de lijst en niet opgevolgd');
    expect(decisionOf(p, 2).kind).toBe('uitgesteld');
    // Last month a repeat or below the threshold: that was a decision, not a leftover.
    expect(decisionOf(p, 3).kind).toBe('uitgesteld');
  });

  it('does not treat a melding that last month picked as left over: that household is in progress', () => {
    // February triaged before January's attempts were entered: January's picked melding has no
    // attempt yet, but it was never left over.
    const p = plan({
      capacity: 0,
      meldingen: [
        melding(1, { lastMonth: { followedUp: false, decision: 'capaciteit' } }),
        melding(2, { lastMonth: { followedUp: false, decision: null } }),
      ],
    });
    expect(decisionOf(p, 1).rule).not.toBe('vorige-maand-niet-opgevolgd');
    expect(decisionOf(p, 2).rule).not.toBe('vorige-maand-niet-opgevolgd');
  });

  it('takes step 1 before the repeat rule and the threshold', () => {
    const recent = [{ month: '2022-02', followedUp: true, signals: [{ organisationKey: 'org:eneco', bedragCents: 99_999 }] }];
    const p = plan({
      config: { repeatMonths: 3, minAmountCents: 1_000_000, order: ['woon', 'bedrag', 'ontstaansdatum'] },
      meldingen: [
        melding(1, { recent, lastMonth: { followedUp: false, decision: 'uitgesteld' } }),
        melding(2, { recent, signals: [signal({ crisissignaal: true })] }),
      ],
    });
    expect(idsOf(p, 'altijd')).toEqual([1, 2]);
  });

  describe('when step 1 alone exceeds the capacity', () => {
    const meervoudig = [1, 2, 3, 4, 5].map((n) => melding(n, { category: 'meervoudig', signals: twoOrganisations }));
    const p = plan({
      capacity: 3,
      workers: [worker(1, 2), worker(2, 1)],
      meldingen: [...meervoudig, melding(6), melding(7)],
    });

    it('still picks and assigns every altijd melding', () => {
      expect(idsOf(p, 'altijd')).toEqual([1, 2, 3, 4, 5]);
      for (const d of p.decisions.filter((x) => x.kind === 'altijd')) expect(d.workerId).not.toBeNull();
      expect(p.figures.unassigned).toBe(0);
    });

    it('says how far the month is over and leaves nothing for the capacity step', () => {
      expect(p.figures).toMatchObject({
        capacity: 3,
        alwaysCount: 5,
        overCapacityBy: 2,
        remainingCapacity: 0,
        pickedByCapacity: 0,
        deferred: 2,
      });
    });

    it('spreads the overload over the workers by capacity left', () => {
      const load = (id: number): number => p.decisions.filter((d) => d.workerId === id).length;
      // Worker 1 (capacity 2) and worker 2 (capacity 1) each end one over their capacity.
      expect(load(1)).toBe(3);
      expect(load(2)).toBe(2);
    });
  });

  it('reports no overload when step 1 fits', () => {
    const p = plan({ capacity: 5, meldingen: [melding(1, { category: 'meervoudig', signals: twoOrganisations })] });
    expect(p.figures.overCapacityBy).toBe(0);
    expect(p.figures.remainingCapacity).toBe(4);
  });
});
