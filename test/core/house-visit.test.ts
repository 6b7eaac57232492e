// Who goes on the house-visit list, when eropaf proposes closing, the route order, and the list
// itself: grouped by postcode area, with what a visitor needs and no BSN, phone or e-mail.

import { describe, expect, it } from 'vitest';
import type { Contactsoort } from '../../src/core/followup.js';
import { compareRoute, DEFAULT_VISIT_RULES, proposesClosing, visitReason, type VisitRules } from '../../src/core/house-visit.js';
import { formatAttempt, planVisitList, VISIT_COLUMNS, visitCells } from '../../src/core/visit-list.js';
import { FILL_IN_COLUMNS, type WorklistAttempt, type WorklistEntry } from '../../src/core/worklist.js';

const RULES: VisitRules = { afterAttempts: 3, waitDays: 14 };

function attempt(soort: Contactsoort, datum: string, bereikt = false): WorklistAttempt {
  return { soort, bereikt, datum, dagdeel: null };
}

const calls = (n: number): WorklistAttempt[] => Array.from({ length: n }, (_, i) => attempt('Telefoon', `2023-05-${10 + i}`));

function entry(ref: string, person: Partial<WorklistEntry['person']>, attempts: WorklistAttempt[] = []): WorklistEntry {
  return {
    ref,
    worker: 'Anna de Vries',
    kind: 'altijd',
    reason: 'meervoudig',
    category: 'meervoudig',
    opeenvolgend: false,
    onLastMonth: false,
    signals: [{ schuldeiser: 'Woonstichting Duinrand', signaalpartner: 'Huur', bedragCents: 89_028 }],
    totalCents: 89_028,
    listedOn: '2023-05-02',
    attempts,
    person: {
      naam: 'J. van Testen',
      straatnaam: 'Havikstraat',
      huisnummer: '48',
      toevoeging: '',
      postcode: '2104EE',
      plaatsnaam: 'Heemstede',
      telefoon: '06-99000000',
      email: 'j@example.nl',
      bsn: '999915356',
      ...person,
    },
  };
}

describe('visitReason', () => {
  it('defaults to three attempts and fourteen waiting days', () => {
    expect(DEFAULT_VISIT_RULES).toEqual({ afterAttempts: 3, waitDays: 14 });
  });

  it('puts a melding on the list after the set number of unanswered remote attempts, not before', () => {
    expect(visitReason(entry('a', {}, calls(2)), RULES)).toBeNull();
    expect(visitReason(entry('a', {}, calls(3)), RULES)).toBe('pogingen');
    expect(visitReason(entry('a', {}, calls(1)), { ...RULES, afterAttempts: 1 })).toBe('pogingen');
  });

  it('counts telefoon, sms/whatsapp, mail and brief alike', () => {
    const mixed = [attempt('SMS/Whatsapp', '2023-05-10'), attempt('Mail', '2023-05-11'), attempt('Brief', '2023-05-12')];
    expect(visitReason(entry('a', {}, mixed), RULES)).toBe('pogingen');
  });

  it('does not count a visit, a card or an appointment as a remote attempt', () => {
    const near = [attempt('Huisbezoek', '2023-05-10'), attempt('Kaartje', '2023-05-10'), attempt('Afspraak op locatie', '2023-05-11'), attempt('Telefoon', '2023-05-12')];
    expect(visitReason(entry('a', {}, near), RULES)).toBeNull();
  });

  it('puts a household with neither phone number nor e-mail address on the list at once', () => {
    expect(visitReason(entry('a', { telefoon: null, email: null }), RULES)).toBe('onbereikbaar');
    expect(visitReason(entry('a', { telefoon: null }), RULES)).toBeNull();
    expect(visitReason(entry('a', { email: null }), RULES)).toBeNull();
  });

  it('takes a melding off the list once the resident was reached in any way', () => {
    expect(visitReason(entry('a', {}, [...calls(3), attempt('Mail', '2023-05-20', true)]), RULES)).toBeNull();
    expect(visitReason(entry('a', { telefoon: null, email: null }, [attempt('Brief', '2023-05-20', true)]), RULES)).toBeNull();
  });
});

describe('proposesClosing', () => {
  const visit = attempt('Huisbezoek', '2023-05-20');

  it('proposes closing once the waiting days after a visit without contact have passed', () => {
    expect(proposesClosing([...calls(3), visit], RULES, '2023-06-02')).toBe(false);
    expect(proposesClosing([...calls(3), visit], RULES, '2023-06-03')).toBe(true);
  });

  it('never proposes it without a visit, or when the resident was reached', () => {
    expect(proposesClosing(calls(6), RULES, '2024-01-01')).toBe(false);
    expect(proposesClosing([visit, attempt('Telefoon', '2023-05-25', true)], RULES, '2024-01-01')).toBe(false);
  });

  it('counts from the last visit', () => {
    const again = attempt('Huisbezoek', '2023-06-01');
    expect(proposesClosing([visit, again], RULES, '2023-06-10')).toBe(false);
    expect(proposesClosing([again, visit], RULES, '2023-06-15')).toBe(true);
  });

  it('follows the configured waiting days', () => {
    expect(proposesClosing([visit], { ...RULES, waitDays: 0 }, '2023-05-20')).toBe(true);
  });
});

describe('compareRoute', () => {
  const stop = (postcode: string, straatnaam: string | null, huisnummer: string, toevoeging = '') => ({ postcode, straatnaam, huisnummer, toevoeging });

  it('orders by postcode, street, house number as a number, then toevoeging', () => {
    const stops = [
      stop('2101AB', 'Zonnebloemstraat', '10', 'A'),
      stop('2102CD', 'Beukenlaan', '1'),
      stop('2101AB', 'Zonnebloemstraat', '10'),
      stop('2101AB', 'Zonnebloemstraat', '9'),
      stop('2101AB', 'Akkerweg', '30'),
      stop('2101AA', 'Dorpsstraat', '100'),
    ];
    expect([...stops].sort(compareRoute).map((s) => `${s.postcode} ${s.straatnaam} ${s.huisnummer}${s.toevoeging}`)).toEqual([
      '2101AA Dorpsstraat 100',
      '2101AB Akkerweg 30',
      '2101AB Zonnebloemstraat 9',
      '2101AB Zonnebloemstraat 10',
      '2101AB Zonnebloemstraat 10A',
      '2102CD Beukenlaan 1',
    ]);
  });
});

describe('planVisitList', () => {
  const entries = [
    entry('2023-05-001', { postcode: '2102CD', straatnaam: 'Beukenlaan', huisnummer: '1' }, calls(3)),
    entry('2023-05-002', { postcode: '2101AB', straatnaam: 'Zonnebloemstraat', huisnummer: '10', telefoon: null, email: null }),
    entry('2023-05-003', { postcode: '2101AB', straatnaam: 'Zonnebloemstraat', huisnummer: '9' }, calls(2)),
    entry('2023-05-004', { postcode: '2101AA', straatnaam: 'Dorpsstraat', huisnummer: '100' }, [...calls(3), attempt('Huisbezoek', '2023-05-20')]),
  ];
  const areas = planVisitList(entries, RULES, '2023-06-10');

  it('lists only the meldingen that need a visit, in route order, grouped by postcode area', () => {
    expect(areas.map((a) => [a.area, a.visits.map((v) => v.entry.ref)])).toEqual([
      ['2101', ['2023-05-004', '2023-05-002']],
      ['2102', ['2023-05-001']],
    ]);
  });

  it('says why, and proposes closing only after a visit and the waiting days', () => {
    const [first, second] = areas[0]!.visits;
    expect(visitCells(first!).reden).toBe('pogingen op afstand zonder contact');
    expect(visitCells(first!).voorstel).toBe('afsluiten als "Definitief geen contact kunnen krijgen" (geen-contact)');
    expect(visitCells(second!).reden).toBe('geen telefoonnummer en geen e-mailadres');
    expect(visitCells(second!).voorstel).toBe('');
  });

  it('gives what a visitor needs, with the earlier attempts, and no BSN, phone number or e-mail address', () => {
    const cells = visitCells(areas[1]!.visits[0]!);
    expect(cells).toMatchObject({
      gebied: '2102',
      melding: '2023-05-001',
      medewerker: 'Anna de Vries',
      naam: 'J. van Testen',
      adres: 'Beukenlaan 1, 2102 CD Heemstede',
      organisaties: 'Woonstichting Duinrand (Huur) € 890,28',
      eerdere_pogingen: 'Telefoon 10-05-2023 | Telefoon 11-05-2023 | Telefoon 12-05-2023',
    });
    const all = Object.values(cells).join('|');
    for (const secret of ['999915356', '356', '06-99000000', 'j@example.nl']) expect(all).not.toContain(secret);
  });

  it('ends in the fill-in columns, so that a filled-in visit list reads back like a worklist', () => {
    expect(VISIT_COLUMNS.slice(-FILL_IN_COLUMNS.length)).toEqual([...FILL_IN_COLUMNS]);
    expect(VISIT_COLUMNS[1]).toBe('melding');
  });
});

describe('formatAttempt', () => {
  it('writes kind, Dutch date and part of day', () => {
    expect(formatAttempt({ soort: 'Telefoon', bereikt: false, datum: '2023-05-10', dagdeel: 'Avond' })).toBe('Telefoon 10-05-2023 avond');
    expect(formatAttempt({ soort: 'Brief', bereikt: false, datum: '2023-05-10', dagdeel: null })).toBe('Brief 10-05-2023');
  });
});
