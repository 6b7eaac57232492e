// One row of a municipality's monthly export, with typed values but not yet formatted as text:
// dialect.ts decides how dates, amounts and booleans are written.

import type { Geslacht, IsoDate, Month, Signaalpartner } from '../core/types.js';
import type { SyntheticAddress, SyntheticPerson } from './people.js';

export interface SignalRow {
  /** The kenmerk, `VS-2022-000123`; null for the rare signal a list ships without one. */
  signaalId: string | null;
  signaaldatum: IsoDate;
  ontstaansdatum: IsoDate;
  signaalpartner: Signaalpartner;
  schuldeiser: string;
  bedragCents: number;
  crisissignaal: boolean;
  warmeOverdracht: boolean;
  bsn: string | null;
  voorletters: string;
  /** '' when none. */
  voorvoegsel: string;
  achternaam: string;
  geboortedatum: IsoDate;
  geslacht: Geslacht;
  straatnaam: string;
  huisnummer: string;
  /** '' when none. */
  toevoeging: string;
  /** `2101 AB` */
  postcode: string;
  plaatsnaam: string;
  telefoon: string | null;
  email: string | null;
}

/** The columns about the resident and the address, the same in every generated list. */
export function residentFields(
  person: SyntheticPerson,
  address: SyntheticAddress,
): Pick<
  SignalRow,
  | 'voorletters' | 'voorvoegsel' | 'achternaam' | 'geboortedatum' | 'geslacht' | 'straatnaam'
  | 'huisnummer' | 'toevoeging' | 'postcode' | 'plaatsnaam' | 'telefoon' | 'email'
> {
  return {
    voorletters: person.voorletters,
    voorvoegsel: person.voorvoegsel,
    achternaam: person.achternaam,
    geboortedatum: person.geboortedatum,
    geslacht: person.geslacht,
    straatnaam: address.straatnaam,
    huisnummer: address.huisnummer,
    toevoeging: address.toevoeging,
    postcode: address.postcode,
    plaatsnaam: address.plaatsnaam,
    telefoon: person.telefoon,
    email: person.email,
  };
}

/** Column order of the export (the order of the Dutch Excel headers). */
export const ROW_FIELDS = [
  'signaalId',
  'signaaldatum',
  'ontstaansdatum',
  'signaalpartner',
  'schuldeiser',
  'bedragCents',
  'bsn',
  'voorletters',
  'voorvoegsel',
  'achternaam',
  'geboortedatum',
  'geslacht',
  'straatnaam',
  'huisnummer',
  'toevoeging',
  'postcode',
  'plaatsnaam',
  'telefoon',
  'email',
  'crisissignaal',
  'warmeOverdracht',
] as const satisfies readonly (keyof SignalRow)[];

export type RowField = (typeof ROW_FIELDS)[number];

// Fails to compile when a SignalRow field is missing from ROW_FIELDS, so no column is forgotten.
const everyFieldListed: [Exclude<keyof SignalRow, RowField>] extends [never] ? true : never = true;
void everyFieldListed;

/** The list month a row belongs to (the month of its signaaldatum). */
export function rowMonth(row: SignalRow): Month {
  return row.signaaldatum.slice(0, 7);
}

/** The household key the domain uses: normalised postcode + huisnummer + toevoeging. */
export function householdKey(row: Pick<SignalRow, 'postcode' | 'huisnummer' | 'toevoeging'>): string {
  return `${row.postcode.replace(/\s+/g, '').toUpperCase()}|${row.huisnummer}|${row.toevoeging.trim().toUpperCase()}`;
}

/** The rows of a list that runs over several months, month by month (the rows come in month order). */
export function* rowsByMonth(rows: Iterable<SignalRow>): Generator<{ month: Month; rows: SignalRow[] }> {
  let current: { month: Month; rows: SignalRow[] } | null = null;
  for (const row of rows) {
    const month = rowMonth(row);
    if (current !== null && current.month !== month) {
      yield current;
      current = null;
    }
    current ??= { month, rows: [] };
    current.rows.push(row);
  }
  if (current !== null) yield current;
}
