// Dates in the monthly lists come as ISO (2022-03-15), as Dutch day-month-year with `-` or `/`
// (15-03-2022, 5/3/2022), and sometimes with a time Excel appended (15-03-2022 00:00,
// 2022-03-15T00:00:00). Hand-written because it runs for several columns of every row; a general
// date library's parse() is orders of magnitude slower on a million rows.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is trimmed here;
// an empty cell is the caller's concern, so this is only called with text that is non-empty after
// trimming. Error texts never contain the value: a birth date is personal data.

import type { IsoDate, Parsed } from '../types.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const EXPECTED_SHAPE = 'een datum zoals 15-03-2022, 15/03/2022 of 2022-03-15';
const EXPECTED_EXISTING = 'een bestaande datum, zoals 15-03-2022';

const BAD_SHAPE: Parsed<IsoDate> = { ok: false, expected: EXPECTED_SHAPE };
const TWO_DIGIT_YEAR: Parsed<IsoDate> = {
  ok: false,
  expected: EXPECTED_SHAPE,
  hint: 'Schrijf het jaartal met vier cijfers (2022, niet 22).',
};
const EXCEL_SERIAL: Parsed<IsoDate> = {
  ok: false,
  expected: EXPECTED_SHAPE,
  hint: 'Dit lijkt een datum als getal; maak de kolom in Excel op als datum (DD-MM-JJJJ) en sla het bestand opnieuw op.',
};
const WITH_ZONE: Parsed<IsoDate> = {
  ok: false,
  expected: EXPECTED_SHAPE,
  hint: 'Laat de tijdzone weg: met een tijdzone kan de datum een dag verschuiven.',
};
const BAD_YEAR: Parsed<IsoDate> = {
  ok: false,
  expected: `een datum met een jaartal van ${MIN_YEAR} tot en met ${MAX_YEAR}`,
  hint: 'Controleer het jaartal.',
};
const NOT_EXISTING: Parsed<IsoDate> = {
  ok: false,
  expected: EXPECTED_EXISTING,
  hint: 'Niet elke maand heeft 31 dagen, en 29 februari bestaat alleen in een schrikkeljaar.',
};
const BAD_MONTH: Parsed<IsoDate> = { ok: false, expected: EXPECTED_EXISTING, hint: 'Een maand loopt van 1 tot en met 12.' };
const SWAPPED: Parsed<IsoDate> = {
  ok: false,
  expected: EXPECTED_EXISTING,
  hint: 'Controleer of dag en maand zijn omgedraaid; de volgorde is dag-maand-jaar (DD-MM-JJJJ).',
};

const C_0 = 48;
const C_9 = 57;
const C_HYPHEN = 45;
const C_SLASH = 47;
const C_COLON = 58;
const C_DOT = 46;
const C_SPACE = 32;
const C_T = 84;
const C_t = 116;


function pad2(v: number): string {
  return v < 10 ? '0' + String(v) : String(v);
}

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/** Index of the first non-digit at or after `i`. */
function digitsEnd(s: string, i: number, n: number): number {
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - C_0);
  return v;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Checks an optional time after the date: ` 00:00`, `T00:00:00`, `T00:00:00.000`. The time itself
 * is ignored, but its shape is checked so that "15-03-2022 foo" is not silently accepted.
 * Returns null when acceptable, else the error.
 */
function checkTimeSuffix(s: string, i: number, n: number): Parsed<IsoDate> | null {
  if (i === n) return null;
  const c = s.charCodeAt(i);
  if (c === C_T || c === C_t) {
    i++;
  } else if (c === C_SPACE) {
    while (i < n && s.charCodeAt(i) === C_SPACE) i++;
  } else {
    return BAD_SHAPE;
  }
  // hours, minutes, optional seconds with optional fraction
  let e = digitsEnd(s, i, n);
  if (e - i < 1 || e - i > 2 || e >= n || s.charCodeAt(e) !== C_COLON) return BAD_SHAPE;
  i = e + 1;
  e = digitsEnd(s, i, n);
  if (e - i !== 2) return BAD_SHAPE;
  i = e;
  if (i < n && s.charCodeAt(i) === C_COLON) {
    e = digitsEnd(s, i + 1, n);
    if (e - i - 1 !== 2) return BAD_SHAPE;
    i = e;
    if (i < n && s.charCodeAt(i) === C_DOT) {
      e = digitsEnd(s, i + 1, n);
      if (e === i + 1) return BAD_SHAPE;
      i = e;
    }
  }
  if (i === n) return null;
  // A zone designator (Z, +01:00) means the date part may be the day before in Dutch time
  // (2022-03-14T23:00:00Z is 15 March here); rather than guess, refuse.
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122 || z === 43 || z === C_HYPHEN) return WITH_ZONE;
  return BAD_SHAPE;
}

/**
 * Parses a date to ISO `YYYY-MM-DD`.
 *
 * Accepted: `JJJJ-MM-DD` (also `JJJJ-M-D`), `DD-MM-JJJJ`, `D-M-JJJJ`, `DD/MM/JJJJ`, `D/M/JJJJ`,
 * optionally followed by a time (` 00:00`, `T00:00:00`), which is ignored. A time with a zone
 * (`Z`, `+01:00`) is refused because ignoring it could shift the date by a day. The date must
 * exist and its year lie in 1900..2100. Whether a date may lie in the future is the caller's call.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseDate(text: string): Parsed<IsoDate> {
  const s = text.trim();
  const n = s.length;

  // aEnd is also the length of the leading digit run, which tells the two orders apart.
  const aEnd = digitsEnd(s, 0, n);
  const aLen = aEnd;
  if (aLen === 0) return BAD_SHAPE;
  if (aEnd === n) {
    // Digits only: Excel's serial day number (44635) or a compact JJJJMMDD.
    return aLen === 5 || aLen === 8 ? EXCEL_SERIAL : BAD_SHAPE;
  }
  const sep = s.charCodeAt(aEnd);

  let year: number;
  let month: number;
  let day: number;
  let dayFirst: boolean;
  let i: number;
  if (aLen === 4 && sep === C_HYPHEN) {
    dayFirst = false;
    year = digitsValue(s, 0, 4);
    const mStart = aEnd + 1;
    const mEnd = digitsEnd(s, mStart, n);
    if (mEnd - mStart < 1 || mEnd - mStart > 2 || mEnd >= n || s.charCodeAt(mEnd) !== C_HYPHEN) return BAD_SHAPE;
    const dStart = mEnd + 1;
    const dEnd = digitsEnd(s, dStart, n);
    if (dEnd - dStart < 1 || dEnd - dStart > 2) return BAD_SHAPE;
    month = digitsValue(s, mStart, mEnd);
    day = digitsValue(s, dStart, dEnd);
    i = dEnd;
  } else if (aLen <= 2 && (sep === C_HYPHEN || sep === C_SLASH)) {
    dayFirst = true;
    day = digitsValue(s, 0, aEnd);
    const mStart = aEnd + 1;
    const mEnd = digitsEnd(s, mStart, n);
    if (mEnd - mStart < 1 || mEnd - mStart > 2 || mEnd >= n || s.charCodeAt(mEnd) !== sep) return BAD_SHAPE;
    const yStart = mEnd + 1;
    const yEnd = digitsEnd(s, yStart, n);
    if (yEnd - yStart === 2) return TWO_DIGIT_YEAR;
    if (yEnd - yStart !== 4) return BAD_SHAPE;
    month = digitsValue(s, mStart, mEnd);
    year = digitsValue(s, yStart, yEnd);
    i = yEnd;
  } else {
    return BAD_SHAPE;
  }

  const timeError = checkTimeSuffix(s, i, n);
  if (timeError !== null) return timeError;

  if (year < MIN_YEAR || year > MAX_YEAR) return BAD_YEAR;
  if (month < 1 || month > 12) {
    // 03/15/2022 is an American-ordered date, common in exports from English software.
    return dayFirst && day >= 1 && day <= 12 && month <= 31 ? SWAPPED : BAD_MONTH;
  }
  if (day < 1 || day > daysInMonth(year, month)) return NOT_EXISTING;
  return { ok: true, value: String(year) + '-' + pad2(month) + '-' + pad2(day) };
}

/** The calendar date of a moment in the machine's own time zone, as `YYYY-MM-DD`. */
export function localIsoDate(moment: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
