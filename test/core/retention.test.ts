// Retention terms: how long a melding's personal data is kept, which meldingen a purge takes,
// and which purged months were never delivered nationally.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstMonthKeptNotFollowedUp,
  isPastTerm,
  keepUntil,
  planPurge,
  undeliveredMonths,
  type RetentionCandidate,
  type RetentionPolicy,
} from '../../src/core/retention.js';

const POLICY: RetentionPolicy = { notFollowedUpMonths: 6, followedUpMonths: 18 };

function candidate(fields: Partial<RetentionCandidate>): RetentionCandidate {
  return { meldingId: 1, month: '2022-03', opgevolgd: false, closedOn: null, lastContactOn: null, ...fields };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day of the month `months` after `month` (computed with the UTC calendar). */
function lastDayAfter(month: string, months: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(y, m + 1, 0));
  return `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('keepUntil: a melding that was never followed up', () => {
  it.each([
    ['2022-03', 6, '2022-09-30'],
    ['2022-06', 6, '2022-12-31'],
    ['2022-08', 6, '2023-02-28'],
    ['2023-08', 6, '2024-02-29'],
    ['2021-12', 12, '2022-12-31'],
  ])('of %s with %i months is kept through %s, the last day of that month', (month, months, until) => {
    expect(lastDayAfter(month, months)).toBe(until);
    const policy = { ...POLICY, notFollowedUpMonths: months };
    expect(keepUntil(candidate({ month }), policy)).toBe(until);
  });

  it('counts from the list month even when the melding was closed as not picked up', () => {
    const closedNotPickedUp = candidate({ month: '2022-03', closedOn: '2022-04-10' });
    expect(keepUntil(closedNotPickedUp, POLICY)).toBe(lastDayAfter('2022-03', 6));
  });

  it('is past its term the day after, not on the last day', () => {
    const c = candidate({ month: '2022-03' });
    const until = keepUntil(c, POLICY)!;
    expect(isPastTerm(c, POLICY, until)).toBe(false);
    expect(isPastTerm(c, POLICY, '2022-04-01')).toBe(false);
    expect(isPastTerm(c, POLICY, nextDay(until))).toBe(true);
    expect(isPastTerm(c, POLICY, '2026-01-01')).toBe(true);
  });
});

describe('firstMonthKeptNotFollowedUp', () => {
  const date = fc
    .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('splits never-followed-up meldingen exactly as isPastTerm does, on any day of any month', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 6, max: 60 }), (listDay, todayDate, months) => {
        const policy = { ...POLICY, notFollowedUpMonths: months };
        const c = candidate({ month: listDay.slice(0, 7) });
        expect(c.month < firstMonthKeptNotFollowedUp(policy, todayDate)).toBe(isPastTerm(c, policy, todayDate));
      }),
    );
  });

  it('keeps the sixth month back on the first day of a month, and lets it go on the last', () => {
    expect(firstMonthKeptNotFollowedUp(POLICY, '2022-10-01')).toBe('2022-04');
    expect(firstMonthKeptNotFollowedUp(POLICY, '2022-10-31')).toBe('2022-04');
    expect(isPastTerm(candidate({ month: '2022-03' }), POLICY, '2022-10-01')).toBe(true);
    expect(isPastTerm(candidate({ month: '2022-04' }), POLICY, '2022-10-31')).toBe(false);
  });
});

describe('keepUntil: a followed-up melding', () => {
  it.each([
    ['2022-04-15', 18, '2023-10-15'],
    ['2022-12-01', 18, '2024-06-01'],
    ['2022-05-10', 24, '2024-05-10'],
    // The 31st becomes the last day of a shorter month.
    ['2022-08-31', 18, '2024-02-29'],
  ])('closed on %s with %i months is kept through %s', (closedOn, months, until) => {
    const c = candidate({ month: '2022-03', opgevolgd: true, closedOn, lastContactOn: '2022-03-20' });
    const policy = { ...POLICY, followedUpMonths: months };
    expect(keepUntil(c, policy)).toBe(until);
    expect(isPastTerm(c, policy, until)).toBe(false);
    expect(isPastTerm(c, policy, nextDay(until))).toBe(true);
  });

  it('counts from the closing, not the list month: a March melding closed in December outlives the not-followed-up term', () => {
    const followed = candidate({ month: '2022-03', opgevolgd: true, closedOn: '2022-12-20' });
    expect(isPastTerm(followed, POLICY, '2023-01-01')).toBe(false);
    expect(isPastTerm(candidate({ month: '2022-03' }), POLICY, '2023-01-01')).toBe(true);
  });

  it('that is still open keeps its data until the term after its last contact attempt', () => {
    // Not closed: the term runs from the last attempt, so a forgotten `close` cannot keep data for ever.
    const open = candidate({ month: '2022-03', opgevolgd: true, closedOn: null, lastContactOn: '2022-05-20' });
    expect(keepUntil(open, POLICY)).toBe('2023-11-20');
    expect(isPastTerm(open, POLICY, '2023-11-20')).toBe(false);
    expect(isPastTerm(open, POLICY, '2023-11-21')).toBe(true);
    // Well within the term a purge leaves it alone, even when the list month is long past the 6 months.
    expect(isPastTerm(open, POLICY, '2023-01-15')).toBe(false);
  });
});

describe('planPurge', () => {
  const candidates: RetentionCandidate[] = [
    candidate({ meldingId: 9, month: '2022-02' }), // until 2022-08-31: due
    candidate({ meldingId: 3, month: '2021-12' }), // until 2022-06-30: due
    candidate({ meldingId: 7, month: '2022-03' }), // until 2022-09-30: not yet
    candidate({ meldingId: 5, month: '2021-11', opgevolgd: true, closedOn: '2022-01-10' }), // until 2023-07-10: not yet
    candidate({ meldingId: 1, month: '2021-11' }), // until 2022-05-31: due
    candidate({ meldingId: 4, month: '2022-02' }), // due, the same month again
  ];

  it('takes exactly the meldingen past their term, ids sorted, months sorted and once each', () => {
    const today = '2022-09-01';
    const plan = planPurge(candidates, POLICY, today);
    const due = candidates.filter((c) => isPastTerm(c, POLICY, today));
    expect(plan.meldingIds).toEqual(due.map((c) => c.meldingId).sort((a, b) => a - b));
    expect(plan.meldingIds).toEqual([1, 3, 4, 9]);
    expect(plan.months).toEqual(['2021-11', '2021-12', '2022-02']);
  });

  it('takes nothing before any term ends, and everything once every term has ended', () => {
    expect(planPurge(candidates, POLICY, '2022-05-31')).toEqual({ meldingIds: [], months: [] });
    const late = planPurge(candidates, POLICY, '2026-01-01');
    expect(late.meldingIds).toEqual([1, 3, 4, 5, 7, 9]);
    expect(late.months).toEqual(['2021-11', '2021-12', '2022-02', '2022-03']);
  });

  it('follows the policy: a longer term keeps more', () => {
    const longer = planPurge(candidates, { notFollowedUpMonths: 9, followedUpMonths: 18 }, '2022-09-01');
    // 2021-11 + 9 months ends 2022-08-31; 2021-12 + 9 ends 2022-09-30.
    expect(longer.meldingIds).toEqual([1]);
    expect(longer.months).toEqual(['2021-11']);
  });
});

describe('undeliveredMonths', () => {
  const months = ['2021-11', '2021-12', '2022-01', '2022-02', '2022-03'];

  it('gives every month when nothing was delivered', () => {
    expect(undeliveredMonths(months, [])).toEqual(months);
  });

  it('leaves out the months a delivery covered, ends included, across a year boundary', () => {
    expect(undeliveredMonths(months, [{ from: '2021-12', to: '2022-01' }])).toEqual(['2021-11', '2022-02', '2022-03']);
    expect(
      undeliveredMonths(months, [
        { from: '2021-01', to: '2021-11' },
        { from: '2022-03', to: '2022-03' },
      ]),
    ).toEqual(['2021-12', '2022-01', '2022-02']);
    expect(undeliveredMonths(months, [{ from: '2021-06', to: '2022-06' }])).toEqual([]);
  });
});
