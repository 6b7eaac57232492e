import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type CsvDialect,
  DUTCH_EXCEL,
  encodeUtf16le,
  encodeWindows1252,
  formatAmount,
  formatCsv,
  formatDate,
  quoteField,
  SNAKE_CASE_HEADERS,
} from '../../src/synthetic/dialect.js';
import { generateMonthlyLists, TOWN } from '../../src/synthetic/lists.js';
import type { SignalRow } from '../../src/synthetic/row.js';

/**
 * Node 20.18.3+ decodes windows-1252 through a Latin-1 fast path in one-shot decode() calls, which
 * turns 0x80 into U+0080 instead of € (nodejs/node#60888). Stream mode goes through ICU and is right.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

describe('formatting values', () => {
  it('writes amounts plain or as Excel currency', () => {
    expect(formatAmount(123_456, ',')).toBe('1234,56');
    expect(formatAmount(5, ',')).toBe('0,05');
    expect(formatAmount(123_456, '.')).toBe('1234.56');
    expect(formatAmount(123_456, ',', 'euro')).toBe('€ 1.234,56');
    expect(formatAmount(99, ',', 'euro')).toBe('€ 0,99');
    expect(formatAmount(123_456_789, '.', 'euro')).toBe('€ 1,234,567.89');
    expect(() => formatAmount(1.5, ',')).toThrow(RangeError);
  });

  it('writes dates in every supported format', () => {
    expect(formatDate('2022-03-05', 'DD-MM-JJJJ')).toBe('05-03-2022');
    expect(formatDate('2022-03-05', 'JJJJ-MM-DD')).toBe('2022-03-05');
    expect(formatDate('2022-03-05', 'D-M-JJJJ')).toBe('5-3-2022');
    expect(formatDate('2022-11-25', 'D-M-JJJJ')).toBe('25-11-2022');
    expect(formatDate('2022-03-05', 'DD/MM/JJJJ')).toBe('05/03/2022');
    expect(() => formatDate('5-3-2022', 'DD-MM-JJJJ')).toThrow(RangeError);
  });

  it('quotes only fields that need it, doubling quotes', () => {
    expect(quoteField('gewoon', ';')).toBe('gewoon');
    expect(quoteField('a,b', ';')).toBe('a,b');
    expect(quoteField('a,b', ',')).toBe('"a,b"');
    expect(quoteField('a;b', ';')).toBe('"a;b"');
    expect(quoteField('a\tb', '\t')).toBe('"a\tb"');
    expect(quoteField('Woonvereniging "Het Anker"', ';')).toBe('"Woonvereniging ""Het Anker"""');
    expect(quoteField('regel\nregel', ';')).toBe('"regel\nregel"');
  });
});

describe('formatCsv', () => {
  const rows = generateMonthlyLists({ seed: 21, startMonth: '2022-01', months: 12, ...TOWN }).flatMap((l) => l.rows);

  it('writes the Dutch Excel dialect: BOM, semicolons, CRLF, the municipal headers', () => {
    const text = formatCsv(rows.slice(0, 3), DUTCH_EXCEL);
    expect(text.startsWith('\uFEFFKenmerk;Signaaldatum;Datum ontstaan;Type signaalpartner;Schuldeiser;Bedrag achterstand;BSN;Voorletters;Voorvoegsel;Achternaam;Geboortedatum;Geslacht;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;E-mail;Crisissignaal;Warme overdracht\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5); // header, three rows, and the empty rest after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  // A real CSV parser must get every value back, whatever the delimiter: proves the quoting.
  const dialects: [string, CsvDialect][] = [
    ['semicolon', DUTCH_EXCEL],
    ['comma with decimal comma', { ...DUTCH_EXCEL, delimiter: ',', bom: false }],
    ['comma, snake_case', { ...DUTCH_EXCEL, delimiter: ',', decimal: '.', headers: SNAKE_CASE_HEADERS, lineEnding: '\n' }],
    ['tab with euro amounts', { ...DUTCH_EXCEL, delimiter: '\t', amountStyle: 'euro' }],
  ];
  it.each(dialects)('round-trips through a CSV parser (%s)', (_name, dialect) => {
    const records: string[][] = parse(formatCsv(rows, dialect), { delimiter: dialect.delimiter, bom: true, relax_column_count: false });
    expect(records).toHaveLength(rows.length + 1);
    const at = (record: string[] | undefined, i: number): string => record?.[i] ?? '<missing>';
    records.slice(1).forEach((record, i) => {
      const row = rows[i] as SignalRow;
      expect(record).toHaveLength(21);
      expect(at(record, 0)).toBe(row.signaalId);
      expect(at(record, 4)).toBe(row.schuldeiser);
      expect(at(record, 9)).toBe(row.achternaam);
      expect(at(record, 20)).toBe(row.warmeOverdracht ? 'Ja' : 'Nee');
    });
    const creditors = new Set(records.map((r) => at(r, 4)));
    expect(creditors).toContain('Woonvereniging "Het Anker"');
    expect(creditors).toContain('Hypotheekbank Strandwal, afdeling Bijzonder Beheer');
  });
});

describe('encodings', () => {
  it('encodes € é ë ö as Windows-1252 bytes, and TextDecoder reads them back', () => {
    const bytes = encodeWindows1252('€é ëö');
    expect([...bytes]).toEqual([0x80, 0xe9, 0x20, 0xeb, 0xf6]);
    expect(decodeWindows1252(bytes)).toBe('€é ëö');
  });

  it('round-trips every character Windows-1252 can hold', () => {
    let text = '\t\r\n';
    for (let code = 0x20; code < 0x7f; code++) text += String.fromCharCode(code);
    for (let code = 0xa0; code <= 0xff; code++) text += String.fromCharCode(code);
    text += '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const bytes = encodeWindows1252(text);
    expect(bytes).toHaveLength(text.length);
    expect(decodeWindows1252(bytes)).toBe(text);
    expect(encodeWindows1252('’')[0]).toBe(0x92);
    expect(encodeWindows1252('Ÿ')[0]).toBe(0x9f);
  });

  it('refuses characters outside the code page instead of writing "?"', () => {
    expect(() => encodeWindows1252('Şahin')).toThrow(/U\+015E/);
    expect(() => encodeWindows1252('\u0081')).toThrow(RangeError);
    expect(() => encodeWindows1252('😀')).toThrow(RangeError);
    expect(() => encodeWindows1252('\uFEFF')).toThrow(RangeError);
  });

  it('writes UTF-16LE with the BOM taken from the text', () => {
    expect([...encodeUtf16le('\uFEFFa€')]).toEqual([0xff, 0xfe, 0x61, 0x00, 0xac, 0x20]);
  });
});
