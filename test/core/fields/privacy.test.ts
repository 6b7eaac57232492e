// Every value in a list may be personal data, and the caller prints its own masked version of a
// bad value. So no parser may echo the value in `expected` or `hint`.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Parsed } from '../../../src/core/types.js';
import { parseAmountCents } from '../../../src/core/fields/amount.js';
import { parseDate } from '../../../src/core/fields/date.js';
import { parseHuisnummer, parsePostcode } from '../../../src/core/fields/address.js';
import { parseBsn } from '../../../src/core/fields/bsn.js';
import { parseSignaalpartner } from '../../../src/core/fields/signaalpartner.js';
import { parseBoolean, parseGeslacht } from '../../../src/core/fields/flags.js';
import { parseMonthOption } from '../../../src/core/month.js';

const PARSERS: [string, (text: string) => Parsed<unknown>][] = [
  ['parseAmountCents', parseAmountCents],
  ['parseDate', parseDate],
  ['parsePostcode', parsePostcode],
  ['parseHuisnummer', parseHuisnummer],
  ['parseBsn', parseBsn],
  ['parseSignaalpartner', parseSignaalpartner],
  ['parseBoolean', parseBoolean],
  ['parseGeslacht', parseGeslacht],
  ['parseMonthOption', parseMonthOption],
];

function leaks(parsed: Parsed<unknown>, value: string): boolean {
  if (parsed.ok) return false;
  const needle = value.trim().toLowerCase();
  return parsed.expected.toLowerCase().includes(needle) || (parsed.hint ?? '').toLowerCase().includes(needle);
}

// Realistic bad values that look like personal data.
const SAMPLES = [
  '999909783',
  '99990978',
  '9,99909E+08',
  'Jansen-de Vries',
  'Dorpsstraat 12a',
  '12 bis',
  '2101 XQ 12',
  '31-02-1975',
  '1975-02-31',
  '03/31/1975',
  '31-12-1875',
  '12-03-75',
  '12,34567',
  '-1.234,56',
  '2.345.678,90',
  'j.devries@example.org',
  '06-12345678',
];

describe('error texts never contain the value', () => {
  it.each(PARSERS)('%s on realistic bad values', (_name, parse) => {
    for (const sample of SAMPLES) expect(leaks(parse(sample), sample)).toBe(false);
  });

  it.each(PARSERS)('%s on arbitrary text', (_name, parse) => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9.,:\/ -]{7,24}$/), (text) => {
        fc.pre(text.trim().length >= 7);
        expect(leaks(parse(text), text)).toBe(false);
      }),
    );
  });
});
