// Age groups at the signal date: the boundaries of the half-year report.

import { describe, expect, it } from 'vitest';
import { ageAt, ageGroup } from '../../../src/core/report/age-group.js';

/** The date `years` after `birth` (same month and day). */
function birthday(birth: string, years: number): string {
  return `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const BIRTH = '1980-07-15';

describe('ageAt', () => {
  it('counts a birthday on the signal date itself', () => {
    expect(ageAt(BIRTH, birthday(BIRTH, 40))).toBe(40);
    expect(ageAt(BIRTH, dayBefore(birthday(BIRTH, 40)))).toBe(39);
  });

  it('counts across a year end', () => {
    expect(ageAt('1990-12-31', '2022-01-01')).toBe(31);
    expect(ageAt('1990-01-01', '2021-12-31')).toBe(31);
    expect(ageAt('1990-01-01', '2022-01-01')).toBe(32);
  });
});

describe('ageGroup', () => {
  // [age reached on the signal date, group on that day, group the day before]
  it.each([
    [18, '18-26', '0-17'],
    [27, '27-44', '18-26'],
    [45, '45-66', '27-44'],
    [67, '67+', '45-66'],
  ])('turning %i on the signal date gives %s; the day before %s', (age, on, before) => {
    const date = birthday(BIRTH, age);
    expect(ageGroup(BIRTH, date)).toBe(on);
    expect(ageGroup(BIRTH, dayBefore(date))).toBe(before);
  });

  it.each([
    [26, '18-26'],
    [44, '27-44'],
    [66, '45-66'],
    [100, '67+'],
  ])('is still in the group the last day of age %i', (age, group) => {
    expect(ageGroup(BIRTH, dayBefore(birthday(BIRTH, age + 1)))).toBe(group);
  });

  it('is unknown without a birth date, or with one after the signal date', () => {
    expect(ageGroup(null, '2022-03-01')).toBe('onbekend');
    expect(ageGroup('2022-03-02', '2022-03-01')).toBe('onbekend');
  });
});
