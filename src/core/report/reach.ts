import { CONTACTSOORTEN, type Contactsoort } from '../followup.js';
import { share, type Share } from './share.js';
import type { StatsContact } from './stats.js';

// Which kinds of attempt reach people: per kind, the share of attempts in which the resident was
// reached, and of the households visited at home, the share reached by the visit or after it
// (a card left at the door asks the resident to call back).

export function reachByKind(contacts: readonly StatsContact[]): Record<Contactsoort, Share> {
  const counts = new Map<Contactsoort, { attempts: number; reached: number }>(
    CONTACTSOORTEN.map((c) => [c.value, { attempts: 0, reached: 0 }]),
  );
  for (const contact of contacts) {
    const kind = counts.get(contact.soort)!;
    kind.attempts += 1;
    if (contact.bereikt) kind.reached += 1;
  }
  return Object.fromEntries([...counts].map(([soort, c]) => [soort, share(c.reached, c.attempts)])) as Record<Contactsoort, Share>;
}

/** Meldingen with a house visit, and of those the ones reached on or after the first visit. */
export function visitedReached(contacts: readonly StatsContact[]): Share {
  const firstVisit = new Map<number, string>();
  for (const contact of contacts) {
    if (contact.soort !== 'Huisbezoek') continue;
    const known = firstVisit.get(contact.meldingId);
    if (known === undefined || contact.datum < known) firstVisit.set(contact.meldingId, contact.datum);
  }
  const reached = new Set<number>();
  for (const contact of contacts) {
    const visit = firstVisit.get(contact.meldingId);
    if (visit !== undefined && contact.bereikt && contact.datum >= visit) reached.add(contact.meldingId);
  }
  return share(reached.size, firstVisit.size);
}
