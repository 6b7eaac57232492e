import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normaliseToevoeging, parseHuisnummer, parsePostcode, parseToevoeging } from '../../../src/core/fields/address.js';

describe('parsePostcode', () => {
  it.each([
    ['2101 ab', '2101AB'],
    ['2101AB', '2101AB'],
    ['2101ab', '2101AB'],
    ['2101 Ab', '2101AB'],
    ['  2101  AB ', '2101AB'],
    ['2 1 0 1 A B', '2101AB'],
    ['2101\u00a0AB', '2101AB'],
    ['9999 ZZ', '9999ZZ'],
    ['1000 AA', '1000AA'],
  ])('reads %j as %s', (text, expected) => {
    expect(parsePostcode(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['0101 AB', '210 AB', '21011 AB', '2101 A', '2101 ABC', '2101-AB', 'AB 2101', '2101 A1', '2101 ÄB', 'abcdef', '2101 AB.'])(
    'refuses %j',
    (text) => {
      const parsed = parsePostcode(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.expected).toMatch(/postcode/);
    },
  );

  it('says the letters are missing when only the digits are there', () => {
    const parsed = parsePostcode('2101');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.hint).toMatch(/letters/);
  });

  it('normalises every valid postcode, however it is spaced and cased', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        letter,
        letter,
        fc.constantFrom('', ' ', '  '),
        (digits, a, b, space) => {
          const expected = `${digits}${a}${b}`.toUpperCase();
          expect(parsePostcode(`${digits}${space}${a}${b}`)).toEqual({ ok: true, value: expected });
        },
      ),
    );
  });
});

describe('parseHuisnummer', () => {
  it.each([
    ['1', '1'],
    ['12', '12'],
    [' 12 ', '12'],
    ['99999', '99999'],
    ['10', '10'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseHuisnummer(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['12a', '12 A', '12-2', '12 bis', '12/1', '12-II'])(
    'refuses %j with a hint to move the suffix to the toevoeging column',
    (text) => {
      const parsed = parseHuisnummer(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.hint).toMatch(/huisnummertoevoeging/);
        expect(parsed.hint).toMatch(/toevoeging\)/);
      }
    },
  );

  it.each(['0', '012', '00012', '100000', 'a12', '-12', '12.0', '1e3', 'twaalf'])('refuses %j', (text) => {
    const parsed = parseHuisnummer(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toMatch(/huisnummer/);
  });

  it('tells to drop a leading zero', () => {
    const parsed = parseHuisnummer('012');
    expect(parsed.ok || parsed.hint).toMatch(/voorloopnul/);
  });

  it('accepts exactly the whole numbers 1..99999 written plainly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 200_000 }), (n) => {
        expect(parseHuisnummer(String(n)).ok).toBe(n >= 1 && n <= 99_999);
      }),
    );
  });
});

describe('normaliseToevoeging', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['a', 'A'],
    [' a ', 'A'],
    ['-a', 'A'],
    ['- a', 'A'],
    ['- -a', 'A'],
    ['bis', 'BIS'],
    ['  hs  2 ', 'HS 2'],
    ['Rood\t\tboven', 'ROOD BOVEN'],
    ['a-1', 'A-1'], // only a leading dash is noise
    ['-', ''],
    ['II', 'II'],
  ])('normalises %j to %j', (text, expected) => {
    expect(normaliseToevoeging(text)).toBe(expected);
  });

  it('is idempotent and never leaves outer or double whitespace', () => {
    // Mostly dashes, spaces and letters, where the corner cases are, plus arbitrary text.
    const input = fc.oneof(fc.stringMatching(/^[ a-z0-9\t-]{0,12}$/), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(input, (text) => {
        const once = normaliseToevoeging(text);
        expect(normaliseToevoeging(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/);
        expect(once).not.toMatch(/^-/);
        expect(once).toBe(once.toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseToevoeging', () => {
  it.each([
    ['a', 'A'],
    ['bis', 'BIS'],
    ['-2-h', '2-H'],
    ['  zw ', 'ZW'],
    ['', ''],
  ])('accepts %j as %j (at most four characters, the national limit)', (text, expected) => {
    expect(parseToevoeging(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['achterhuis', 'bis 1', 'ZWART'])('refuses %j, longer than four characters, with a hint', (text) => {
    const parsed = parseToevoeging(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.expected).toContain('hoogstens 4 tekens');
      expect(parsed.hint).toContain('DDAS');
      expect(`${parsed.expected} ${parsed.hint}`).not.toContain(text.trim());
    }
  });
});
