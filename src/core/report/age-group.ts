import type { IsoDate } from '../types.js';

// Age groups of the half-year report, at the signal date. Stored with each signal at import so
// that the figures survive the removal of birth dates when personal data is purged.

export const AGE_GROUPS = ['0-17', '18-26', '27-44', '45-66', '67+', 'onbekend'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Whole years between the two dates (a birthday on the day itself counts). */
export function ageAt(birth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function ageGroup(birth: IsoDate | null, on: IsoDate): AgeGroup {
  if (birth === null) return 'onbekend';
  const age = ageAt(birth, on);
  if (age < 0) return 'onbekend';
  if (age <= 17) return '0-17';
  if (age <= 26) return '18-26';
  if (age <= 44) return '27-44';
  if (age <= 66) return '45-66';
  return '67+';
}
