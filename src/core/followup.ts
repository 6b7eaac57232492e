// The vocabulary of following a melding up: the national end results, the kinds of contact
// attempt, the part of day, where a resident was referred to, and when a melding counts as
// opgevolgd. Each table pairs a short Dutch code for the command line with the national DDAS
// v1.2 value, so that what the workers type is stored as the value an export needs, and so that
// `close --help` and the README can be generated from the same table they are checked against.
//
// Contract shared by the parsers here: the caller passes the raw text (an option value or a cell
// of a filled-in worklist); it is trimmed and compared case-insensitively. Error texts never
// contain the value itself, like the field parsers of the import.

import { parseBoolean } from './fields/flags.js';
import type { IsoDate, Month, Parsed } from './types.js';

interface CodedValue {
  readonly code: string;
  readonly value: string;
  /** One line that says when to choose it, so that colleagues record the same outcome alike. */
  readonly description: string;
}

/** The 16 national end results (DDAS EnumEindresultaat), each with its command-line code. */
export const EINDRESULTATEN = [
  {
    code: 'advies',
    value: '(Budget)advies en/of quick fix',
    description: 'er was contact; advies gegeven of iets direct opgelost (quick fix), zonder verwijzing',
  },
  {
    code: 'geen-contact',
    value: 'Definitief geen contact kunnen krijgen',
    description: 'ondanks meerdere pogingen (telefoon, brief, huisbezoek) nooit contact gekregen',
  },
  {
    code: 'geen-reactie',
    value: 'Geen reactie na eerder contact',
    description: 'wel contact gehad, daarna reageerde de inwoner niet meer en is de zaak gestopt',
  },
  {
    code: 'bekend-shv',
    value: 'Inwoner al bekend bij schuldhulpverlening',
    description: 'inwoner zit al in een traject bij de schuldhulpverlening; geen nieuwe verwijzing',
  },
  {
    code: 'ander-traject',
    value: 'Inwoner heeft al een ander lopend traject',
    description: 'inwoner heeft al hulp bij geldzaken via een ander lopend traject (bv. bewind, AMW)',
  },
  {
    code: 'zelf-betaald',
    value: 'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
    description: 'de achterstand is al betaald of er is al een betalingsregeling met de schuldeiser',
  },
  {
    code: 'overleden',
    value: 'Inwoner is overleden',
    description: 'de inwoner is overleden (bericht van gemeente, familie of schuldeiser)',
  },
  {
    code: 'regelt-zelf',
    value: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
    description: 'contact gehad; inwoner regelt het zelf of wil geen hulp, zonder advies (met advies: kies advies)',
  },
  {
    code: 'niet-opgepakt-anders',
    value: 'Niet opgepakt: andere reden',
    description: 'niet opgepakt om een andere reden, bijvoorbeeld te weinig capaciteit',
  },
  {
    code: 'niet-opgepakt-herhaald',
    value: 'Niet opgepakt: herhaalde melding',
    description: 'niet opgepakt: zelfde schuldeiser en achterstand, kort geleden al opgevolgd',
  },
  {
    code: 'niet-opgepakt-onterecht',
    value: 'Niet opgepakt: onterecht signaal',
    description: 'niet opgepakt: het signaal klopt niet of valt onder de afgesproken drempel',
  },
  {
    code: 'geen-inwoner',
    value: 'Persoon is geen inwoner (meer) in de gemeente',
    description: 'de persoon woont niet (meer) in de gemeente',
  },
  {
    code: 'vervolghulp',
    value: 'Vervolghulp en/of verwijzing',
    description: 'doorverwezen of vervolghulp ingezet, zowel financieel als niet-financieel',
  },
  {
    code: 'vervolghulp-financieel',
    value: 'Vervolghulp en/of verwijzing financieel',
    description: 'doorverwezen naar financiële hulp: schuldhulpverlening, budgetcoaching, formulierenhulp',
  },
  {
    code: 'vervolghulp-niet-financieel',
    value: 'Vervolghulp en/of verwijzing niet financieel',
    description: 'doorverwezen naar niet-financiële hulp, zoals AMW, wijkteam of zorg',
  },
  {
    code: 'verwijzing-zonder-inwoner',
    value: 'Verwijzing zonder tussenkomst inwoner',
    description: 'overgedragen aan een andere hulpverlener zonder dat de inwoner zelf meedeed',
  },
] as const satisfies readonly CodedValue[];

export type Eindresultaat = (typeof EINDRESULTATEN)[number]['value'];

/** The three results that mean the melding was not picked up: they do not make it opgevolgd. */
export const NOT_PICKED_UP_RESULTS = [
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
] as const satisfies readonly Eindresultaat[];

const NOT_PICKED_UP: ReadonlySet<Eindresultaat> = new Set(NOT_PICKED_UP_RESULTS);

/**
 * A melding counts as opgevolgd once it has at least one contact attempt, or a result other than
 * the three Niet opgepakt values (a result such as "Inwoner is overleden" can be reached without
 * any attempt, for instance from the municipality's records, and still is follow-up work done).
 */
export function isOpgevolgd(contactAttempts: number, result: Eindresultaat | null): boolean {
  if (contactAttempts > 0) return true;
  return result !== null && !NOT_PICKED_UP.has(result);
}

/**
 * A melding that is part of a case (one that joined a case in progress, or the case's first
 * melding) is also opgevolgd once the household is contacted in that case after the melding's
 * list arrived: an attempt on another melding of the case dated on or after the first day of the
 * melding's list month. Each month's list thus counts its own melding once the household is
 * contacted after that list came in; an attempt before it counts only for the earlier list.
 *
 * @param caseAttemptDates the dates of the attempts on the other meldingen of the case
 */
export function isOpgevolgdInCase(
  contactAttempts: number,
  result: Eindresultaat | null,
  listMonth: Month,
  caseAttemptDates: readonly IsoDate[],
): boolean {
  if (isOpgevolgd(contactAttempts, result)) return true;
  const listArrived = `${listMonth}-01`;
  // ISO dates compare correctly as strings.
  return caseAttemptDates.some((date) => date >= listArrived);
}

/** The ten national kinds of contact attempt (DDAS EnumContactsoort) with their codes. */
export const CONTACTSOORTEN = [
  { code: 'telefoon', value: 'Telefoon', aliases: ['tel', 'telefonisch', 'gebeld'] },
  { code: 'huisbezoek', value: 'Huisbezoek', aliases: ['bezoek'] },
  { code: 'brief', value: 'Brief', aliases: [] },
  { code: 'kaartje', value: 'Kaartje', aliases: ['kaart', 'flyer'] },
  { code: 'mail', value: 'Mail', aliases: ['e-mail', 'email'] },
  { code: 'sms', value: 'SMS/Whatsapp', aliases: ['whatsapp', 'app'] },
  { code: 'afspraak', value: 'Afspraak op locatie', aliases: [] },
  { code: 'administratief', value: 'Administratief', aliases: [] },
  { code: 'overige', value: 'Overige', aliases: ['overig', 'anders'] },
  { code: 'onbekend', value: 'Onbekend', aliases: [] },
] as const satisfies readonly { code: string; value: string; aliases: readonly string[] }[];

export type Contactsoort = (typeof CONTACTSOORTEN)[number]['value'];

export const DAGDELEN = ['Ochtend', 'Middag', 'Avond'] as const;
export type Dagdeel = (typeof DAGDELEN)[number];

/** Where `close --referred-to` can say the resident was referred to. */
export const REFERRAL_TARGETS = [
  { code: 'amw', description: 'algemeen maatschappelijk werk' },
  { code: 'schuldhulpverlening', description: 'schuldhulpverlening van de gemeente' },
  { code: 'budgetcoaching', description: 'budgetcoaching' },
  { code: 'formulierenhulp', description: 'formulierenhulp' },
  { code: 'anders', description: 'een andere organisatie' },
] as const satisfies readonly { code: string; description: string }[];

export type ReferralTarget = (typeof REFERRAL_TARGETS)[number]['code'];

// Lookups: trimmed, lowercased and with runs of spaces folded, so that a value copied from a
// report or typed with a double space still matches.
function lookupKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function buildLookup<T>(entries: Iterable<[string, T]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [word, value] of entries) {
    const key = lookupKey(word);
    // A word under two values would make the result depend on table order: a programming error.
    if (map.has(key) && map.get(key) !== value) throw new Error(`followup word under two values: ${key}`);
    map.set(key, value);
  }
  return map;
}

const RESULT_LOOKUP = buildLookup<Eindresultaat>(
  EINDRESULTATEN.flatMap((r): [string, Eindresultaat][] => [
    [r.code, r.value],
    [r.value, r.value],
  ]),
);

const CONTACTSOORT_LOOKUP = buildLookup<Contactsoort>(
  CONTACTSOORTEN.flatMap((c): [string, Contactsoort][] => [
    [c.code, c.value],
    [c.value, c.value],
    ...c.aliases.map((a): [string, Contactsoort] => [a, c.value]),
  ]),
);

const DAGDEEL_LOOKUP = buildLookup<Dagdeel>(DAGDELEN.map((d): [string, Dagdeel] => [d, d]));

const REFERRAL_LOOKUP = buildLookup<ReferralTarget>(
  REFERRAL_TARGETS.flatMap((r): [string, ReferralTarget][] => [
    [r.code, r.code],
    [r.description, r.code],
  ]),
);

const BAD_RESULT: Parsed<Eindresultaat> = {
  ok: false,
  expected: `een resultaatcode: ${EINDRESULTATEN.map((r) => r.code).join(', ')}`,
  hint: 'De landelijke tekst van het resultaat mag ook; eropaf close --help geeft de betekenis van elke code.',
};

const BAD_CONTACTSOORT: Parsed<Contactsoort> = {
  ok: false,
  expected: `een soort contact: ${CONTACTSOORTEN.map((c) => c.code).join(', ')}`,
};

const BAD_DAGDEEL: Parsed<Dagdeel> = { ok: false, expected: 'een dagdeel: ochtend, middag of avond' };

// A failure is the same for any parsed type: one constant serves the time and its part of day.
const BAD_TIME: { ok: false; expected: string } = {
  ok: false,
  expected: 'een tijd als UU:MM, bijvoorbeeld 14:30',
};

const BAD_REFERRAL: Parsed<ReferralTarget> = {
  ok: false,
  expected: `een verwijzing: ${REFERRAL_TARGETS.map((r) => r.code).join(', ')}`,
};

const BAD_JA_NEE: Parsed<boolean> = { ok: false, expected: 'ja of nee' };

/** Parses a result: the short code (`advies`) or the full national text, case-insensitively. */
export function parseResultCode(text: string): Parsed<Eindresultaat> {
  const value = RESULT_LOOKUP.get(lookupKey(text));
  return value === undefined ? BAD_RESULT : { ok: true, value };
}

/**
 * Parses a kind of contact attempt: the code (`sms`), the national value (`SMS/Whatsapp`) or a
 * common word for it (`whatsapp`, `e-mail`), case-insensitively.
 */
export function parseContactsoort(text: string): Parsed<Contactsoort> {
  const value = CONTACTSOORT_LOOKUP.get(lookupKey(text));
  return value === undefined ? BAD_CONTACTSOORT : { ok: true, value };
}

/** Parses `ochtend`, `middag` or `avond`, case-insensitively. */
export function parseDagdeel(text: string): Parsed<Dagdeel> {
  const value = DAGDEEL_LOOKUP.get(lookupKey(text));
  return value === undefined ? BAD_DAGDEEL : { ok: true, value };
}

// H:MM or HH:MM, optionally with seconds; a dot is accepted too, as Dutch often writes 14.30.
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

/** A clock time as `HH:MM` (seconds dropped), from H:MM, HH:MM or 14.30, with optional seconds. */
export function parseClockTime(text: string): Parsed<string> {
  const m = TIME.exec(text.trim());
  if (m === null) return BAD_TIME;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59 || seconds > 59) return BAD_TIME;
  return { ok: true, value: `${String(hours).padStart(2, '0')}:${m[2]}` };
}

/**
 * The part of day of a clock time, with the national boundaries: Ochtend before 12:00, Middag
 * from 12:00 to before 18:00, Avond from 18:00.
 */
export function dagdeelOfTime(text: string): Parsed<Dagdeel> {
  const time = parseClockTime(text);
  return time.ok ? { ok: true, value: dagdeelOfClock(time.value) } : BAD_TIME;
}

/** The part of day of a time as parseClockTime gives it (`HH:MM`). */
export function dagdeelOfClock(time: string): Dagdeel {
  const hours = Number(time.slice(0, 2));
  if (hours < 12) return 'Ochtend';
  if (hours < 18) return 'Middag';
  return 'Avond';
}

/**
 * Parses the `bereikt` answer: ja or nee, with the same spellings a yes/no column of the import
 * accepts (j/n, x for a ticked box), since the workers fill it in the same spreadsheet.
 */
export function parseJaNee(text: string): Parsed<boolean> {
  if (text.trim() === '') return BAD_JA_NEE;
  const parsed = parseBoolean(text);
  return parsed.ok ? parsed : BAD_JA_NEE;
}

/** Parses a `--referred-to` target: the code or its description, case-insensitively. */
export function parseReferral(text: string): Parsed<ReferralTarget> {
  const value = REFERRAL_LOOKUP.get(lookupKey(text));
  return value === undefined ? BAD_REFERRAL : { ok: true, value };
}
