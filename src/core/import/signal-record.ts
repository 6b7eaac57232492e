import { ageGroup } from '../report/age-group.js';
import type { Signal } from '../types.js';
import { dedupKey, organisationKey } from './keys.js';

// A signal as it is kept: the keys that identify it and its fields, flat, in one fixed order.
// The import hands a million of these from its reader thread to the store, so a flat array beats
// an object; the order is defined here once, for the reader's packing and the store's columns.

export const SIGNAL_RECORD_FIELDS = [
  'dedup_key',
  'organisation_key',
  'signaal_id',
  'signaaldatum',
  'ontstaansdatum',
  'signaalpartner',
  'schuldeiser',
  'bedrag_cents',
  'crisissignaal',
  'warme_overdracht',
  'bsn',
  'voorletters',
  'voorvoegsel',
  'achternaam',
  'naam',
  'geboortedatum',
  'leeftijdsgroep',
  'geslacht',
  'straatnaam',
  'plaatsnaam',
  'telefoon',
  'email',
] as const;

export type SignalRecordField = (typeof SIGNAL_RECORD_FIELDS)[number];

/** The fields that hold a whole number (cents, or 0/1); every other field holds text or null. */
export const NUMBER_FIELDS: ReadonlySet<SignalRecordField> = new Set(['bedrag_cents', 'crisissignaal', 'warme_overdracht']);

/** The values of SIGNAL_RECORD_FIELDS, in that order. */
export type SignalRecord = Array<string | number | null>;

export function signalRecord(signal: Signal): SignalRecord {
  const { person } = signal;
  return [
    dedupKey(signal),
    organisationKey(signal),
    signal.signaalId,
    signal.signaaldatum,
    signal.ontstaansdatum,
    signal.signaalpartner,
    signal.schuldeiser,
    signal.bedragCents,
    signal.crisissignaal ? 1 : 0,
    signal.warmeOverdracht ? 1 : 0,
    person.bsn,
    person.voorletters,
    person.voorvoegsel,
    person.achternaam,
    person.naam,
    person.geboortedatum,
    // Kept with the signal, so that the age figures survive the purge of birth dates.
    ageGroup(person.geboortedatum, signal.signaaldatum),
    person.geslacht,
    person.straatnaam,
    person.plaatsnaam,
    person.telefoon,
    person.email,
  ];
}
