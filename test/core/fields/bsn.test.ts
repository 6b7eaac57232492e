import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidBsn, maskBsn, parseBsn } from '../../../src/core/fields/bsn.js';

// Synthetic numbers only: they start with 9999 (or 09999 for the dropped-leading-zero case) and
// are built to pass the elfproef.
const VALID = '999909782'; // 81+72+63+54+0+36+21+16-2 = 341 = 31 * 11
const VALID_LEADING_ZERO = '099990003'; // 0+72+63+54+45+0+0+0-3 = 231 = 21 * 11

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** Nine-digit strings 9999xxxxx that pass the elfproef: the check digit completes the sum. */
const validBsn = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
  .map((rest) => {
    const first8 = [9, 9, 9, 9, ...rest];
    const partial = first8.reduce((sum, d, i) => sum + d * (WEIGHTS[i] ?? 0), 0);
    return { first8, check: partial % 11 };
  })
  .filter(({ check }) => check <= 9)
  .map(({ first8, check }) => [...first8, check].join(''));

describe('isValidBsn', () => {
  it('accepts the synthetic examples', () => {
    expect(isValidBsn(VALID)).toBe(true);
    expect(isValidBsn(VALID_LEADING_ZERO)).toBe(true);
  });

  it('refuses 000000000, which passes the arithmetic but is no BSN', () => {
    expect(isValidBsn('000000000')).toBe(false);
  });

  it.each(['99990978', '9999097820', '99990978a', ' 99990978', '', '99990978٢'])(
    'refuses %j: not exactly nine ASCII digits',
    (text) => {
      expect(isValidBsn(text)).toBe(false);
    },
  );

  it('accepts every generated valid number, with exactly one possible check digit', () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(isValidBsn(bsn)).toBe(true);
        const stem = bsn.slice(0, 8);
        const passing = '0123456789'.split('').filter((d) => isValidBsn(stem + d));
        expect(passing).toEqual([bsn[8]]);
      }),
    );
  });

  it('refuses every single-digit change of a valid number', () => {
    // Always true: a change of delta (1..9) at weight w (2..9 or -1) changes the sum by w*delta,
    // and neither factor is a multiple of the prime 11.
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        const digit = (Number(bsn[position]) + delta) % 10;
        const changed = bsn.slice(0, position) + String(digit) + bsn.slice(position + 1);
        expect(changed).not.toBe(bsn);
        expect(isValidBsn(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every swap of two different adjacent digits of a valid number', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 7 }), (bsn, position) => {
        const a = bsn[position];
        const b = bsn[position + 1];
        fc.pre(a !== b);
        const swapped = bsn.slice(0, position) + b + a + bsn.slice(position + 2);
        expect(isValidBsn(swapped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseBsn', () => {
  it.each([
    [VALID, VALID],
    ['999 909 782', VALID],
    ['9999.09.782', VALID],
    ['  999909782  ', VALID],
    ['999\u00a0909\u00a0782', VALID],
    // Excel read the column as a number and dropped the leading zero.
    ['99990003', VALID_LEADING_ZERO],
    ['9999 0003', VALID_LEADING_ZERO],
    [VALID_LEADING_ZERO, VALID_LEADING_ZERO],
  ])('reads %j as %s', (text, expected) => {
    expect(parseBsn(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses a number that fails the elfproef, pointing at typos', () => {
    const parsed = parseBsn('999909783');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.expected).toMatch(/elfproef/);
      expect(parsed.hint).toMatch(/tikfout/);
    }
    expect(parseBsn('000000000').ok).toBe(false);
    expect(parseBsn('00000000').ok).toBe(false);
  });

  it.each([
    ['1234567', /te kort/],
    ['12', /te kort/],
    ['1234567890', /te lang/],
    ['9,99909E+08', /tekst/],
    ['9.99909e8', /tekst/],
    ['abc', /alleen uit cijfers/],
    ['999-909-782', /alleen uit cijfers/],
    ['BSN 999909782', /alleen uit cijfers/],
  ])('refuses %j with a fitting hint', (text, hint) => {
    const parsed = parseBsn(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.expected).toMatch(/BSN/);
      expect(parsed.hint).toMatch(hint);
    }
  });

  it('accepts every valid number however it is spaced or dotted', () => {
    fc.assert(
      fc.property(validBsn, fc.array(fc.constantFrom(' ', '.'), { minLength: 9, maxLength: 9 }), (bsn, seps) => {
        const decorated = bsn
          .split('')
          .map((d, i) => (i % 3 === 2 && i < 8 ? d + (seps[i] ?? '') : d))
          .join('');
        expect(parseBsn(decorated)).toEqual({ ok: true, value: bsn });
      }),
    );
  });
});

describe('maskBsn', () => {
  it.each([
    [VALID, '******782'],
    ['12345', '**345'],
    ['1234', '*234'],
    ['123', '***'],
    ['1', '*'],
    ['', ''],
    ['9999097821234', '**********234'],
  ])('masks %j as %j', (text, expected) => {
    expect(maskBsn(text)).toBe(expected);
  });

  it('never shows more than the last three characters and never a whole value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const masked = maskBsn(text);
        expect(masked.length).toBe(text.length);
        const shown = masked.replace(/^\*+/, '');
        expect(shown.length).toBeLessThanOrEqual(3);
        if (text.length > 0) expect(shown.length).toBeLessThan(text.length);
        expect(text.endsWith(shown)).toBe(true);
      }),
    );
  });
});
