// The period figures from hand-made meldingen, signals and contact attempts.

import { describe, expect, it } from 'vitest';
import { CONTACTSOORTEN, EINDRESULTATEN } from '../../../src/core/followup.js';
import type { AgeGroup } from '../../../src/core/report/age-group.js';
import { periodStats, type StatsContact, type StatsMelding, type StatsSignal } from '../../../src/core/report/stats.js';
import type { Signaalpartner } from '../../../src/core/types.js';

function melding(id: number, fields: Partial<StatsMelding>): StatsMelding {
  return {
    id,
    householdId: id,
    category: 'enkelvoudig',
    opeenvolgend: false,
    decision: null,
    workerId: null,
    opgevolgd: false,
    resultaat: null,
    listedOn: '2022-03-02',
    ...fields,
  };
}

function signal(meldingId: number, signaalpartner: Signaalpartner, ageGroup: AgeGroup): StatsSignal {
  return { meldingId, signaalpartner, ageGroup };
}

function contact(meldingId: number, soort: StatsContact['soort'], bereikt: boolean): StatsContact {
  return { meldingId, soort, bereikt, datum: '2022-03-10' };
}

const MELDINGEN: StatsMelding[] = [
  // Reached on the second call, referred for financial help.
  melding(1, { householdId: 1, opeenvolgend: true, decision: 'altijd', workerId: 1, opgevolgd: true, resultaat: 'Vervolghulp en/of verwijzing financieel' }),
  // Reached at home, advice only.
  melding(2, { householdId: 2, category: 'meervoudig', decision: 'capaciteit', workerId: 2, opgevolgd: true, resultaat: '(Budget)advies en/of quick fix' }),
  // The same household as melding 1 in another month: a letter, no answer yet, still open.
  melding(3, { householdId: 1, opeenvolgend: true, decision: 'capaciteit', workerId: 1, opgevolgd: true }),
  // Deferred, closed as not picked up by the next month's triage.
  melding(4, { householdId: 3, decision: 'uitgesteld', resultaat: 'Niet opgepakt: andere reden' }),
  // Assigned, nothing done yet.
  melding(5, { householdId: 4, decision: 'altijd', workerId: 2 }),
  // Not picked up: a repeat.
  melding(6, { householdId: 5, decision: 'niet-opgepakt', resultaat: 'Niet opgepakt: herhaalde melding' }),
  // Followed up without any attempt: the resident died.
  melding(7, { householdId: 6, decision: 'capaciteit', workerId: 1, opgevolgd: true, resultaat: 'Inwoner is overleden' }),
  // Not triaged yet.
  melding(8, { householdId: 7 }),
];

const SIGNALS: StatsSignal[] = [
  signal(1, 'Huur', '27-44'),
  // The first signal with a known age decides the melding's group: 45-66, not 27-44.
  signal(2, 'Zorg', 'onbekend'),
  signal(2, 'CAK Zorgverzekeringen', '45-66'),
  signal(2, 'Energie', '27-44'),
  signal(3, 'Hypotheek', '18-26'),
  signal(3, 'Water', '27-44'),
  signal(4, 'CAK Eigen bijdrage', '67+'),
  signal(5, 'DUO', 'onbekend'),
  signal(6, 'Belastingdienst', '0-17'),
  signal(7, 'Dienst Toeslagen', '45-66'),
  signal(7, 'Overige', '45-66'),
  signal(8, 'Energie', '27-44'),
];

const CONTACTS: StatsContact[] = [
  contact(1, 'Telefoon', false),
  contact(1, 'Telefoon', true),
  contact(2, 'Huisbezoek', true),
  contact(3, 'Brief', false),
];

describe('periodStats', () => {
  const stats = periodStats(MELDINGEN, SIGNALS, CONTACTS);

  it('counts unique households, meldingen and signals', () => {
    expect(stats.households).toBe(7);
    expect(stats.meldingen).toBe(8);
    expect(stats.signals).toBe(12);
  });

  it('maps signaalpartners to debt types: woon = Huur/Hypotheek, zorg = Zorg/CAK, the rest overig', () => {
    expect(stats.signalsByDebtType).toEqual({ woon: 2, zorg: 3, energie: 2, water: 1, overig: 4 });
  });

  it('gives each melding one age group: that of its first signal with a known age', () => {
    expect(stats.ageGroups).toEqual({ '0-17': 1, '18-26': 1, '27-44': 2, '45-66': 2, '67+': 1, onbekend: 1 });
  });

  it('counts a melding without any signal as age unknown', () => {
    const alone = periodStats([melding(1, {})], [], []);
    expect(alone.ageGroups.onbekend).toBe(1);
  });

  it('gives the share opeenvolgend of all meldingen', () => {
    expect(stats.opeenvolgend).toEqual({ count: 2, of: 8, share: 0.25 });
  });

  it('counts contact attempts by kind, every kind present', () => {
    const expected = Object.fromEntries(CONTACTSOORTEN.map((c) => [c.value, 0]));
    Object.assign(expected, { Telefoon: 2, Huisbezoek: 1, Brief: 1 });
    expect(stats.contactAttempts).toEqual(expected);
  });

  it('gives reach over followed-up meldingen and help acceptance over reached meldingen', () => {
    // Followed up: 1, 2, 3, 7; reached: 1 and 2; help accepted: 1.
    expect(stats.reach).toEqual({ count: 2, of: 4, share: 0.5 });
    expect(stats.helpAccepted).toEqual({ count: 1, of: 2, share: 0.5 });
  });

  it('counts every national result, zero where none', () => {
    const expected = Object.fromEntries(EINDRESULTATEN.map((r) => [r.value, 0]));
    Object.assign(expected, {
      'Vervolghulp en/of verwijzing financieel': 1,
      '(Budget)advies en/of quick fix': 1,
      'Niet opgepakt: andere reden': 1,
      'Niet opgepakt: herhaalde melding': 1,
      'Inwoner is overleden': 1,
    });
    expect(stats.results).toEqual(expected);
  });

  it('gives per worker the assigned, followed-up and open meldingen', () => {
    expect(stats.perWorker).toEqual([
      { workerId: 1, assigned: 3, followedUp: 3, open: 0 },
      { workerId: 2, assigned: 2, followedUp: 1, open: 1 },
    ]);
  });

  it('has a null share, not NaN, where the whole is zero', () => {
    const empty = periodStats([], [], []);
    expect(empty.households).toBe(0);
    expect(empty.opeenvolgend).toEqual({ count: 0, of: 0, share: null });
    expect(empty.reach).toEqual({ count: 0, of: 0, share: null });
    expect(empty.helpAccepted).toEqual({ count: 0, of: 0, share: null });
    expect(empty.perWorker).toEqual([]);

    // Followed up but nobody reached: reach 0 of 1, help acceptance of nobody.
    const unreached = periodStats(
      [melding(1, { decision: 'altijd', workerId: 1, opgevolgd: true })],
      [signal(1, 'Water', '45-66')],
      [contact(1, 'Kaartje', false)],
    );
    expect(unreached.reach).toEqual({ count: 0, of: 1, share: 0 });
    expect(unreached.helpAccepted).toEqual({ count: 0, of: 0, share: null });
  });

  it.each([
    ['Vervolghulp en/of verwijzing', 1],
    ['Vervolghulp en/of verwijzing niet financieel', 1],
    ['Verwijzing zonder tussenkomst inwoner', 1],
    ['Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering', 0],
    ['Geen reactie na eerder contact', 0],
  ] as const)('counts a reached melding ending in %j as help accepted: %i', (resultaat, accepted) => {
    const one = periodStats([melding(1, { decision: 'altijd', workerId: 1, opgevolgd: true, resultaat })], [], [contact(1, 'Telefoon', true)]);
    expect(one.helpAccepted).toEqual({ count: accepted, of: 1, share: accepted });
  });
});
