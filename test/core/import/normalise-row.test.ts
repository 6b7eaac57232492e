import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../src/core/import/headers.js';
import { normaliseRow } from '../../../src/core/import/normalise-row.js';

const HEADERS = [
  'Kenmerk', 'Signaaldatum', 'Datum ontstaan', 'Type signaalpartner', 'Schuldeiser', 'Bedrag achterstand',
  'BSN', 'Achternaam', 'Geboortedatum', 'Huisnummer', 'Toevoeging', 'Postcode', 'Telefoon', 'Crisissignaal',
];
const MAP = mapHeaders(HEADERS);
const CONTEXT = { today: '2022-06-30' };
// 999999990 passes the 11-test and lies in the range reserved for test numbers.
const GOOD = ['VS-1', '15-03-2022', '01-01-2022', 'woningcorporatie', 'Woonstichting Duin', '€ 1.234,56', '999999990', 'Jansen', '1-2-1980', '12', ' a ', '2101 ab', '06-12345678', 'nee'];

function row(changes: Record<string, string>): string[] {
  return HEADERS.map((h, i) => changes[h] ?? GOOD[i]!);
}

describe('normaliseRow', () => {
  it('reads a Dutch Excel row into a normalised signal', () => {
    const result = normaliseRow(GOOD, 5, MAP, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signal).toMatchObject({
      signaalId: 'VS-1',
      signaaldatum: '2022-03-15',
      ontstaansdatum: '2022-01-01',
      signaalpartner: 'Huur',
      schuldeiser: 'Woonstichting Duin',
      bedragCents: 123456,
      crisissignaal: false,
      warmeOverdracht: false,
      address: { postcode: '2101AB', huisnummer: '12', toevoeging: 'A' },
    });
    expect(result.signal.person).toMatchObject({ bsn: '999999990', achternaam: 'Jansen', geboortedatum: '1980-02-01', voorletters: null });
  });

  it('collects every problem of a row, naming the header as the file writes it', () => {
    const result = normaliseRow(row({ 'Bedrag achterstand': '-5', Postcode: '0123 AB', 'Type signaalpartner': 'kapper' }), 7, MAP, CONTEXT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.header])).toEqual([
      [7, 'Type signaalpartner'],
      [7, 'Bedrag achterstand'],
      [7, 'Postcode'],
    ]);
  });

  it('never shows a personal value in a problem: the BSN is masked, an address hidden', () => {
    const result = normaliseRow(row({ BSN: '123456789', Postcode: '12345', Huisnummer: '12b' }), 3, MAP, CONTEXT);
    if (result.ok) throw new Error('expected problems');
    const shown = result.problems.map((p) => p.shownValue);
    expect(shown).toContain('******789');
    expect(shown.join(' ')).not.toContain('123456789');
    expect(shown.join(' ')).not.toContain('12345');
    expect(shown.join(' ')).not.toContain('12b');
  });

  it('refuses a signal dated after today and an origin after the signal', () => {
    const future = normaliseRow(row({ Signaaldatum: '01-07-2022' }), 2, MAP, CONTEXT);
    const reversed = normaliseRow(row({ 'Datum ontstaan': '16-03-2022' }), 2, MAP, CONTEXT);
    expect(future.ok || future.problems[0]!.header).toBe('Signaaldatum');
    expect(reversed.ok || reversed.problems[0]!.header).toBe('Datum ontstaan');
  });

  it('asks for a value in an empty required cell', () => {
    const result = normaliseRow(row({ Huisnummer: ' ' }), 4, MAP, CONTEXT);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems[0]).toMatchObject({ header: 'Huisnummer', shownValue: '(leeg)' });
  });

  it('refuses a row with more filled cells than the header, but not trailing empty ones', () => {
    expect(normaliseRow([...GOOD, '', ''], 2, MAP, CONTEXT).ok).toBe(true);
    const result = normaliseRow([...GOOD, 'extra'], 2, MAP, CONTEXT);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems[0]!.header).toBe('');
    expect(result.problems[0]!.hint).toContain('scheidingsteken');
  });
});
