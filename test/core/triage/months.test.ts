// Across months: a deferred household that returns is followed up through its new melding; the
// deferred melding itself is closed as not picked up either way, with a reason that says which.
import { describe, it, expect } from 'vitest';
import { decisionOf, melding, plan } from './builders.js';

describe('deferred meldingen the month after', () => {
  // March: no capacity, so the enkelvoudige melding of household 1001 is deferred.
  const march = plan({ month: '2022-03', capacity: 0, meldingen: [melding(1)] });

  it('defers it in the first month', () => {
    expect(decisionOf(march, 1).kind).toBe('uitgesteld');
  });

  it('follows it up for certain when the household is on the next list, even without capacity', () => {
    const april = plan({
      month: '2022-04',
      capacity: 0,
      meldingen: [melding(2, { ref: '2022-04-002', householdId: 1001, lastMonth: { followedUp: false, decision: 'uitgesteld' } })],
      deferredLastMonth: [{ id: 1, ref: '2022-03-001', householdId: 1001 }],
    });
    expect(decisionOf(april, 2)).toMatchObject({ kind: 'altijd', rule: 'vorige-maand-niet-opgevolgd' });
    expect(decisionOf(april, 2).workerId).not.toBeNull();
    expect(april.closures).toEqual([
      {
        meldingId: 1,
        ref: '2022-03-001',
        result: 'Niet opgepakt: andere reden',
        reason: 'niet opgepakt: capaciteit (huishouden terug op de lijst, opgevolgd via de nieuwe melding)',
      },
    ]);
  });

  it('closes it as not picked up for capacity when the household is not on the next list', () => {
    const april = plan({
      month: '2022-04',
      meldingen: [melding(2, { ref: '2022-04-002', householdId: 2002 })],
      deferredLastMonth: [{ id: 1, ref: '2022-03-001', householdId: 1001 }],
    });
    expect(april.closures).toEqual([
      {
        meldingId: 1,
        ref: '2022-03-001',
        result: 'Niet opgepakt: andere reden',
        reason: 'niet opgepakt: capaciteit (huishouden niet terug op de lijst)',
      },
    ]);
    // The closure is about last month's melding: this month's decisions are unaffected.
    expect(april.decisions.map((d) => d.meldingId)).toEqual([2]);
  });

  it('closes every deferred melding in reference order, saying which households returned', () => {
    const april = plan({
      month: '2022-04',
      meldingen: [melding(10, { ref: '2022-04-010', householdId: 1002 })],
      deferredLastMonth: [
        { id: 3, ref: '2022-03-003', householdId: 1003 },
        { id: 2, ref: '2022-03-002', householdId: 1002 },
        { id: 1, ref: '2022-03-001', householdId: 1001 },
      ],
    });
    expect(april.closures.map((c) => [c.meldingId, c.reason.includes('niet terug')])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
  });

  it('closes everything deferred when the new list is empty', () => {
    const april = plan({ month: '2022-04', deferredLastMonth: [{ id: 1, ref: '2022-03-001', householdId: 1001 }] });
    expect(april.closures).toHaveLength(1);
    expect(april.decisions).toEqual([]);
  });
});
