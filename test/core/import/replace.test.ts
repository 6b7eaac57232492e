import { describe, expect, it } from 'vitest';
import { lostFollowUpRefusal, planReplacement, type ReplacedMelding } from '../../../src/core/import/replace.js';

const melding = (n: number, overrides: Partial<ReplacedMelding> = {}): ReplacedMelding => ({
  meldingId: n,
  ref: `2022-03-${String(n).padStart(3, '0')}`,
  householdKey: `2101AA|${n}|`,
  kenmerkHouseholds: [],
  householdOnNewList: true,
  decided: true,
  contacts: 0,
  workerResults: 0,
  ...overrides,
});

describe('a corrected list for a month already worked on', () => {
  it('carries the work of every household still on the list, by address', () => {
    const plan = planReplacement([melding(1, { contacts: 2 }), melding(2)]);
    expect(plan.carried).toEqual([
      { meldingId: 1, householdKey: '2101AA|1|' },
      { meldingId: 2, householdKey: '2101AA|2|' },
    ]);
    expect(plan.lost).toEqual([]);
  });

  it('follows a kenmerk to a corrected address before the old address', () => {
    const plan = planReplacement([melding(1, { kenmerkHouseholds: ['2101AA|101|'], householdOnNewList: false, contacts: 1 })]);
    expect(plan.carried).toEqual([{ meldingId: 1, householdKey: '2101AA|101|' }]);
  });

  it('loses the follow-up of a household no longer on the list, and only that', () => {
    const plan = planReplacement([
      melding(1, { householdOnNewList: false, contacts: 2, workerResults: 1 }),
      melding(2, { householdOnNewList: false }),
      melding(3, { contacts: 1 }),
    ]);
    expect(plan.lost).toEqual([{ ref: '2022-03-001', contacts: 2, results: 1 }]);
    expect(plan.carried.map((c) => c.meldingId)).toEqual([3]);
  });

  it('gives one household one earlier melding: the one at its own address', () => {
    const plan = planReplacement([
      melding(1, { kenmerkHouseholds: ['2101AA|2|'], contacts: 1 }),
      melding(2, { contacts: 3 }),
    ]);
    expect(plan.carried).toEqual([{ meldingId: 2, householdKey: '2101AA|2|' }]);
    expect(plan.lost).toEqual([{ ref: '2022-03-001', contacts: 1, results: 0 }]);
  });

  it('carries nothing for a melding that nothing was recorded for', () => {
    expect(planReplacement([melding(1, { decided: false })]).carried).toEqual([]);
  });

  it('names what would be lost in the refusal', () => {
    const refusal = lostFollowUpRefusal('2022-03', [{ ref: '2022-03-001', contacts: 2, results: 1 }]);
    expect(refusal.message).toContain('1 huishouden dat niet meer op de nieuwe lijst staat');
    expect(refusal.details).toEqual(['2022-03-001: 2 contactpogingen, een resultaat']);
  });
});
