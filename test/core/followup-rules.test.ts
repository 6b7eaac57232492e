// The rules that keep follow-up from contradicting itself: only a picked-up melding takes attempts
// and results, an attempt lies in or after its list month and not after today, and a result agrees
// with its referral and with the attempts.

import { describe, expect, it } from 'vitest';
import { EINDRESULTATEN, type Eindresultaat } from '../../src/core/followup.js';
import { attemptDateProblem, isPickedUp, resultConflict } from '../../src/core/followup-rules.js';

describe('isPickedUp', () => {
  it.each([
    ['altijd', null, true],
    ['capaciteit', '(Budget)advies en/of quick fix', true],
    ['capaciteit', 'Niet opgepakt: onterecht signaal', false],
    ['uitgesteld', null, false],
    ['uitgesteld', 'Niet opgepakt: andere reden', false],
    ['niet-opgepakt', 'Niet opgepakt: herhaalde melding', false],
    [null, null, false],
  ] as const)('%s with result %s: %s', (decision, resultaat, picked) => {
    expect(isPickedUp({ decision, resultaat })).toBe(picked);
  });
});

describe('attemptDateProblem', () => {
  it('accepts the first day of the list month and today', () => {
    expect(attemptDateProblem('2022-01-01', '2022-01', '2022-03-01')).toBeNull();
    expect(attemptDateProblem('2022-03-01', '2022-01', '2022-03-01')).toBeNull();
  });

  it('refuses the day before the list month, naming its first day', () => {
    expect(attemptDateProblem('2021-12-31', '2022-01', '2022-03-01')).toContain('2022-01-01');
  });

  it('refuses tomorrow', () => {
    expect(attemptDateProblem('2022-03-02', '2022-01', '2022-03-01')).toContain('na vandaag');
  });
});

describe('resultConflict', () => {
  const codeOf = (value: Eindresultaat): string => EINDRESULTATEN.find((r) => r.value === value)!.code;

  it('lets a referral to schuldhulpverlening go with the financial and general follow-up results only', () => {
    const fitting = EINDRESULTATEN.filter((r) => resultConflict(r.value, 'schuldhulpverlening', 1) === null).map((r) => r.code);
    expect(fitting.sort()).toEqual(['vervolghulp', 'vervolghulp-financieel', 'verwijzing-zonder-inwoner']);
    expect(resultConflict('(Budget)advies en/of quick fix', 'schuldhulpverlening', 1)?.fitting).toEqual([
      'vervolghulp-financieel',
      'vervolghulp',
      'verwijzing-zonder-inwoner',
    ]);
  });

  it('lets a referral to AMW go with the non-financial and general follow-up results only', () => {
    const fitting = EINDRESULTATEN.filter((r) => resultConflict(r.value, 'amw', 1) === null).map((r) => r.code);
    expect(fitting.sort()).toEqual(['vervolghulp', 'vervolghulp-niet-financieel', 'verwijzing-zonder-inwoner']);
  });

  it('refuses bekend-shv with a referral to schuldhulpverlening, by name', () => {
    expect(resultConflict('Inwoner al bekend bij schuldhulpverlening', 'schuldhulpverlening', 1)?.problem).toContain('bekend-shv');
    expect(resultConflict('Inwoner al bekend bij schuldhulpverlening', null, 1)).toBeNull();
  });

  it('refuses a Niet opgepakt result once an attempt was made, and allows it before', () => {
    for (const value of ['Niet opgepakt: andere reden', 'Niet opgepakt: herhaalde melding', 'Niet opgepakt: onterecht signaal'] as const) {
      const conflict = resultConflict(value, null, 1);
      expect(conflict?.problem).toContain(codeOf(value));
      expect(conflict?.fitting).not.toContain(codeOf(value));
      expect(resultConflict(value, null, 0)).toBeNull();
    }
  });

  it('leaves every result free without a referral that constrains it', () => {
    for (const r of EINDRESULTATEN.filter((r) => !r.value.startsWith('Niet opgepakt'))) {
      expect(resultConflict(r.value, null, 2)).toBeNull();
      expect(resultConflict(r.value, 'budgetcoaching', 2)).toBeNull();
    }
  });
});

describe('the result definitions', () => {
  it('give each of the 16 results its own one-line definition', () => {
    const definitions = EINDRESULTATEN.map((r) => r.description);
    expect(new Set(definitions).size).toBe(16);
    for (const d of definitions) {
      expect(d.length).toBeGreaterThan(20);
      expect(d).not.toContain('\n');
    }
  });
});
