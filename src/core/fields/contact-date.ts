// The date of a contact attempt as a worker types it in Dutch Excel: besides what parseDate reads
// (15-03-2022, 2022-03-15), the forms Excel shows or accepts in a Dutch locale: `15-mrt`, `15-3`,
// `15-3-22`, `15 maart 2022`, `15-mrt-22`. A date without a year belongs to the melding's list
// month: it takes the list month's year, or the next year when that would put it before the list
// month (an attempt cannot come before its list; `5-1` on a December melding is 5 January after).
//
// Same contract as the other field parsers: raw cell text, non-empty after trimming; errors never
// contain the value.

import type { IsoDate, Month, Parsed } from '../types.js';
import { daysInMonth, parseDate } from './date.js';

const MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ...['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'].map(
    (name, i): [string, number] => [name, i + 1],
  ),
  ...['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'].map((abbr, i): [string, number] => [abbr, i + 1]),
  ['maa', 3],
  ['sept', 9],
]);

// day, month (number or name, a name may end in a dot), optional year of two or four digits.
const DUTCH_DATE = /^(\d{1,2})(?:[-/]|\s+)(\d{1,2}|[a-z]+\.?)(?:(?:[-/]|\s+)(\d{2}|\d{4}))?$/;

const EXPECTED = 'een datum zoals 15-03-2022, 15-3, 15-mrt of 15 maart 2022';
const BAD_SHAPE: Parsed<IsoDate> = { ok: false, expected: EXPECTED };
const NOT_EXISTING: Parsed<IsoDate> = {
  ok: false,
  expected: 'een bestaande datum, zoals 15-03-2022',
  hint: 'Niet elke maand heeft 31 dagen, en 29 februari bestaat alleen in een schrikkeljaar.',
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Parses the date of a contact attempt. `listMonth` is the melding's list month (`YYYY-MM`),
 * which supplies the year of a date written without one; null when the row's melding is not
 * known, and then a date without a year is refused.
 */
export function parseContactDate(text: string, listMonth: Month | null): Parsed<IsoDate> {
  const full = parseDate(text);
  if (full.ok) return full;
  const match = DUTCH_DATE.exec(text.trim().toLowerCase());
  if (match === null) return full.hint === undefined ? BAD_SHAPE : full;
  const day = Number(match[1]);
  const monthText = match[2]!.replace(/\.$/, '');
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTH_NAMES.get(monthText);
  if (month === undefined || month < 1 || month > 12) return BAD_SHAPE;
  let year: number;
  if (match[3] !== undefined) {
    year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  } else {
    if (listMonth === null) return BAD_SHAPE;
    const [listYear, listMonthNumber] = listMonth.split('-').map(Number) as [number, number];
    year = month < listMonthNumber ? listYear + 1 : listYear;
  }
  if (day < 1 || day > daysInMonth(year, month)) return NOT_EXISTING;
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}
