import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { detectDelimiter, parseDelimiterOption } from '../../src/csv/delimiter.js';

describe('detectDelimiter', () => {
  it.each([
    ['Naam;Adres;Postcode;Bedrag', ';'],
    ['Naam,Adres,Postcode,Bedrag', ','],
    ['Naam\tAdres\tPostcode\tBedrag', '\t'],
    // Dutch Excel quotes a header with a ';' in it; the commas in other headers still lose.
    ['"Naam, voorletters";"Adres, huisnummer";Plaats', ';'],
    // Delimiters inside quotes do not count: 2 commas outside quotes against 4 semicolons inside.
    ['"Naam; voorletters; tussenvoegsel","Adres; nummer; toevoeging",Plaats', ','],
    ['"zei ""a;b;c""",x,y', ','],
  ] as const)('detects the delimiter of %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });

  it('breaks ties in the order ";", tab, ","', () => {
    expect(detectDelimiter('a;b,c')).toBe(';');
    expect(detectDelimiter('a,b;c')).toBe(';');
    expect(detectDelimiter('a\tb,c')).toBe('\t');
    expect(detectDelimiter('a;b\tc')).toBe(';');
  });

  it('falls back to ";" for a header with a single column', () => {
    expect(detectDelimiter('Signaal')).toBe(';');
    expect(detectDelimiter('')).toBe(';');
  });
});

describe('parseDelimiterOption', () => {
  it.each([
    [';', ';'],
    ['puntkomma', ';'],
    ['Puntkomma', ';'],
    [',', ','],
    ['komma', ','],
    ['tab', '\t'],
    ['TAB', '\t'],
    ['\\t', '\t'],
    ['\t', '\t'],
  ] as const)('accepts %j', (text, expected) => {
    expect(parseDelimiterOption(text)).toBe(expected);
  });

  it.each(['|', 'semicolon', ';;', ''])('refuses %j with a usage error listing the choices', (text) => {
    expect(() => parseDelimiterOption(text)).toThrow(UsageError);
    try {
      parseDelimiterOption(text);
    } catch (error) {
      expect((error as UsageError).message).toContain('scheidingsteken');
      expect((error as UsageError).hint).toMatch(/puntkomma.*komma.*tab/);
    }
  });
});
