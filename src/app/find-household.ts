import { maskBsn } from '../core/fields/bsn.js';
import { meldingStateLabel, parseFindQuery, type FindQuery, type FoundHousehold, type FoundMelding, type MeldingStateLabel } from '../core/find.js';
import type { Store } from '../store/store.js';

/** How many households one search shows; a wider search asks for more detail. */
export const FIND_LIMIT = 20;

export interface FindResult {
  query: FindQuery;
  /** each with its meldingen over all months, oldest first; every BSN masked */
  households: Array<Omit<FoundHousehold, 'meldingen'> & { meldingen: Array<FoundMelding & { state: MeldingStateLabel }> }>;
  /** more households matched than are shown */
  more: boolean;
}

/**
 * Finds a household when a resident calls back (`eropaf find`, and any other front end): by
 * melding reference, postcode and house number, phone number or name. Names and addresses are
 * in the answer because the worker asked for them; the BSN is masked here, at the source, so
 * that no front end can show it in full.
 */
export async function findHousehold(store: Store, text: string): Promise<FindResult> {
  const query = parseFindQuery(text);
  const ids = await store.findHouseholdIds(query, FIND_LIMIT + 1);
  const found = await store.foundHouseholds(ids.slice(0, FIND_LIMIT));
  return {
    query,
    households: found.map((household) => ({
      ...household,
      people: household.people.map((p) => ({ ...p, bsn: p.bsn === null ? null : maskBsn(p.bsn) })),
      meldingen: household.meldingen.map((m) => ({ ...m, state: meldingStateLabel(m) })),
    })),
    more: ids.length > FIND_LIMIT,
  };
}
