// Generators for fictional people and addresses as they appear on a monthly list.

import type { Geslacht, IsoDate } from '../core/types.js';
import { generateTestBsn } from './bsn.js';
import { epochDay, isoFromEpochDay, splitIso } from './dates.js';
import {
  EMAIL_DOMAINS,
  INITIALS_FEMALE,
  INITIALS_MALE,
  PLAATSNAAM,
  POSTCODE_LETTER_PAIRS,
  POSTCODE_NUMBERS,
  PREFIX_SHARE,
  PREFIXED_SURNAMES,
  STREETS,
  SURNAMES,
  TOEVOEGINGEN,
} from './names.js';
import { mixSeed, type Random, type Weighted } from './random.js';

export { allTestBsns, generateTestBsn, passesElfproef, TEST_BSN_PREFIX } from './bsn.js';

export interface SyntheticPerson {
  /** A 9999… test BSN, or null (about 30% of people have none on the lists). */
  bsn: string | null;
  /** `J.H.` style. */
  voorletters: string;
  /** '' when there is none. */
  voorvoegsel: string;
  achternaam: string;
  geboortedatum: IsoDate;
  geslacht: Geslacht;
  /** `06-99xx xxxx`, or null. */
  telefoon: string | null;
  email: string | null;
}

export interface SyntheticAddress {
  straatnaam: string;
  /** Digits only, 1-250. */
  huisnummer: string;
  /** '' when there is none. */
  toevoeging: string;
  /** `2101 AB` (with a space, as lists usually write it). */
  postcode: string;
  plaatsnaam: string;
}

export const BSN_SHARE = 0.7;

const GENDERS: Weighted<Geslacht> = [['Vrouw', 50], ['Man', 49], ['Onbekend', 1]];

export function generateGeslacht(rng: Random): Geslacht {
  return rng.weighted(GENDERS);
}

const INITIAL_COUNTS: Weighted<number> = [[1, 45], [2, 40], [3, 15]];

/** One to three initials, `J.` or `A.M.C.`. */
export function generateVoorletters(rng: Random, geslacht: Geslacht): string {
  const pool = geslacht === 'Man' ? INITIALS_MALE : geslacht === 'Vrouw' ? INITIALS_FEMALE : rng.chance(0.5) ? INITIALS_MALE : INITIALS_FEMALE;
  const count = rng.weighted(INITIAL_COUNTS);
  let result = '';
  for (let i = 0; i < count; i++) result += `${rng.weighted(pool)}.`;
  return result;
}

export function generateSurname(rng: Random): { voorvoegsel: string; achternaam: string } {
  if (rng.chance(PREFIX_SHARE)) {
    const [voorvoegsel, achternaam] = rng.weighted(PREFIXED_SURNAMES);
    return { voorvoegsel, achternaam };
  }
  return { voorvoegsel: '', achternaam: rng.weighted(SURNAMES) };
}

/** Ages at the reference date, weighted to working age: arrears are rarest among the very old. */
const AGE_BANDS: Weighted<readonly [number, number]> = [
  [[18, 24], 10], [[25, 34], 24], [[35, 44], 24], [[45, 54], 20], [[55, 66], 14], [[67, 90], 8],
];

export function generateBirthDate(rng: Random, referenceDate: IsoDate): IsoDate {
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const age = rng.int(minAge, maxAge);
  const { year, month, day } = splitIso(referenceDate);
  // A birthday in the year up to the reference date's "age" birthday keeps the age exact
  // (day capped at 28 so 29 February never needs a special case).
  const latest = epochDay(year - age, month, Math.min(day, 28));
  return isoFromEpochDay(latest - rng.int(0, 364));
}

/**
 * `06-99xx xxxx`: the 06-9 block is not issued to mobile subscribers (mobile numbers start with
 * 061-065 and 068), so a generated number cannot ring anyone's phone.
 */
export function generatePhone(rng: Random): string {
  return `06-99${digits(rng, 2)} ${digits(rng, 4)}`;
}

export function generateEmail(rng: Random, voorletters: string, voorvoegsel: string, achternaam: string): string {
  const surname = asciiLocalPart(voorvoegsel + achternaam);
  const initials = asciiLocalPart(voorletters);
  const domain = rng.pick(EMAIL_DOMAINS);
  const style = rng.int(0, 2);
  if (style === 0) return `${initials.slice(0, 1)}.${surname}@${domain}`;
  if (style === 1) return `${surname}${rng.int(1, 99)}@${domain}`;
  return `${initials}${surname}@${domain}`;
}

export interface PersonOptions {
  referenceDate: IsoDate;
  /** Overrides the random BSN choice: a given (distinct) BSN, or null for none. */
  bsn?: string | null;
  /** When given, the person shares this surname (a partner or child often does). */
  surname?: { voorvoegsel: string; achternaam: string };
}

export function generatePerson(rng: Random, options: PersonOptions): SyntheticPerson {
  const geslacht = generateGeslacht(rng);
  const voorletters = generateVoorletters(rng, geslacht);
  const { voorvoegsel, achternaam } = options.surname ?? generateSurname(rng);
  const geboortedatum = generateBirthDate(rng, options.referenceDate);
  // Drawn even when overridden, so an override does not shift the rest of the random stream.
  const hasBsn = rng.chance(BSN_SHARE);
  const bsn = options.bsn !== undefined ? options.bsn : hasBsn ? generateTestBsn(rng) : null;
  const telefoon = rng.chance(0.75) ? generatePhone(rng) : null;
  const email = rng.chance(0.45) ? generateEmail(rng, voorletters, voorvoegsel, achternaam) : null;
  return { bsn, voorletters, voorvoegsel, achternaam, geboortedatum, geslacht, telefoon, email };
}

/** Postcodes with their street: one street per postcode, a long street spans several postcodes. */
export function postcodeCount(): number {
  return POSTCODE_NUMBERS.length * POSTCODE_LETTER_PAIRS.length;
}

export function postcodeAt(index: number): string {
  const numbers = POSTCODE_NUMBERS[Math.floor(index / POSTCODE_LETTER_PAIRS.length) % POSTCODE_NUMBERS.length];
  const letters = POSTCODE_LETTER_PAIRS[index % POSTCODE_LETTER_PAIRS.length];
  return `${numbers} ${letters}`;
}

export function streetForPostcode(postcodeIndex: number): string {
  return STREETS[mixSeed('street', postcodeIndex) % STREETS.length] as string;
}

export const MAX_HUISNUMMER = 250;

/** A random address (not guaranteed distinct; populations use address slots for that). */
export function generateAddress(rng: Random): SyntheticAddress {
  const postcodeIndex = rng.int(0, postcodeCount() - 1);
  return {
    straatnaam: streetForPostcode(postcodeIndex),
    huisnummer: String(rng.int(1, MAX_HUISNUMMER)),
    toevoeging: rng.chance(0.12) ? rng.pick(TOEVOEGINGEN) : '',
    postcode: postcodeAt(postcodeIndex),
    plaatsnaam: PLAATSNAAM,
  };
}

function digits(rng: Random, count: number): string {
  let result = '';
  for (let i = 0; i < count; i++) result += String(rng.int(0, 9));
  return result;
}

/** Names come from short lists, so the slow Unicode normalisation runs once per name. */
const localParts = new Map<string, string>();

function asciiLocalPart(text: string): string {
  let part = localParts.get(text);
  if (part === undefined) {
    part = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    if (localParts.size < 10_000) localParts.set(text, part);
  }
  return part;
}
