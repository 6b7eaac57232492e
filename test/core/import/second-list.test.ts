import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/errors.js';
import { secondListRefusal } from '../../../src/core/import/second-list.js';

const base = { month: '2022-04' as const, monthHasList: true, newSignals: 3, aanvulling: false, replace: false };

describe('a second list for a month', () => {
  it('refuses a file that would add signals to a month that already has a list, and names both ways out', () => {
    const refusal = secondListRefusal(base);
    expect(refusal).toBeInstanceOf(DataError);
    expect(refusal!.message).toContain('3 nieuwe signalen');
    expect(refusal!.details.join('\n')).toMatch(/--aanvulling[\s\S]*--replace/);
  });

  it('lets the file through when it says what it is', () => {
    expect(secondListRefusal({ ...base, aanvulling: true })).toBeNull();
    expect(secondListRefusal({ ...base, replace: true })).toBeNull();
  });

  it('lets through a file that adds nothing, and the first list of a month', () => {
    expect(secondListRefusal({ ...base, newSignals: 0 })).toBeNull();
    expect(secondListRefusal({ ...base, monthHasList: false })).toBeNull();
  });
});
