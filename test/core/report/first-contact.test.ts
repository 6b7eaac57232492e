// How fast the team is: the share of picked-up meldingen with a first attempt within the term,
// the median days to it; and which kinds of attempt reach people, visits included.

import { describe, expect, it } from 'vitest';
import { firstContactFigures, median } from '../../../src/core/report/first-contact.js';
import { reachByKind, visitedReached } from '../../../src/core/report/reach.js';
import type { StatsContact, StatsMelding } from '../../../src/core/report/stats.js';

function melding(id: number, fields: Partial<StatsMelding> = {}): StatsMelding {
  return {
    id,
    householdId: id,
    category: 'enkelvoudig',
    opeenvolgend: false,
    decision: 'capaciteit',
    workerId: 1,
    opgevolgd: false,
    resultaat: null,
    listedOn: '2023-05-01',
    ...fields,
  };
}

function contact(meldingId: number, soort: StatsContact['soort'], datum: string, bereikt = false): StatsContact {
  return { meldingId, soort, bereikt, datum };
}

describe('firstContactFigures', () => {
  const meldingen = [
    melding(1), // first attempt on day 3 (a later one on day 1 is not first: dates, not order, decide)
    melding(2), // first attempt on day 14: the last day within the term
    melding(3), // first attempt on day 20: too late
    melding(4), // no attempt, term passed: counts against
    melding(5, { listedOn: '2023-05-20' }), // no attempt, term still running: not judged yet
    melding(6, { resultaat: 'Inwoner is overleden', opgevolgd: true }), // closed without an attempt: not judged
    melding(7, { decision: 'uitgesteld' }), // not picked up: not judged
    melding(8, { listedOn: '2023-06-01' }), // attempt before the import (history imported later)
  ];
  const contacts = [
    contact(1, 'Telefoon', '2023-05-04'),
    contact(1, 'Brief', '2023-05-02'),
    contact(2, 'Telefoon', '2023-05-15', true),
    contact(3, 'Mail', '2023-05-21'),
    contact(7, 'Telefoon', '2023-05-02'),
    contact(8, 'Telefoon', '2023-05-10'),
  ];
  const figures = firstContactFigures(meldingen, contacts, 14, '2023-05-25');

  it('counts the picked-up meldingen with a first attempt within the term, of those that can be judged', () => {
    expect(figures.withinTerm).toEqual({ count: 2, of: 4, share: 0.5 });
    expect(figures.termDays).toBe(14);
  });

  it('takes the median of the days from import to first attempt', () => {
    // Days 1, 14 and 20.
    expect(figures.medianDaysToFirstAttempt).toBe(14);
  });

  it('leaves out, and counts, first attempts dated before the import', () => {
    expect(figures.attemptBeforeImport).toBe(1);
  });

  it('has nothing to judge without picked-up meldingen', () => {
    expect(firstContactFigures([], [], 14, '2023-05-25')).toEqual({
      termDays: 14,
      withinTerm: { count: 0, of: 0, share: null },
      medianDaysToFirstAttempt: null,
      attemptBeforeImport: 0,
    });
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('reach per kind of attempt', () => {
  const contacts = [
    contact(1, 'Telefoon', '2023-05-02'),
    contact(1, 'Telefoon', '2023-05-03', true),
    contact(2, 'Telefoon', '2023-05-02'),
    contact(2, 'Huisbezoek', '2023-05-10', true),
    contact(3, 'Huisbezoek', '2023-05-10'),
    contact(3, 'Kaartje', '2023-05-10'),
    contact(3, 'Telefoon', '2023-05-12', true), // called back after the card
    contact(4, 'Telefoon', '2023-05-02', true), // reached before a later visit: not the visit's doing
    contact(4, 'Huisbezoek', '2023-05-10'),
    contact(5, 'Huisbezoek', '2023-05-10'),
  ];

  it('gives per kind the attempts in which the resident was reached', () => {
    const reach = reachByKind(contacts);
    expect(reach.Telefoon).toEqual({ count: 3, of: 5, share: 0.6 });
    expect(reach.Huisbezoek).toEqual({ count: 1, of: 4, share: 0.25 });
    expect(reach.Kaartje).toEqual({ count: 0, of: 1, share: 0 });
    expect(reach.Brief).toEqual({ count: 0, of: 0, share: null });
  });

  it('gives the share of visited households reached at or after the visit', () => {
    expect(visitedReached(contacts)).toEqual({ count: 2, of: 4, share: 0.5 });
  });
});
