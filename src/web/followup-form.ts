import { parseDate } from '../core/fields/date.js';
import type { ContactInput, FollowUpEntry, ResultInput } from '../core/followup-plan.js';
import { dagdeelOfClock, parseClockTime, parseContactsoort, parseJaNee, parseReferral, parseResultCode } from '../core/followup.js';
import { formatRef, parseRef } from '../core/reference.js';
import type { IsoDate } from '../core/types.js';

// The follow-up forms (worklist and melding page), read into the same entries `eropaf contact` and `eropaf close`
// record, with the same parsers; a problem is reported per field, in Dutch, without the value.

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const MAX_NOTE_LENGTH = 500;

function text(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** The form's own fields as text, to show them again next to the errors. */
export function formValues(form: Record<string, unknown>, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, text(form, name)]));
}

export function meldingRef(form: Record<string, unknown>): string | null {
  const ref = parseRef(text(form, 'melding'));
  return ref === null ? null : formatRef(ref.month, ref.seq);
}

function pastDate(value: string, today: IsoDate, errors: FieldErrors): IsoDate | null {
  if (value.trim() === '') {
    errors.datum = 'Vul de datum in.';
    return null;
  }
  const parsed = parseDate(value);
  if (!parsed.ok) {
    errors.datum = `Dit is geen datum; verwacht ${parsed.expected}.`;
    return null;
  }
  if (parsed.value > today) {
    errors.datum = 'De datum ligt in de toekomst; leg vast wat al gebeurd is.';
    return null;
  }
  return parsed.value;
}

function reached(form: Record<string, unknown>, errors: FieldErrors): boolean | null {
  const bereikt = parseJaNee(text(form, 'bereikt'));
  if (bereikt.ok) return bereikt.value;
  errors.bereikt = 'Kies of de inwoner bereikt is.';
  return null;
}

/** The note, null when empty; undefined when too long. */
function noteOf(form: Record<string, unknown>, errors: FieldErrors): string | null | undefined {
  const note = text(form, 'notitie').trim();
  if (note.length <= MAX_NOTE_LENGTH) return note === '' ? null : note;
  errors.notitie = `De notitie is te lang: hoogstens ${MAX_NOTE_LENGTH} tekens.`;
  return undefined;
}

export const ATTEMPT_FIELDS = ['soort', 'datum', 'tijd', 'bereikt', 'kaartje', 'notitie'] as const;

export function parseAttemptForm(form: Record<string, unknown>, today: IsoDate): Parsed<ContactInput> {
  const errors: FieldErrors = {};
  const soort = parseContactsoort(text(form, 'soort'));
  if (!soort.ok) errors.soort = 'Kies de soort contact.';
  const datum = pastDate(text(form, 'datum'), today, errors);
  // The clock time, as `contact --time`: it keeps two attempts of one kind on one day apart,
  // and decides the part of day.
  const time = text(form, 'tijd');
  const tijd = time.trim() === '' ? null : parseClockTime(time);
  if (tijd !== null && !tijd.ok) errors.tijd = `Dit is geen tijd; verwacht ${tijd.expected}.`;
  const bereikt = reached(form, errors);
  const note = noteOf(form, errors);
  if (Object.keys(errors).length > 0 || !soort.ok || bereikt === null || note === undefined || datum === null || (tijd !== null && !tijd.ok)) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      soort: soort.value,
      bereikt,
      datum,
      tijd: tijd === null ? null : tijd.value,
      dagdeel: tijd === null ? null : dagdeelOfClock(tijd.value),
      notitie: note,
    },
  };
}

export const CORRECTION_FIELDS = ['bereikt', 'notitie'] as const;

/** What a correction of a stored attempt may change: whether the resident was reached, and the note. */
export function parseCorrectionForm(form: Record<string, unknown>): Parsed<{ bereikt: boolean; notitie: string | null }> {
  const errors: FieldErrors = {};
  const bereikt = reached(form, errors);
  const notitie = noteOf(form, errors);
  if (bereikt === null || notitie === undefined) return { ok: false, errors };
  return { ok: true, value: { bereikt, notitie } };
}

export const RESULT_FIELDS = ['resultaat', 'verwezen', 'datum'] as const;

export function parseResultForm(form: Record<string, unknown>, today: IsoDate): Parsed<ResultInput> {
  const errors: FieldErrors = {};
  const resultaat = parseResultCode(text(form, 'resultaat'));
  if (!resultaat.ok) errors.resultaat = 'Kies een resultaat.';
  const referral = text(form, 'verwezen');
  const referredTo = referral === '' ? null : parseReferral(referral);
  if (referredTo !== null && !referredTo.ok) errors.verwezen = 'Kies een verwijzing uit de lijst, of geen.';
  const closedOn = pastDate(text(form, 'datum'), today, errors);
  if (!resultaat.ok || closedOn === null || (referredTo !== null && !referredTo.ok)) return { ok: false, errors };
  return { ok: true, value: { resultaat: resultaat.value, referredTo: referredTo === null ? null : referredTo.value, closedOn } };
}

/** A worklist form ('poging' or 'resultaat') as the entry `eropaf contact` or `eropaf close` would record. */
export function parseFollowUpForm(kind: 'poging' | 'resultaat', ref: string, form: Record<string, unknown>, today: IsoDate): Parsed<FollowUpEntry> {
  if (kind === 'poging') {
    const contact = parseAttemptForm(form, today);
    // A card left at a house visit, as `contact --card`.
    const card = text(form, 'kaartje') === 'ja';
    return contact.ok ? { ok: true, value: { ref, contact: contact.value, ...(card && { card: true }), result: null } } : contact;
  }
  const result = parseResultForm(form, today);
  return result.ok ? { ok: true, value: { ref, contact: null, result: result.value } } : result;
}
