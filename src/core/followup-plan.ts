import type { Eindresultaat, Contactsoort, Dagdeel, ReferralTarget } from './followup.js';
import type { IsoDate } from './types.js';

// Planning what to record from follow-up input (the contact and close commands, or a filled-in
// worklist). Recording is idempotent: a contact attempt that is already stored, or the result a
// melding already has, changes nothing, so reading the same file twice records everything once.

export interface ContactInput {
  soort: Contactsoort;
  bereikt: boolean;
  datum: IsoDate;
  dagdeel: Dagdeel | null;
  notitie: string | null;
}

export interface ResultInput {
  resultaat: Eindresultaat;
  referredTo: ReferralTarget | null;
  closedOn: IsoDate;
}

export interface FollowUpEntry {
  ref: string;
  contact: ContactInput | null;
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
  contacts: readonly ContactInput[];
}

export interface FollowUpPlan {
  contacts: Array<{ meldingId: number; ref: string; contact: ContactInput }>;
  results: Array<{ meldingId: number; ref: string; result: ResultInput; previous: Eindresultaat | null }>;
  /** Contact attempts and results that were already recorded exactly so. */
  alreadyRecorded: number;
}

function sameContact(a: ContactInput, b: ContactInput): boolean {
  return (
    a.soort === b.soort &&
    a.bereikt === b.bereikt &&
    a.datum === b.datum &&
    a.dagdeel === b.dagdeel &&
    (a.notitie ?? '') === (b.notitie ?? '')
  );
}

/**
 * Plans the entries against what is recorded. Every entry's ref must be among `recorded`.
 * Entries are applied in order, so a later row's result for the same melding wins.
 */
export function planFollowUp(entries: readonly FollowUpEntry[], recorded: readonly RecordedFollowUp[]): FollowUpPlan {
  const byRef = new Map(recorded.map((r) => [r.ref, { ...r, contacts: [...r.contacts] }]));
  const plan: FollowUpPlan = { contacts: [], results: [], alreadyRecorded: 0 };
  const plannedResult = new Map<string, FollowUpPlan['results'][number]>();

  for (const entry of entries) {
    const melding = byRef.get(entry.ref);
    if (melding === undefined) throw new RangeError(`planFollowUp: no recorded state for ${entry.ref}`);
    if (entry.contact !== null) {
      const contact = entry.contact;
      if (melding.contacts.some((known) => sameContact(known, contact))) {
        plan.alreadyRecorded += 1;
      } else {
        melding.contacts.push(contact);
        plan.contacts.push({ meldingId: melding.id, ref: melding.ref, contact });
      }
    }
    if (entry.result !== null) {
      // A result without a referral (a worklist has no referral column) keeps the referral
      // recorded before, rather than wiping it.
      const result = { ...entry.result, referredTo: entry.result.referredTo ?? melding.referredTo };
      const unchanged =
        melding.resultSource === 'medewerker' &&
        melding.resultaat === result.resultaat &&
        melding.referredTo === result.referredTo;
      if (unchanged) {
        plan.alreadyRecorded += 1;
        continue;
      }
      // The stored result before this input, also when it was none (null must not fall through
      // to the result an earlier row of this input planned).
      const earlier = plannedResult.get(melding.ref);
      const previous = earlier === undefined ? melding.resultaat : earlier.previous;
      const planned = { meldingId: melding.id, ref: melding.ref, result, previous };
      plannedResult.set(melding.ref, planned);
      melding.resultaat = result.resultaat;
      melding.resultSource = 'medewerker';
      melding.referredTo = result.referredTo;
    }
  }
  plan.results = [...plannedResult.values()];
  return plan;
}
