// A worklist line and its reference: the BSN is masked at the source, the address reads as a
// Dutch address, the fill-in columns are empty, and the reference survives a round trip.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRef, parseRef } from '../../src/core/reference.js';
import {
  FILL_IN_COLUMNS,
  formatAddress,
  formatOrganisations,
  WORKLIST_COLUMNS,
  worklistCells,
  type WorklistLine,
} from '../../src/core/worklist.js';

function entry(overrides: Partial<WorklistLine> = {}, person: Partial<WorklistLine['person']> = {}): WorklistLine {
  return {
    ref: '2022-03-017',
    worker: 'Anna de Vries',
    kind: 'altijd',
    reason: 'meervoudig: achterstand bij 2 organisaties',
    category: 'meervoudig',
    opeenvolgend: true,
    onLastMonth: false,
    signals: [
      { schuldeiser: 'Woonstichting Duinrand', signaalpartner: 'Huur', bedragCents: 89_028 },
      { schuldeiser: null, signaalpartner: 'Energie', bedragCents: 12_345 },
    ],
    totalCents: 101_373,
    listedOn: '2022-03-02',
    attempts: [
      { soort: 'Telefoon', bereikt: false, datum: '2022-03-04', dagdeel: 'Ochtend' },
      { soort: 'Telefoon', bereikt: false, datum: '2022-03-07', dagdeel: null },
    ],
    deadline: '2022-03-16',
    pastTerm: false,
    proposal: null,
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
    ...overrides,
  };
}

describe('worklistCells', () => {
  it('fills every worklist column, in order, starting with melding and ending with the fill-in columns', () => {
    const cells = worklistCells(entry());
    expect(Object.keys(cells)).toEqual([...WORKLIST_COLUMNS]);
    expect(WORKLIST_COLUMNS[0]).toBe('melding');
    expect(WORKLIST_COLUMNS.slice(-5)).toEqual(['contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie']);
  });

  it('leaves the fill-in columns empty', () => {
    const cells = worklistCells(entry());
    for (const column of FILL_IN_COLUMNS) expect(cells[column]).toBe('');
  });

  it('shows the BSN masked to its last three digits, never in full', () => {
    const cells = worklistCells(entry());
    expect(cells.bsn).toBe('******356');
    expect(Object.values(cells).join('|')).not.toContain('999915356');
    expect(Object.values(cells).join('|')).not.toMatch(/\d{9}/);
    expect(worklistCells(entry({}, { bsn: null })).bsn).toBe('');
  });

  it('masks any BSN it is given', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (bsn) => {
        const cells = worklistCells(entry({}, { bsn }));
        expect(cells.bsn).toBe(`******${bsn.slice(6)}`);
        expect(Object.values(cells).some((c) => c.includes(bsn))).toBe(false);
      }),
    );
  });

  it('formats the reference, worker, category, flags, amounts and attempts', () => {
    const cells = worklistCells(entry());
    expect(cells).toMatchObject({
      melding: '2022-03-017',
      medewerker: 'Anna de Vries',
      reden: 'meervoudig: achterstand bij 2 organisaties',
      soort: 'meervoudig',
      opeenvolgend: 'ja',
      totaal: '€ 1.013,73',
      naam: 'J. van Testen',
      telefoon: '06-99000000',
      email: 'j@example.nl',
      pogingen: '2',
    });
    expect(worklistCells(entry({ opeenvolgend: false })).opeenvolgend).toBe('nee');
  });

  it('names a melding without a worker as such', () => {
    expect(worklistCells(entry({ worker: null })).medewerker).toBe('(nog niemand)');
  });

  it('lists each organisation with its type and amount, the type standing in for a missing name', () => {
    expect(formatOrganisations(entry())).toBe('Woonstichting Duinrand (Huur) € 890,28 | Energie (Energie) € 123,45');
  });

  it('leaves missing personal data empty rather than writing null', () => {
    const cells = worklistCells(entry({}, { naam: null, telefoon: null, email: null }));
    expect([cells.naam, cells.telefoon, cells.email]).toEqual(['', '', '']);
    expect(Object.values(cells).join('|')).not.toContain('null');
  });
});

describe('formatAddress', () => {
  const person = entry().person;

  it('writes street, number, postcode with a space, and town', () => {
    expect(formatAddress(person)).toBe('Havikstraat 48, 2104 EE Heemstede');
  });

  it('adds the toevoeging after the number', () => {
    expect(formatAddress({ ...person, huisnummer: '12', toevoeging: 'A' })).toBe('Havikstraat 12 A, 2104 EE Heemstede');
  });

  it('does without a street name or town', () => {
    expect(formatAddress({ ...person, straatnaam: null, plaatsnaam: null })).toBe('48, 2104 EE');
  });
});

describe('melding references', () => {
  it('pads the number to three digits and reads it back', () => {
    expect(formatRef('2022-03', 17)).toBe('2022-03-017');
    expect(formatRef('2022-03', 1234)).toBe('2022-03-1234');
    expect(parseRef('2022-03-017')).toEqual({ month: '2022-03', seq: 17 });
    expect(parseRef(' 2022-03-17 ')).toEqual({ month: '2022-03', seq: 17 });
  });

  it('round-trips every month and number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 999_999 }),
        (year, month, seq) => {
          const m = `${year}-${String(month).padStart(2, '0')}`;
          expect(parseRef(formatRef(m, seq))).toEqual({ month: m, seq });
        },
      ),
    );
  });

  it.each(['', '2022-03', '2022-03-000', '2022-3-017', '22-03-017', '2022-03-017a', '2022-03-1234567', '2022/03/017'])(
    'refuses %j',
    (text) => {
      expect(parseRef(text)).toBeNull();
    },
  );
});
