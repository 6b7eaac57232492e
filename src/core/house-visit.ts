import { daysBetween } from './contact-term.js';
import type { Contactsoort } from './followup.js';
import type { IsoDate } from './types.js';
import type { WorklistAttempt, WorklistEntry } from './worklist.js';

// When the phone fails, a worker visits (at MET Heemskerk often together with the municipality);
// when nobody opens, a card is left behind. Nationally letters alone reach 6% of households, a
// phone call about 59%, a house visit 50-70%. These rules decide who goes on the house-visit list
// and when eropaf proposes closing a melding nobody could reach; the worker decides.

export interface VisitRules {
  /** Unanswered remote attempts after which a melding goes on the house-visit list. */
  afterAttempts: number;
  /** Days after a house visit without contact before closing is proposed. */
  waitDays: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = { afterAttempts: 3, waitDays: 14 };

/** Attempts that try to reach a household from a distance; a visit follows when they fail. */
export const REMOTE_KINDS: ReadonlySet<Contactsoort> = new Set<Contactsoort>(['Telefoon', 'SMS/Whatsapp', 'Mail', 'Brief']);

/** Why a melding is on the house-visit list. */
export type VisitReason = 'onbereikbaar' | 'pogingen';

export const VISIT_REASON_TEXT: Record<VisitReason, string> = {
  onbereikbaar: 'geen telefoonnummer en geen e-mailadres',
  pogingen: 'pogingen op afstand zonder contact',
};

type VisitFacts = Pick<WorklistEntry, 'attempts'> & { person: Pick<WorklistEntry['person'], 'telefoon' | 'email'> };

/**
 * Why the melding belongs on the house-visit list, or null. Once the resident has been reached
 * (by any kind of attempt) no visit is needed. A household with neither a phone number nor an
 * e-mail address can only be written to or visited, so it goes on the list at once.
 */
export function visitReason(melding: VisitFacts, rules: VisitRules): VisitReason | null {
  if (melding.attempts.some((a) => a.bereikt)) return null;
  if (melding.person.telefoon === null && melding.person.email === null) return 'onbereikbaar';
  const unanswered = melding.attempts.filter((a) => REMOTE_KINDS.has(a.soort)).length;
  return unanswered >= rules.afterAttempts ? 'pogingen' : null;
}

/**
 * Whether to propose closing as "Definitief geen contact kunnen krijgen": the resident was never
 * reached, a house visit was made, and since the last visit `waitDays` days passed (time to
 * react to the card left behind).
 */
export function proposesClosing(attempts: readonly WorklistAttempt[], rules: VisitRules, today: IsoDate): boolean {
  if (attempts.some((a) => a.bereikt)) return false;
  const visits = attempts.filter((a) => a.soort === 'Huisbezoek').map((a) => a.datum);
  if (visits.length === 0) return false;
  const lastVisit = visits.reduce((a, b) => (a > b ? a : b));
  return daysBetween(lastVisit, today) >= rules.waitDays;
}

/** The four digits of a postcode: the area a route is grouped by. */
export function postcodeArea(postcode: string): string {
  return postcode.slice(0, 4);
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

type RouteStop = Pick<WorklistEntry['person'], 'postcode' | 'straatnaam' | 'huisnummer' | 'toevoeging'>;

/** Route order: postcode, street, house number (as a number), toevoeging. */
export function compareRoute(a: RouteStop, b: RouteStop): number {
  return (
    collator.compare(a.postcode, b.postcode) ||
    collator.compare(a.straatnaam ?? '', b.straatnaam ?? '') ||
    Number(a.huisnummer) - Number(b.huisnummer) ||
    collator.compare(a.toevoeging, b.toevoeging)
  );
}
