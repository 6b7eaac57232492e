import { CONTACTSOORTEN, type Eindresultaat, type Contactsoort, type Dagdeel, type ReferralTarget } from './followup.js';
import type { IsoDate } from './types.js';

// Planning what to record from follow-up input (the contact and close commands, or a filled-in
// worklist). An attempt is identified by its melding, date, time and kind: input that names a
// stored attempt with other values corrects it, and input that names it with the same values
// changes nothing, so reading the same file twice records everything once and reading a
// corrected file corrects. A result likewise: the same result is already recorded, another one
// replaces it (keeping the close date unless a new one is given).

export interface ContactInput {
  soort: Contactsoort;
  bereikt: boolean;
  datum: IsoDate;
  dagdeel: Dagdeel | null;
  notitie: string | null;
  /** The clock time (`HH:MM`) when one was given; it also decided the dagdeel. */
  tijd?: string | null;
}

/** A stored attempt: its own number in the store, to correct or delete it. */
export interface StoredContact extends ContactInput {
  id: number;
}

export interface ResultInput {
  resultaat: Eindresultaat;
  referredTo: ReferralTarget | null;
  /** The close date; null when not given: a closed melding keeps its date, an open one gets today. */
  closedOn: IsoDate | null;
}

/** A result as stored, with its date decided. */
export interface ResultRecord extends ResultInput {
  closedOn: IsoDate;
}

export interface FollowUpEntry {
  ref: string;
  contact: ContactInput | null;
  /** A card or flyer was left at the attempt: that is a Kaartje attempt too, as DDAS counts it. */
  card?: boolean;
  result: ResultInput | null;
}

/** What is stored for a melding, as far as planning needs it. */
export interface RecordedFollowUp {
  id: number;
  ref: string;
  resultaat: Eindresultaat | null;
  /** Who set the result: a worker, or the triage (not picked up, closed for capacity). */
  resultSource: 'medewerker' | 'triage' | 'sluiting' | null;
  referredTo: ReferralTarget | null;
  closedOn: IsoDate | null;
  contacts: readonly StoredContact[];
}

export interface FollowUpPlan {
  contacts: Array<{ meldingId: number; ref: string; contact: ContactInput }>;
  /** Stored attempts that the input names with other values. */
  corrections: Array<{ contactId: number; ref: string; contact: ContactInput; previous: ContactInput }>;
  results: Array<{ meldingId: number; ref: string; result: ResultRecord; previous: Eindresultaat | null }>;
  /** Contact attempts and results that were already recorded exactly so. */
  alreadyRecorded: number;
  /** Indexes of entries whose attempt could be more than one stored attempt (no time given). */
  ambiguous: number[];
}

const KAARTJE: Contactsoort = CONTACTSOORTEN.find((c) => c.code === 'kaartje')!.value;

/** The card left behind at an attempt, as an attempt of its own. */
export function cardAttempt(contact: ContactInput): ContactInput {
  return { soort: KAARTJE, bereikt: false, datum: contact.datum, dagdeel: contact.dagdeel, notitie: null, tijd: contact.tijd ?? null };
}

/** Whether two values may be the same when either may be unknown. */
function compatible<T>(a: T | null | undefined, b: T | null | undefined): boolean {
  return a === null || a === undefined || b === null || b === undefined || a === b;
}

/**
 * Whether input and a stored attempt are the same attempt: same date and kind, and no time or
 * part of day that tells them apart (a row without a time is the attempt of that date and kind).
 */
export function sameAttempt(a: ContactInput, b: ContactInput): boolean {
  return a.datum === b.datum && a.soort === b.soort && compatible(a.tijd, b.tijd) && compatible(a.dagdeel, b.dagdeel);
}

/** The attempt after a correction: the new values, keeping a time or part of day the input left out. */
function corrected(stored: ContactInput, input: ContactInput): ContactInput {
  return {
    ...input,
    tijd: input.tijd ?? stored.tijd ?? null,
    dagdeel: input.dagdeel ?? stored.dagdeel,
  };
}

function sameValues(a: ContactInput, b: ContactInput): boolean {
  return (
    a.bereikt === b.bereikt &&
    a.dagdeel === b.dagdeel &&
    (a.tijd ?? null) === (b.tijd ?? null) &&
    (a.notitie ?? '') === (b.notitie ?? '')
  );
}

/** An attempt while planning: stored (with its id), or planned by an earlier entry of this input. */
interface WorkingContact {
  id: number | null;
  contact: ContactInput;
  planned: { contact: ContactInput } | null;
}

/**
 * Plans the entries against what is recorded. Every entry's ref must be among `recorded`.
 * Entries are applied in order, so a later row's result for the same melding wins. `today` is the
 * close date of a result given without one on a melding that has none.
 */
export function planFollowUp(entries: readonly FollowUpEntry[], recorded: readonly RecordedFollowUp[], today: IsoDate): FollowUpPlan {
  const byRef = new Map(
    recorded.map((r) => [
      r.ref,
      { ...r, contacts: r.contacts.map((c): WorkingContact => ({ id: c.id, contact: c, planned: null })) },
    ]),
  );
  const plan: FollowUpPlan = { contacts: [], corrections: [], results: [], alreadyRecorded: 0, ambiguous: [] };
  const plannedResult = new Map<string, FollowUpPlan['results'][number]>();
  const plannedCorrection = new Map<number, FollowUpPlan['corrections'][number]>();

  entries.forEach((entry, index) => {
    const melding = byRef.get(entry.ref);
    if (melding === undefined) throw new RangeError(`planFollowUp: no recorded state for ${entry.ref}`);
    // A card left at an attempt is an attempt of its own, unless the attempt was the card itself.
    const withCard = entry.card === true && entry.contact !== null && entry.contact.soort !== KAARTJE;
    const attempts = entry.contact === null ? [] : withCard ? [entry.contact, cardAttempt(entry.contact)] : [entry.contact];
    for (const input of attempts) {
      const matches = melding.contacts.filter((known) => sameAttempt(known.contact, input));
      // Of several candidates, one with the very same time or part of day is the one meant.
      const exact = matches.filter((known) => (known.contact.tijd ?? null) === (input.tijd ?? null) && known.contact.dagdeel === input.dagdeel);
      const match = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : undefined;
      if (matches.length > 1 && match === undefined) {
        plan.ambiguous.push(index);
        continue;
      }
      if (match === undefined) {
        const planned = { meldingId: melding.id, ref: melding.ref, contact: input };
        melding.contacts.push({ id: null, contact: input, planned });
        plan.contacts.push(planned);
        continue;
      }
      const next = corrected(match.contact, input);
      if (sameValues(match.contact, next)) {
        plan.alreadyRecorded += 1;
        continue;
      }
      if (match.planned !== null) {
        match.planned.contact = next;
      } else {
        const id = match.id!;
        const earlier = plannedCorrection.get(id);
        const correction = { contactId: id, ref: melding.ref, contact: next, previous: earlier?.previous ?? match.contact };
        plannedCorrection.set(id, correction);
      }
      match.contact = next;
    }
    if (entry.result !== null) {
      // A result without a referral (a worklist has no referral column) keeps the referral
      // recorded before, rather than wiping it.
      const referredTo = entry.result.referredTo ?? melding.referredTo;
      const unchanged =
        melding.resultSource === 'medewerker' &&
        melding.resultaat === entry.result.resultaat &&
        melding.referredTo === referredTo &&
        (entry.result.closedOn === null || entry.result.closedOn === melding.closedOn);
      if (unchanged) {
        plan.alreadyRecorded += 1;
        return;
      }
      // Closing again changes the result, not the date the melding was closed (its retention
      // term runs from it), unless a date is given.
      const closedOn = entry.result.closedOn ?? (melding.resultSource === 'medewerker' ? melding.closedOn : null) ?? today;
      const result: ResultRecord = { resultaat: entry.result.resultaat, referredTo, closedOn };
      // The stored result before this input, also when it was none (null must not fall through
      // to the result an earlier row of this input planned).
      const earlier = plannedResult.get(melding.ref);
      const previous = earlier === undefined ? melding.resultaat : earlier.previous;
      plannedResult.set(melding.ref, { meldingId: melding.id, ref: melding.ref, result, previous });
      melding.resultaat = result.resultaat;
      melding.resultSource = 'medewerker';
      melding.referredTo = result.referredTo;
      melding.closedOn = result.closedOn;
    }
  });
  plan.results = [...plannedResult.values()];
  plan.corrections = [...plannedCorrection.values()];
  return plan;
}
