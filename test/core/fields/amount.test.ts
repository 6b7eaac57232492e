import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_AMOUNT_CENTS, formatCents, parseAmountCents } from '../../../src/core/fields/amount.js';

function cents(text: string): number {
  const parsed = parseAmountCents(text);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${parsed.expected}`);
  return parsed.value;
}

function failure(text: string): { expected: string; hint?: string } {
  const parsed = parseAmountCents(text);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${parsed.value}`);
  return parsed;
}

// Independent oracles: the platform's own Dutch and English currency formatting.
const nlCurrency = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const enCurrency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' });
const nlGrouped = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('parseAmountCents', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['€ 1.234,56', 123456],
    ['€1.234,56', 123456],
    ['€1234', 123400],
    ['EUR 1234,56', 123456],
    ['eur 1234,56', 123456],
    ['EURO 1234,56', 123456],
    ['1234,56 EUR', 123456],
    ['1234,56 euro', 123456],
    ['1234,56 €', 123456],
    ['1234', 123400],
    ['12,5', 1250],
    ['12.5', 1250],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1 000 000,00', 100000000],
    ['1,234.56', 123456],
    ['987,654.32', 98765432],
    ['1,000,000.00', 100000000],
    ['1.000.000,00', 100000000],
    ['1,000,000', 100000000],
    ['1.000.000', 100000000],
    ['999.999,99', 99999999],
    ['12.500', 1250000],
    ['1.234', 123400],
    ['12,-', 1200],
    ['€ 1.234,-', 123400],
    ['0', 0],
    ['0,00', 0],
    ['0,05', 5],
    ['0.5', 50],
    ['007', 700],
    ['  € 12,34  ', 1234],
    ['-0,00', 0],
  ])('reads %j as %i cents', (text, expected) => {
    expect(cents(text)).toBe(expected);
  });

  it('accepts exactly one million euros and refuses one cent more', () => {
    expect(cents('1.000.000,00')).toBe(MAX_AMOUNT_CENTS);
    expect(MAX_AMOUNT_CENTS).toBe(100_000_000);
    const tooHigh = failure('1.000.000,01');
    expect(tooHigh.hint).toMatch(/onwaarschijnlijk hoog bedrag/i);
    expect(tooHigh.expected).toContain('1.000.000,00');
    expect(failure('12345678901234567890').hint).toMatch(/onwaarschijnlijk hoog/i);
  });

  it.each(['-12,50', '- 12,50', '-€ 12,50', '€ -12,50', '€ - 12,50', '12,50-', '\u221212,50', '-1'])(
    'refuses the negative amount %j with the negative-amount message',
    (text) => {
      const f = failure(text);
      expect(f.expected).toMatch(/negatie/);
      expect(f.hint).toMatch(/nooit negatief/);
    },
  );

  it.each(['12,345', '0,001', '1.234,567', '1,234.567', '12,50000'])(
    'refuses %j: more than two decimals',
    (text) => {
      expect(failure(text).hint).toMatch(/twee cijfers achter de komma/);
    },
  );

  it.each([
    '1.23.456', // groups of two
    '12.34.567,00',
    '1,2345,678',
    '1 23,45',
    '1234 567,00', // first group longer than three digits
    '1.234.56', // two dots, last group short: neither grouping nor a decimal
    '1.234,56.78',
    '1,234.56,78',
    '0.500', // "zero thousand five hundred" is no way to write an amount
    '1234.567', // a thousands dot after four digits
    '1..234',
  ])('refuses the badly grouped %j', (text) => {
    const f = failure(text);
    expect(f.expected).toMatch(/bedrag/);
  });

  it.each(['abc', '€', 'EUR', '12a', '12,', '12.', ',50', '.50', '1e5', '12,50 USD', '$12', '+12', '12 %', '€ € 12', '--12', '12--'])(
    'refuses %j as not an amount',
    (text) => {
      const f = failure(text);
      expect(f.expected).toContain('1234,56');
    },
  );

  it('reads every cent value in every common spelling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (c) => {
        const euros = Math.floor(c / 100);
        const rest = String(c % 100).padStart(2, '0');
        const value = c / 100;
        expect(cents(nlCurrency.format(value))).toBe(c); // € 1.234,56 with a no-break space
        expect(cents(enCurrency.format(value))).toBe(c); // €1,234.56
        expect(cents(nlGrouped.format(value))).toBe(c); // 1.234,56
        expect(cents(`${euros},${rest}`)).toBe(c);
        expect(cents(`${euros}.${rest}`)).toBe(c);
        expect(cents(`EUR ${euros},${rest}`)).toBe(c);
        expect(cents(nlGrouped.format(value).replaceAll('.', ' '))).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads whole euros written without cents, grouped or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS / 100 }), (euros) => {
        expect(cents(String(euros))).toBe(euros * 100);
        expect(cents(euros.toLocaleString('nl-NL'))).toBe(euros * 100);
        expect(cents(`${euros},-`)).toBe(euros * 100);
      }),
    );
  });

  it('refuses every positive amount once it carries a minus sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }), (c) => {
        const f = failure('-' + formatCents(c).slice(2));
        expect(f.hint).toMatch(/nooit negatief/);
      }),
    );
  });

  it('refuses three or more decimals whatever the digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.stringMatching(/^\d{3,6}$/), (euros, decimals) => {
        expect(parseAmountCents(`${euros},${decimals}`).ok).toBe(false);
      }),
    );
  });
});

describe('formatCents', () => {
  it.each([
    [0, '€ 0,00'],
    [5, '€ 0,05'],
    [50, '€ 0,50'],
    [100, '€ 1,00'],
    [123456, '€ 1.234,56'],
    [100000, '€ 1.000,00'],
    [99999, '€ 999,99'],
    [MAX_AMOUNT_CENTS, '€ 1.000.000,00'],
    [123456789012, '€ 1.234.567.890,12'],
    [-1250, '€ -12,50'],
  ])('formats %i cents as %j', (c, text) => {
    expect(formatCents(c)).toBe(text);
  });

  it('matches the platform’s Dutch currency format (apart from the no-break space)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (c) => {
        expect(formatCents(c)).toBe(nlCurrency.format(c / 100).replace('\u00a0', ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through parseAmountCents for every amount up to the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (c) => {
        expect(parseAmountCents(formatCents(c))).toEqual({ ok: true, value: c });
      }),
      { numRuns: 5000 },
    );
  });

  it('throws on a fraction of a cent: that is a bug in the caller, not bad data', () => {
    expect(() => formatCents(12.5)).toThrow(RangeError);
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
  });
});
