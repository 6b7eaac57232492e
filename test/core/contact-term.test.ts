// The first-contact term: its last day, when a melding is past it, and the cut-off day a store
// counts by, which must agree with judging each melding.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactDeadline, daysBetween, isPastContactTerm, lastListedDayPastTerm } from '../../src/core/contact-term.js';

describe('contactDeadline', () => {
  it('is the term in calendar days after the import, across month and year ends and leap days', () => {
    expect(contactDeadline('2023-05-01', 14)).toBe('2023-05-15');
    expect(contactDeadline('2023-12-25', 14)).toBe('2024-01-08');
    expect(contactDeadline('2024-02-20', 14)).toBe('2024-03-05');
    expect(contactDeadline('2023-02-20', 14)).toBe('2023-03-06');
  });
});

describe('isPastContactTerm', () => {
  it('is past only after the last day, and only without any attempt', () => {
    expect(isPastContactTerm('2023-05-01', 0, 14, '2023-05-15')).toBe(false);
    expect(isPastContactTerm('2023-05-01', 0, 14, '2023-05-16')).toBe(true);
    expect(isPastContactTerm('2023-05-01', 1, 14, '2023-09-01')).toBe(false);
  });

  it('follows the configured term', () => {
    expect(isPastContactTerm('2023-05-01', 0, 7, '2023-05-09')).toBe(true);
    expect(isPastContactTerm('2023-05-01', 0, 30, '2023-05-31')).toBe(false);
  });
});

describe('lastListedDayPastTerm', () => {
  const day = fc
    .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('marks exactly the meldingen that judging each one finds past their term', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 365 }), (listedOn, today, term) => {
        expect(listedOn <= lastListedDayPastTerm(today, term)).toBe(isPastContactTerm(listedOn, 0, term, today));
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2023-05-01', '2023-05-01')).toBe(0);
    expect(daysBetween('2023-05-01', '2023-06-01')).toBe(31);
    expect(daysBetween('2023-05-10', '2023-05-01')).toBe(-9);
    // Not thrown off by the change to summer time (26 March 2023 in the Netherlands).
    expect(daysBetween('2023-03-25', '2023-03-27')).toBe(2);
  });
});
