// Calendar arithmetic on whole days in UTC. Generated dates are plain calendar dates, so working
// in UTC days avoids daylight-saving shifts changing a date depending on the machine's time zone.

import type { IsoDate, Month } from '../core/types.js';

/** Days since 1970-01-01. */
export type EpochDay = number;

// Days <-> civil dates by Howard Hinnant's algorithms: plain integer arithmetic, several times
// faster than going through Date, which matters when streaming a million rows.

export function epochDay(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromEpochDay(epoch: EpochDay): { year: number; month: number; day: number } {
  const z = epoch + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isoFromEpochDay(epoch: EpochDay): IsoDate {
  const { year, month, day } = civilFromEpochDay(epoch);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function epochDayFromIso(iso: IsoDate): EpochDay {
  const { year, month, day } = splitIso(iso);
  return epochDay(year, month, day);
}

export function splitIso(iso: IsoDate): { year: number; month: number; day: number } {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || !(year >= 0) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) {
    throw new RangeError(`not an ISO date: ${iso}`);
  }
  return { year, month, day };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: EpochDay): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Months counted from 0000-01, so month arithmetic is integer arithmetic. */
export type MonthOrdinal = number;

export function monthOrdinal(month: Month): MonthOrdinal {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return Number(match[1]) * 12 + (m - 1);
}

export function monthFromOrdinal(ordinal: MonthOrdinal): Month {
  const year = Math.floor(ordinal / 12);
  const month = (ordinal % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function firstDayOfMonth(ordinal: MonthOrdinal): EpochDay {
  return epochDay(Math.floor(ordinal / 12), (ordinal % 12) + 1, 1);
}

export function daysInMonth(ordinal: MonthOrdinal): number {
  return firstDayOfMonth(ordinal + 1) - firstDayOfMonth(ordinal);
}
