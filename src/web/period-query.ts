import { monthOfDate, parseMonthOption } from '../core/month.js';
import { checkPeriod, type Period } from '../core/report/period.js';
import type { IsoDate, Month } from '../core/types.js';

// A reporting period in a page's address (?van=2022-01&tot=2022-06), for bookmarks; without
// one, the half year of today, which the municipality asks for most.

export type PeriodErrors = Partial<Record<'van' | 'tot', string>>;

export function queryMonth(text: string | undefined): Month | null {
  if (text === undefined || text.trim() === '') return null;
  const parsed = parseMonthOption(text);
  return parsed.ok ? parsed.value : null;
}

function currentHalfYear(today: IsoDate): Period {
  const current = monthOfDate(today);
  const year = current.slice(0, 4);
  return Number(current.slice(5, 7)) <= 6 ? { from: `${year}-01`, to: `${year}-06` } : { from: `${year}-07`, to: `${year}-12` };
}

export function readPeriod(query: Record<string, string>, today: IsoDate): { period: Period } | { errors: PeriodErrors } {
  const errors: PeriodErrors = {};
  const fallback = currentHalfYear(today);
  const read = (name: 'van' | 'tot', otherwise: Month): Month | null => {
    const given = (query[name] ?? '').trim() !== '';
    if (!given) return otherwise;
    const value = queryMonth(query[name]);
    if (value === null) errors[name] = 'Schrijf de maand als JJJJ-MM, bijvoorbeeld 2022-03.';
    return value;
  };
  const from = read('van', fallback.from);
  const to = read('tot', fallback.to);
  if (from === null || to === null) return { errors };
  const period = checkPeriod({ from, to });
  return period.ok ? { period: period.value } : { errors: { van: 'Het begin ligt na het einde; verwissel de twee maanden.' } };
}
