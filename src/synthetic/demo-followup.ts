// What the two workers of the demo year write in their worklist: for every melding on it one to
// three contact attempts (phone first, then a house visit or a letter), a resident reached in
// about one case in three, and a national result for most of the reached ones and for some that
// stayed unreachable. Deterministic per melding reference, so the demo prints the same every run.

import type { Month } from '../core/types.js';
import { firstDayOfMonth, isoFromEpochDay, monthOrdinal, weekday, type EpochDay } from './dates.js';
import { DEMO_SEED } from './demo-year.js';
import { Random, type Weighted } from './random.js';

/** One filled-in worklist row: the fill-in columns of `eropaf worklist --format csv`. */
export interface DemoAttempt {
  /** `DD-MM-JJJJ`, with ` HH:MM` for a phone call or a visit (the part of day follows from it). */
  contact_datum: string;
  contact_soort: 'telefoon' | 'huisbezoek' | 'brief';
  bereikt: 'ja' | 'nee';
  /** A result code of `eropaf close --help`, or '' (still open). */
  resultaat: string;
  notitie: string;
}

/** Share of meldingen where the resident is reached (nationally about 1 in 5; this team does better). */
const REACHED = 0.34;
const ATTEMPTS_WHEN_REACHED: Weighted<number> = [[1, 60], [2, 30], [3, 10]];
const ATTEMPTS_WHEN_NOT_REACHED: Weighted<number> = [[1, 30], [2, 35], [3, 35]];
const FIRST_KIND: Weighted<DemoAttempt['contact_soort']> = [['telefoon', 80], ['brief', 12], ['huisbezoek', 8]];
const LATER_KIND: Weighted<DemoAttempt['contact_soort']> = [['telefoon', 45], ['huisbezoek', 35], ['brief', 20]];
const RESULT_WHEN_REACHED: Weighted<string> = [
  ['advies', 38], ['vervolghulp-financieel', 20], ['vervolghulp-niet-financieel', 8], ['regelt-zelf', 14],
  ['zelf-betaald', 10], ['bekend-shv', 6], ['ander-traject', 4],
];

/** The attempts for one melding of the list of `month` (made in the month after, when the list is worked). */
export function demoAttempts(ref: string, month: Month, seed: number = DEMO_SEED): DemoAttempt[] {
  const rng = Random.derive(seed, 'demo-follow-up', ref);
  const reached = rng.chance(REACHED);
  const count = rng.weighted(reached ? ATTEMPTS_WHEN_REACHED : ATTEMPTS_WHEN_NOT_REACHED);
  const attempts: DemoAttempt[] = [];
  let day = workingDay(firstDayOfMonth(monthOrdinal(month) + 1) + rng.int(0, 11));
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    let soort = rng.weighted(i === 0 ? FIRST_KIND : LATER_KIND);
    // A resident is reached by phone or at the door, not by the letter itself.
    if (reached && last && soort === 'brief') soort = 'telefoon';
    const bereikt = reached && last;
    attempts.push({
      contact_datum: formatDay(day) + (soort === 'brief' ? '' : ` ${clockTime(rng, soort)}`),
      contact_soort: soort,
      bereikt: bereikt ? 'ja' : 'nee',
      resultaat: '',
      notitie: soort === 'huisbezoek' && !bereikt ? 'niemand thuis, kaartje achtergelaten' : '',
    });
    day = workingDay(day + rng.int(2, 7));
  }
  const final = attempts[attempts.length - 1] as DemoAttempt;
  if (reached) {
    if (rng.chance(0.85)) final.resultaat = rng.weighted(RESULT_WHEN_REACHED);
  } else if (rng.chance(count >= 3 ? 0.5 : 0.1)) {
    final.resultaat = 'geen-contact';
  }
  return attempts;
}

function workingDay(day: EpochDay): EpochDay {
  const dow = weekday(day);
  return dow === 6 ? day + 2 : dow === 0 ? day + 1 : day;
}

function formatDay(day: EpochDay): string {
  const iso = isoFromEpochDay(day);
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** Calls between 9:00 and 19:45, visits between 10:00 and 19:45 (evening visits reach the working). */
function clockTime(rng: Random, soort: 'telefoon' | 'huisbezoek'): string {
  const hour = soort === 'telefoon' ? rng.int(9, 19) : rng.int(10, 19);
  return `${String(hour).padStart(2, '0')}:${String(rng.int(0, 3) * 15).padStart(2, '0')}`;
}
