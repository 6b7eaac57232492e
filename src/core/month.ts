// A list month (`YYYY-MM`) is the unit of the whole tool: every list is one month, enkelvoudig
// signals left over are picked up "the next month", "opeenvolgend" looks back six months, and
// reports cover ranges of months. Month arithmetic goes through a plain integer index
// (year * 12 + month - 1), so that adding, comparing and ranging need no calendar.

import type { IsoDate, Month, Parsed } from './types.js';

export const MIN_MONTH_YEAR = 1900;
export const MAX_MONTH_YEAR = 2100;

export const MONTH_NAMES_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const C_0 = 48;
const C_9 = 57;
const C_HYPHEN = 45;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

function pad2(v: number): string {
  return v < 10 ? '0' + String(v) : String(v);
}

/** Whether `text` is exactly `YYYY-MM` with a month 01-12 and a year 1900-2100. */
export function isMonth(text: string): boolean {
  if (text.length !== 7 || text.charCodeAt(4) !== C_HYPHEN) return false;
  for (let i = 0; i < 7; i++) {
    if (i !== 4 && !isDigit(text.charCodeAt(i))) return false;
  }
  const year = yearOf(text);
  const month = (text.charCodeAt(5) - C_0) * 10 + (text.charCodeAt(6) - C_0);
  return year >= MIN_MONTH_YEAR && year <= MAX_MONTH_YEAR && month >= 1 && month <= 12;
}

function yearOf(text: string): number {
  return (
    (text.charCodeAt(0) - C_0) * 1000 +
    (text.charCodeAt(1) - C_0) * 100 +
    (text.charCodeAt(2) - C_0) * 10 +
    (text.charCodeAt(3) - C_0)
  );
}

const MONTH_OPTION_EXPECTED = 'een maand als JJJJ-MM, bijvoorbeeld 2022-03';
const BAD_MONTH_OPTION: Parsed<Month> = { ok: false, expected: MONTH_OPTION_EXPECTED };
const MONTH_FIRST: Parsed<Month> = {
  ok: false,
  expected: MONTH_OPTION_EXPECTED,
  hint: 'Schrijf eerst het jaar en dan de maand (JJJJ-MM).',
};
const MONTH_OUT_OF_RANGE: Parsed<Month> = {
  ok: false,
  expected: `${MONTH_OPTION_EXPECTED}, met een maand van 01 tot en met 12 en een jaar van ${MIN_MONTH_YEAR} tot en met ${MAX_MONTH_YEAR}`,
};
const MONTH_FIRST_SHAPE = /^\d{1,2}-\d{4}$/;

/**
 * Parses a month given on the command line: `2022-03`, also `2022-3`. Surrounding spaces are
 * ignored.
 */
export function parseMonthOption(text: string): Parsed<Month> {
  const s = text.trim();
  const n = s.length;
  if ((n !== 6 && n !== 7) || s.charCodeAt(4) !== C_HYPHEN) {
    return MONTH_FIRST_SHAPE.test(s) ? MONTH_FIRST : BAD_MONTH_OPTION;
  }
  for (let i = 0; i < n; i++) {
    if (i !== 4 && !isDigit(s.charCodeAt(i))) return BAD_MONTH_OPTION;
  }
  const year = yearOf(s);
  const month = n === 6 ? s.charCodeAt(5) - C_0 : (s.charCodeAt(5) - C_0) * 10 + (s.charCodeAt(6) - C_0);
  if (year < MIN_MONTH_YEAR || year > MAX_MONTH_YEAR || month < 1 || month > 12) return MONTH_OUT_OF_RANGE;
  return { ok: true, value: n === 7 ? s : s.slice(0, 5) + '0' + s.slice(5) };
}

/** `year * 12 + (month - 1)`; throws a RangeError for anything but a valid Month (a bug). */
export function monthIndex(month: Month): number {
  if (!isMonth(month)) throw new RangeError('monthIndex expects a month as YYYY-MM');
  return yearOf(month) * 12 + (month.charCodeAt(5) - C_0) * 10 + (month.charCodeAt(6) - C_0) - 1;
}

/** The inverse of monthIndex; throws a RangeError outside the years 1900-2100. */
export function monthFromIndex(index: number): Month {
  if (!Number.isInteger(index) || index < MIN_MONTH_YEAR * 12 || index >= (MAX_MONTH_YEAR + 1) * 12) {
    throw new RangeError('monthFromIndex: index outside the years 1900-2100');
  }
  const year = Math.floor(index / 12);
  return String(year) + '-' + pad2(index - year * 12 + 1);
}

/** `month` plus `n` months (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

/** The month a valid ISO date (`YYYY-MM-DD`) falls in. */
export function monthOfDate(iso: IsoDate): Month {
  return iso.slice(0, 7);
}

// A year-month in a file name: JJJJ-MM or JJJJ_MM, not part of a longer number. Year and month
// ranges are in the pattern, so that an invalid candidate ("2022-20") does not consume characters
// a valid one right after it needs.
const MONTH_IN_NAME = /(?<!\d)(19\d\d|20\d\d|2100)[-_](0[1-9]|1[0-2])(?!\d)/g;

/**
 * Finds the list month in a file name: `lijsten/vroegeropaf-2022-03.csv` -> `2022-03`, also
 * `2022_03`. Only the base name is searched (a folder named after a year says nothing about the
 * month). Returns null when there is none or when two different months occur, since guessing
 * between them could file a whole list under the wrong month.
 */
export function monthFromFileName(fileName: string): Month | null {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const base = slash >= 0 ? fileName.slice(slash + 1) : fileName;
  let found: Month | null = null;
  for (const m of base.matchAll(MONTH_IN_NAME)) {
    const month = `${m[1]}-${m[2]}`;
    if (found !== null && found !== month) return null;
    found = month;
  }
  return found;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const first = monthIndex(from);
  const last = monthIndex(to);
  const months: Month[] = [];
  for (let i = first; i <= last; i++) months.push(monthFromIndex(i));
  return months;
}

/** A month in Dutch words, for messages and summaries: `2022-03` -> `maart 2022`. */
export function describeMonth(month: Month): string {
  const index = monthIndex(month);
  const year = Math.floor(index / 12);
  return `${MONTH_NAMES_NL[index - year * 12] ?? ''} ${year}`;
}
