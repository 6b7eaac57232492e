// Reporting periods: parsing `--compare`, their months, and the heading in words.

import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  describePeriod,
  halfYearOf,
  halfYearPeriod,
  lastCompleteHalfYear,
  monthCount,
  parsePeriod,
  periodLabel,
  periodMonths,
} from '../../../src/core/report/period.js';

describe('describePeriod', () => {
  it('writes a period within one year as the half-year report does', () => {
    expect(describePeriod({ from: '2022-01', to: '2022-06' })).toBe('2022 januari t/m juni (6 maanden)');
    expect(describePeriod({ from: '2021-05', to: '2021-12' })).toBe('2021 mei t/m december (8 maanden)');
  });

  it('names both years across a year boundary', () => {
    expect(describePeriod({ from: '2021-11', to: '2022-02' })).toBe('2021 november t/m 2022 februari (4 maanden)');
    expect(describePeriod({ from: '2020-12', to: '2022-01' })).toBe('2020 december t/m 2022 januari (14 maanden)');
  });

  it('writes a single month without "t/m", in the singular', () => {
    expect(describePeriod({ from: '2022-03', to: '2022-03' })).toBe('2022 maart (1 maand)');
  });

  it('writes two months of one year', () => {
    expect(describePeriod({ from: '2022-11', to: '2022-12' })).toBe('2022 november t/m december (2 maanden)');
  });
});

describe('periodMonths, monthCount and periodLabel', () => {
  it('lists every month, both ends included, across a year boundary', () => {
    const period = { from: '2021-11', to: '2022-02' };
    expect(periodMonths(period)).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthCount(period)).toBe(4);
    expect(periodLabel(period)).toBe('2021-11 t/m 2022-02');
  });

  it('counts a single month as one', () => {
    expect(periodMonths({ from: '2022-06', to: '2022-06' })).toEqual(['2022-06']);
    expect(monthCount({ from: '2022-06', to: '2022-06' })).toBe(1);
  });
});

describe('parsePeriod', () => {
  it('reads FROM:TO', () => {
    expect(parsePeriod('2021-05:2021-12')).toEqual({ ok: true, value: { from: '2021-05', to: '2021-12' } });
    expect(parsePeriod('2021-11:2022-02')).toEqual({ ok: true, value: { from: '2021-11', to: '2022-02' } });
    expect(parsePeriod('2022-03:2022-03')).toEqual({ ok: true, value: { from: '2022-03', to: '2022-03' } });
  });

  it.each(['', '2021-05', '2021-05:', ':2021-12', '2021-05:2021-12:2022-01', '2021-05-2021-12', '2021-13:2022-01', '05-2021:12-2021', 'mei:december'])(
    'refuses %j with the expected form',
    (text) => {
      const parsed = parsePeriod(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.expected).toContain('JJJJ-MM:JJJJ-MM');
    },
  );

  it('refuses a start after the end, and says to swap them', () => {
    const parsed = parsePeriod('2022-06:2022-01');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.expected).toContain('niet na het einde');
      expect(parsed.hint).toContain('Verwissel');
    }
    expect(checkPeriod({ from: '2022-01', to: '2021-12' }).ok).toBe(false);
    expect(checkPeriod({ from: '2021-12', to: '2022-01' }).ok).toBe(true);
  });
});

describe('half years', () => {
  it('names the half year a month falls in', () => {
    expect(halfYearOf('2022-01')).toBe('2022-1');
    expect(halfYearOf('2022-06')).toBe('2022-1');
    expect(halfYearOf('2022-07')).toBe('2022-2');
    expect(halfYearOf('2022-12')).toBe('2022-2');
  });

  it('gives the months of a named half year, and nothing for another text', () => {
    expect(halfYearPeriod('2022-1')).toEqual({ from: '2022-01', to: '2022-06' });
    expect(halfYearPeriod('2021-2')).toEqual({ from: '2021-07', to: '2021-12' });
    for (const text of ['2022-3', '2022', '22-1', '2022-1 ', '']) expect(halfYearPeriod(text)).toBeNull();
  });

  it.each([
    ['2022-01', '2021-07', '2021-12'],
    ['2022-06', '2021-07', '2021-12'],
    ['2022-07', '2022-01', '2022-06'],
    ['2022-12', '2022-01', '2022-06'],
  ] as const)('the last complete half year in %s is %s to %s', (current, from, to) => {
    expect(lastCompleteHalfYear(current)).toEqual({ from, to });
  });
});
