// Reading one row of a filled-in worklist back: only the reference and the fill-in columns count,
// every problem is named by line and column, and a note (personal text) is never shown.

import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { EINDRESULTATEN } from '../../src/core/followup.js';
import { mapOutcomeHeaders, parseOutcomeRow, type OutcomeRowResult } from '../../src/core/outcome-row.js';
import { WORKLIST_COLUMNS } from '../../src/core/worklist.js';

const TODAY = '2022-03-15';
const HEADERS = [...WORKLIST_COLUMNS];
const MAP = mapOutcomeHeaders(HEADERS);
const LINE = 7;

type Cells = Partial<Record<(typeof WORKLIST_COLUMNS)[number], string>>;

/** A worklist row as eropaf writes it, with the given cells filled in. */
function row(cells: Cells): string[] {
  const base: Cells = {
    melding: '2022-03-017',
    medewerker: 'Anna de Vries',
    reden: 'meervoudig: achterstand bij 2 organisaties',
    soort: 'meervoudig',
    naam: 'J. Testpersoon',
    bsn: '******123',
    ...cells,
  };
  return HEADERS.map((h) => base[h] ?? '');
}

function parse(cells: Cells, today = TODAY): OutcomeRowResult {
  return parseOutcomeRow(row(cells), LINE, MAP, today);
}

function problemsOf(result: OutcomeRowResult): Array<{ header: string; shownValue: string; expected: string; line: number }> {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.entry)}`);
  return result.problems;
}

const CONTACT = { contact_datum: '2022-03-10', contact_soort: 'telefoon', bereikt: 'nee' } as const;

describe('mapOutcomeHeaders', () => {
  it('finds the reference and fill-in columns wherever they are, ignoring the others', () => {
    const headers = ['Notitie', 'extra kolom', 'Melding', 'Contact soort', 'CONTACT_DATUM', 'bereikt', 'Resultaat'];
    const map = mapOutcomeHeaders(headers);
    expect(Object.fromEntries(map.index)).toEqual({
      notitie: 0,
      melding: 2,
      contact_soort: 3,
      contact_datum: 4,
      bereikt: 5,
      resultaat: 6,
    });
  });

  it('refuses a file without the melding column, naming what it found', () => {
    const attempt = (): unknown => mapOutcomeHeaders(['Kenmerk', 'contact_datum', 'resultaat']);
    expect(attempt).toThrow(DataError);
    try {
      attempt();
    } catch (error) {
      expect((error as DataError).message).toContain('melding');
      expect((error as DataError).details.join('\n')).toContain('"Kenmerk"');
    }
  });

  it('refuses a file that has only the melding column (not a worklist)', () => {
    expect(() => mapOutcomeHeaders(['melding', 'naam', 'adres'])).toThrow(DataError);
  });
});

describe('parseOutcomeRow', () => {
  it('returns no entry for a row that is not filled in', () => {
    expect(parse({})).toEqual({ ok: true, entry: null });
    expect(parse({ contact_datum: '  ', resultaat: ' ' })).toEqual({ ok: true, entry: null });
  });

  it('refuses a note without a contact attempt, without showing the note', () => {
    const problems = problemsOf(parse({ notitie: 'Mevrouw is ernstig ziek' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.header).toBe('notitie');
    expect(problems[0]!.line).toBe(LINE);
    expect(JSON.stringify(problems)).not.toContain('ziek');
  });

  it('refuses a note on a row with only a result (it would be lost), without showing the note', () => {
    const problems = problemsOf(parse({ resultaat: 'overleden', notitie: 'bericht van de buren' }));
    expect(problems.map((p) => [p.header, p.shownValue])).toEqual([['notitie', '(verborgen)']]);
    expect(JSON.stringify(problems)).not.toContain('buren');
  });

  it('reads a contact attempt with a note', () => {
    expect(parse({ ...CONTACT, bereikt: 'Ja', notitie: ' belt terug ' })).toEqual({
      ok: true,
      entry: {
        ref: '2022-03-017',
        contact: { soort: 'Telefoon', bereikt: true, datum: '2022-03-10', dagdeel: null, tijd: null, notitie: 'belt terug' },
        result: null,
      },
    });
  });

  it.each([
    ['contact_datum', { contact_soort: 'telefoon', bereikt: 'ja' }],
    ['contact_soort', { contact_datum: '2022-03-10', bereikt: 'ja' }],
    ['bereikt', { contact_datum: '2022-03-10', contact_soort: 'telefoon' }],
  ] as const)('needs all three contact cells: a missing %s is a problem in that column', (missing, cells) => {
    const problems = problemsOf(parse({ ...cells, notitie: 'geheime notitie' }));
    expect(problems.map((p) => p.header)).toEqual([missing]);
    expect(problems[0]!.shownValue).toBe('(leeg)');
    expect(JSON.stringify(problems)).not.toContain('geheime');
  });

  it('reads a Dutch date and the spellings Excel users type', () => {
    const result = parse({ contact_datum: '9-3-2022', contact_soort: 'Whatsapp', bereikt: 'n' });
    expect(result.ok && result.entry?.contact).toEqual({
      soort: 'SMS/Whatsapp',
      bereikt: false,
      datum: '2022-03-09',
      dagdeel: null,
      tijd: null,
      notitie: null,
    });
  });

  it.each([
    ['2022-03-10 09:05', 'Ochtend'],
    ['2022-03-10 11:59', 'Ochtend'],
    ['10-03-2022 12:00', 'Middag'],
    ['2022-03-10 17:59:59', 'Middag'],
    ['2022-03-10 18:00', 'Avond'],
    ['10-03-2022 21:30', 'Avond'],
    ['10-03-2022 14.30', 'Middag'],
  ])('takes the part of day from a time in contact_datum: %s is %s', (datum, dagdeel) => {
    const result = parse({ ...CONTACT, contact_datum: datum });
    expect(result).toMatchObject({ ok: true, entry: { contact: { datum: '2022-03-10', dagdeel } } });
  });

  it('refuses an impossible time of day', () => {
    const problems = problemsOf(parse({ ...CONTACT, contact_datum: '2022-03-10 25:10' }));
    expect(problems.map((p) => p.header)).toContain('contact_datum');
  });

  it('refuses a contact date after today, and accepts today', () => {
    const problems = problemsOf(parse({ ...CONTACT, contact_datum: '2022-03-16' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.header).toBe('contact_datum');
    expect(problems[0]!.expected).toContain(TODAY);
    expect(parse({ ...CONTACT, contact_datum: TODAY }).ok).toBe(true);
  });

  it('refuses a bad contact kind, listing the codes', () => {
    const problems = problemsOf(parse({ ...CONTACT, contact_soort: 'postduif' }));
    expect(problems[0]!.header).toBe('contact_soort');
    for (const code of ['telefoon', 'huisbezoek', 'brief', 'kaartje', 'mail', 'sms', 'afspraak']) {
      expect(problems[0]!.expected).toContain(code);
    }
  });

  it('refuses a bereikt cell that is not yes or no', () => {
    const problems = problemsOf(parse({ ...CONTACT, bereikt: 'misschien' }));
    expect(problems.map((p) => [p.header, p.shownValue])).toEqual([['bereikt', 'misschien']]);
  });

  it('reads a result alone, by code or national text, leaving its date to the plan', () => {
    expect(parse({ resultaat: 'ZELF-BETAALD' })).toEqual({
      ok: true,
      entry: {
        ref: '2022-03-017',
        contact: null,
        result: { resultaat: 'Inwoner heeft zelf al betaald/betalingsregeling getroffen', referredTo: null, closedOn: null },
      },
    });
    const byText = parse({ resultaat: 'Vervolghulp en/of verwijzing financieel' });
    expect(byText.ok && byText.entry?.result?.resultaat).toBe('Vervolghulp en/of verwijzing financieel');
  });

  it('dates a result on the same row as its contact attempt on the contact date', () => {
    const result = parse({ ...CONTACT, bereikt: 'ja', resultaat: 'advies' });
    expect(result.ok && result.entry?.result).toEqual({
      resultaat: '(Budget)advies en/of quick fix',
      referredTo: null,
      closedOn: '2022-03-10',
    });
  });

  it('refuses an unknown result code and lists all 16 codes', () => {
    const problems = problemsOf(parse({ resultaat: 'klaar' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.header).toBe('resultaat');
    for (const r of EINDRESULTATEN) expect(problems[0]!.expected).toContain(r.code);
  });

  it('refuses a changed or missing reference on a filled-in row', () => {
    for (const melding of ['', '17', '2022-03', 'melding 2022-03-017', '2022-03-000']) {
      const problems = problemsOf(parse({ melding, resultaat: 'advies' }));
      expect(problems.map((p) => p.shownValue)).toEqual(['geen meldingnummer']);
    }
  });

  it('reports every problem of a row, each under the header as the file writes it', () => {
    const headers = ['Melding', 'Contact datum', 'Contact soort', 'Bereikt', 'Resultaat', 'Notitie'];
    const map = mapOutcomeHeaders(headers);
    const result = parseOutcomeRow(['2022-03-017', '31-02-2022', 'fax', 'ja', 'weg', 'x'], 12, map, TODAY);
    const problems = problemsOf(result);
    expect(problems.map((p) => p.header)).toEqual(['Contact datum', 'Contact soort', 'Resultaat']);
    expect(problems.every((p) => p.line === 12)).toBe(true);
  });

  it('ignores every column that is not a fill-in column', () => {
    const a = parse({ ...CONTACT, naam: 'Iemand Anders', totaal: '=1+1', reden: '' });
    const b = parse({ ...CONTACT });
    expect(a).toEqual(b);
  });
});

describe('what a problem shows of a free-text cell', () => {
  it('hides a result cell that holds a sentence with a phone number, and shows a short wrong code', () => {
    const sentence = problemsOf(parse({ resultaat: 'gesproken met mevr. Jansen 06-12345678' }));
    expect(sentence[0]).toMatchObject({ header: 'resultaat', shownValue: '(verborgen)' });
    const typo = problemsOf(parse({ resultaat: 'advis' }));
    expect(typo[0]).toMatchObject({ header: 'resultaat', shownValue: 'advis' });
  });

  it('never shows what was typed in the melding column: it may be a name', () => {
    const problems = problemsOf(parse({ melding: 'Jansen, P.', ...CONTACT }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ header: '', shownValue: 'geen meldingnummer' });
    expect(JSON.stringify(problems)).not.toContain('Jansen');
  });

  it('keeps the clock time of an attempt beside its part of day', () => {
    const result = parse({ ...CONTACT, contact_datum: '10-03-2022 9.05' });
    expect(result.ok && result.entry?.contact).toMatchObject({ tijd: '09:05', dagdeel: 'Ochtend' });
  });

  it('reads a date without a year in the list month of the melding on the row', () => {
    const december = parse({ ...CONTACT, melding: '2022-12-004', contact_datum: '5-jan' }, '2023-06-30');
    expect(december.ok && december.entry?.contact?.datum).toBe('2023-01-05');
    const march = parse({ ...CONTACT, contact_datum: '15 maart' });
    expect(march.ok && march.entry?.contact?.datum).toBe('2022-03-15');
  });

  it('reads a card left behind from the column kaartje, and refuses one without an attempt', () => {
    const map = mapOutcomeHeaders(['melding', 'contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie', 'kaartje']);
    const withCard = parseOutcomeRow(['2022-03-017', '10-03-2022', 'huisbezoek', 'nee', '', '', 'ja'], 2, map, TODAY);
    expect(withCard.ok && withCard.entry?.card).toBe(true);
    const without = parseOutcomeRow(['2022-03-017', '10-03-2022', 'huisbezoek', 'nee', '', '', 'nee'], 2, map, TODAY);
    expect(without.ok && without.entry?.card).toBeUndefined();
    const alone = parseOutcomeRow(['2022-03-017', '', '', '', 'advies', '', 'ja'], 2, map, TODAY);
    expect(problemsOf(alone).map((p) => p.header)).toEqual(['kaartje']);
  });
});
