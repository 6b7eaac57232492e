import { localIsoDate } from '../core/fields/date.js';
import type { IsoDate } from '../core/types.js';

// Dates and numbers as the pages show them (Dutch), from the injected clock.

export function dutchDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export function todayOf(clock: () => Date): IsoDate {
  return localIsoDate(clock());
}

/** HH:MM in local time. */
export function timeOf(clock: () => Date): string {
  const now = clock();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}
