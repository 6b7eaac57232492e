import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { planMonthRemoval, removedItems, type MonthContents } from '../../src/core/month-removal.js';

const imported: MonthContents = { month: '2022-04', meldingen: 40, signals: 52, imports: 1, decisions: 0, contacts: 0, workerResults: 0 };

describe('removing a month', () => {
  it('plans the removal of a month without recorded follow-up', () => {
    const plan = planMonthRemoval(imported, { force: false });
    expect(plan.losesFollowUp).toBe(false);
    expect(removedItems(plan.contents)).toEqual(['40 meldingen', '52 signalen', '1 ingelezen bestand']);
  });

  it('refuses, naming what would be lost, once follow-up was recorded; --force lets it through', () => {
    const worked = { ...imported, decisions: 40, contacts: 1, workerResults: 2 };
    expect(() => planMonthRemoval(worked, { force: false })).toThrow(DataError);
    expect(() => planMonthRemoval(worked, { force: false })).toThrow(/1 contactpoging, 2 resultaten/);
    const plan = planMonthRemoval(worked, { force: true });
    expect(plan.losesFollowUp).toBe(true);
    expect(removedItems(plan.contents)).toContain('1 contactpoging');
  });

  it('does not count a triage alone as follow-up', () => {
    expect(planMonthRemoval({ ...imported, decisions: 40 }, { force: false }).losesFollowUp).toBe(false);
  });

  it('refuses a month without a list', () => {
    expect(() => planMonthRemoval({ ...imported, meldingen: 0, signals: 0, imports: 0 }, { force: false })).toThrow(/geen ingelezen lijst/);
  });
});
