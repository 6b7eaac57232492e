// The date of an attempt as Dutch Excel writes it, with the year taken from the list month.

import { describe, expect, it } from 'vitest';
import { parseContactDate } from '../../../src/core/fields/contact-date.js';

describe('parseContactDate', () => {
  it.each([
    ['15-03-2022', '2022-03-15'],
    ['2022-03-15', '2022-03-15'],
    ['15-mrt', '2022-03-15'],
    ['15-MRT', '2022-03-15'],
    ['15 mrt.', '2022-03-15'],
    ['15-3', '2022-03-15'],
    ['15/3', '2022-03-15'],
    ['15-3-22', '2022-03-15'],
    ['15-mrt-22', '2022-03-15'],
    ['15 maart 2022', '2022-03-15'],
    ['1 april', '2022-04-01'],
    ['30-sept', '2022-09-30'],
  ])('reads %s on a melding of 2022-03 as %s', (text, iso) => {
    expect(parseContactDate(text, '2022-03')).toEqual({ ok: true, value: iso });
  });

  it('takes the next year for a date without a year that would fall before the list month', () => {
    expect(parseContactDate('5-1', '2022-12')).toEqual({ ok: true, value: '2023-01-05' });
    expect(parseContactDate('20-dec', '2022-12')).toEqual({ ok: true, value: '2022-12-20' });
    expect(parseContactDate('28-2', '2022-03')).toEqual({ ok: true, value: '2023-02-28' });
  });

  it('refuses a date without a year when the melding is unknown', () => {
    expect(parseContactDate('15-3', null).ok).toBe(false);
    expect(parseContactDate('15-3-2022', null)).toEqual({ ok: true, value: '2022-03-15' });
  });

  it.each(['31-4', '29-feb-23', '17-foo', '17-13', 'mrt 17', '17', ''])('refuses %s without showing it', (text) => {
    const parsed = parseContactDate(text, '2022-03');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok && text !== '') expect(parsed.expected).not.toContain(text);
  });

  it('keeps the hint of the full parser for an Excel serial number', () => {
    const parsed = parseContactDate('44635', '2022-03');
    expect(parsed.ok === false && parsed.hint).toContain('getal');
  });
});
