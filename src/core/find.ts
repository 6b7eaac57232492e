// Finding a household when a resident calls back: what the worker typed is a melding reference,
// a postcode with house number, a phone number or a name. The query decides which one; the
// household's meldingen over all months are then shown with their state.

import { UsageError } from './errors.js';
import { normaliseToevoeging, parsePostcode } from './fields/address.js';
import type { Eindresultaat } from './followup.js';
import { parseRef } from './reference.js';
import type { DecisionKind } from './triage/types.js';
import type { Month } from './types.js';

export type FindQuery =
  | { kind: 'melding'; month: Month; seq: number }
  | { kind: 'adres'; postcode: string; huisnummer: string; toevoeging: string | null }
  | { kind: 'telefoon'; digits: string }
  | { kind: 'naam'; text: string };

// 2101AB 12, 2101 ab 12a, 2101AB 12-2, 2101AB, 12 A
const ADDRESS = /^(\d{4}\s*[a-z]{2})[\s,]+(\d{1,5})(?:\s*[-\s]?\s*([a-z0-9][a-z0-9 ]{0,9}))?$/i;
const PHONE_CHARS = /[\s\-().]/g;
const PHONE = /^(?:\+31|0031|0)(\d{9})$/;

/** National form of a Dutch phone number (`0612345678`), or null when the text is none. */
export function normalisePhone(text: string): string | null {
  const match = PHONE.exec(text.replace(PHONE_CHARS, ''));
  return match === null ? null : `0${match[1]}`;
}

/** Reads what the worker typed; a UsageError when it is none of the four. */
export function parseFindQuery(text: string): FindQuery {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const ref = parseRef(trimmed);
  if (ref !== null) return { kind: 'melding', ...ref };
  const address = ADDRESS.exec(trimmed);
  if (address !== null) {
    const postcode = parsePostcode(address[1]!);
    if (postcode.ok) {
      const toevoeging = address[3] === undefined ? null : normaliseToevoeging(address[3]);
      return { kind: 'adres', postcode: postcode.value, huisnummer: String(Number(address[2])), toevoeging };
    }
  }
  const phone = normalisePhone(trimmed);
  if (phone !== null) return { kind: 'telefoon', digits: phone };
  if (/\p{L}.*\p{L}/u.test(trimmed) && !/\d/.test(trimmed)) return { kind: 'naam', text: trimmed };
  throw new UsageError('Eropaf zoekt op een meldingnummer, een postcode met huisnummer, een telefoonnummer of een naam; dit is geen van die vier.', {
    hint: 'Bijvoorbeeld: eropaf find 2022-01-017, eropaf find "2101AB 12", eropaf find 06-12345678 of eropaf find "de Vries" (een naam heeft minstens twee letters en geen cijfers).',
  });
}

/** What the worker sees of a melding's state, in Dutch. */
export type MeldingStateLabel = 'niet getrieerd' | 'open' | 'opgevolgd' | 'afgesloten' | 'uitgesteld' | 'niet opgepakt';

export function meldingStateLabel(melding: {
  decision: DecisionKind | null;
  opgevolgd: boolean;
  result: Eindresultaat | null;
}): MeldingStateLabel {
  if (melding.result !== null) return melding.opgevolgd ? 'afgesloten' : 'niet opgepakt';
  if (melding.opgevolgd) return 'opgevolgd';
  switch (melding.decision) {
    case null:
      return 'niet getrieerd';
    case 'altijd':
    case 'capaciteit':
      return 'open';
    case 'uitgesteld':
      return 'uitgesteld';
    case 'niet-opgepakt':
      return 'niet opgepakt';
  }
}

/** A melding of a found household, as the store reads it. */
export interface FoundMelding {
  ref: string;
  month: Month;
  category: 'enkelvoudig' | 'meervoudig';
  decision: DecisionKind | null;
  worker: string | null;
  opgevolgd: boolean;
  result: Eindresultaat | null;
  closedOn: string | null;
  contacts: number;
  lastContact: string | null;
  totalCents: number;
  /** the creditors (or kinds of creditor) that signalled */
  organisations: string[];
  /** personal data removed after the retention term */
  purged: boolean;
}

/** Who the signals name at the address; `bsn` is raw here and masked before it is shown. */
export interface FoundPerson {
  naam: string | null;
  telefoon: string | null;
  email: string | null;
  bsn: string | null;
}

/** A found household's address on one line: street and number, then postcode and place. */
export function householdAddress(address: FoundHousehold['address']): string {
  const street = [address.straatnaam, address.huisnummer, address.toevoeging].filter((p) => p !== null && p !== '').join(' ');
  return [street, [address.postcode, address.plaatsnaam].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** What is known of a person on one line (empty when nothing is); the BSN as given, so masked first. */
export function personLine(person: FoundPerson): string {
  return [person.naam, person.telefoon && `tel. ${person.telefoon}`, person.email, person.bsn && `BSN ${person.bsn}`].filter(Boolean).join(', ');
}

export interface FoundHousehold {
  address: { postcode: string; huisnummer: string | null; toevoeging: string | null; straatnaam: string | null; plaatsnaam: string | null };
  people: FoundPerson[];
  /** oldest first */
  meldingen: FoundMelding[];
}
