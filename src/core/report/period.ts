import { MONTH_NAMES_NL, monthIndex, monthsBetween, parseMonthOption } from '../month.js';
import type { Month, Parsed } from '../types.js';

/** A reporting period: whole months, both ends included. */
export interface Period {
  from: Month;
  to: Month;
}

const EXPECTED_PERIOD = 'een periode als JJJJ-MM:JJJJ-MM, bijvoorbeeld 2021-05:2021-12';

/** Parses `2021-05:2021-12` (the `--compare` option). */
export function parsePeriod(text: string): Parsed<Period> {
  const [from, to, ...rest] = text.split(':').map((part) => parseMonthOption(part));
  if (from === undefined || to === undefined || rest.length > 0 || !from.ok || !to.ok) {
    return { ok: false, expected: EXPECTED_PERIOD };
  }
  return checkPeriod({ from: from.value, to: to.value });
}

export function checkPeriod(period: Period): Parsed<Period> {
  if (monthIndex(period.from) > monthIndex(period.to)) {
    return { ok: false, expected: 'een begin dat niet na het einde ligt', hint: 'Verwissel de twee maanden.' };
  }
  return { ok: true, value: period };
}

export function periodMonths(period: Period): Month[] {
  return monthsBetween(period.from, period.to);
}

export function monthCount(period: Period): number {
  return monthIndex(period.to) - monthIndex(period.from) + 1;
}

function monthName(month: Month): string {
  return MONTH_NAMES_NL[Number(month.slice(5, 7)) - 1]!;
}

/**
 * The period in words as the half-year report writes it: "2022 januari t/m juni (6 maanden)",
 * across a year boundary "2021 november t/m 2022 februari (4 maanden)".
 */
export function describePeriod(period: Period): string {
  const count = monthCount(period);
  const length = `(${count} ${count === 1 ? 'maand' : 'maanden'})`;
  const fromYear = period.from.slice(0, 4);
  const toYear = period.to.slice(0, 4);
  if (period.from === period.to) return `${fromYear} ${monthName(period.from)} ${length}`;
  const end = fromYear === toYear ? monthName(period.to) : `${toYear} ${monthName(period.to)}`;
  return `${fromYear} ${monthName(period.from)} t/m ${end} ${length}`;
}

/** `2021-05 t/m 2021-12`, the period column of the CSV. */
export function periodLabel(period: Period): string {
  return `${period.from} t/m ${period.to}`;
}

/** The half year a month falls in, as the DDAS form names it: `2022-1` (January to June) or `2022-2`. */
export function halfYearOf(month: Month): string {
  return `${month.slice(0, 4)}-${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The months of a half year named as `halfYearOf` names it; null for any other text. */
export function halfYearPeriod(halfYear: string): Period | null {
  const match = /^(\d{4})-([12])$/.exec(halfYear);
  if (match === null) return null;
  const year = match[1]!;
  return match[2] === '1' ? { from: `${year}-01` as Month, to: `${year}-06` as Month } : { from: `${year}-07` as Month, to: `${year}-12` as Month };
}

/** The last half year (January–June or July–December) that ended before this month began. */
export function lastCompleteHalfYear(current: Month): Period {
  const year = Number(current.slice(0, 4));
  return halfYearPeriod(Number(current.slice(5, 7)) <= 6 ? `${year - 1}-2` : `${year}-1`)!;
}
