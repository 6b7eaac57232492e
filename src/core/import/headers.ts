import { DataError } from '../errors.js';

// The fields a monthly list can carry, with the header names that real exports use for them.
// Headers are compared after `normaliseHeader`, so "Datum signaal", "datum_signaal" and
// "DATUM-SIGNAAL" are one and the same.

export const FIELDS = [
  'signaal_id',
  'signaaldatum',
  'ontstaansdatum',
  'signaalpartner',
  'schuldeiser',
  'bedrag',
  'bsn',
  'voorletters',
  'voorvoegsel',
  'achternaam',
  'naam',
  'geboortedatum',
  'geslacht',
  'straatnaam',
  'huisnummer',
  'huisnummertoevoeging',
  'postcode',
  'plaatsnaam',
  'telefoon',
  'email',
  'crisissignaal',
  'warme_overdracht',
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = [
  'signaaldatum',
  'signaalpartner',
  'bedrag',
  'huisnummer',
  'postcode',
];

/** Header names accepted besides the field name itself. */
export const FIELD_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  signaal_id: ['id', 'kenmerk', 'signaalid'],
  signaaldatum: ['datum signaal', 'datum'],
  ontstaansdatum: ['datum ontstaan'],
  signaalpartner: ['type signaalpartner', 'soort schuld', 'type'],
  schuldeiser: ['vastelastenpartner', 'organisatie', 'schuldeiser naam'],
  bedrag: ['achterstand', 'bedrag achterstand', 'achterstandsbedrag'],
  bsn: ['burgerservicenummer'],
  voorletters: [],
  voorvoegsel: [],
  achternaam: [],
  naam: [],
  geboortedatum: [],
  geslacht: [],
  straatnaam: ['straat', 'adres'],
  huisnummer: [],
  huisnummertoevoeging: ['toevoeging', 'huisletter'],
  postcode: [],
  plaatsnaam: ['woonplaats', 'plaats'],
  telefoon: ['telefoonnummer', 'mobiel'],
  email: ['e-mail', 'e-mailadres'],
  crisissignaal: [],
  warme_overdracht: [],
};

/** Case, spaces, `_`, `-` and `.` carry no meaning in a header. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_.\-]+/g, '');
}

const FIELD_BY_HEADER: ReadonlyMap<string, Field> = new Map(
  FIELDS.flatMap((field) =>
    [field, ...FIELD_ALIASES[field]].map((name) => [normaliseHeader(name), field] as const),
  ),
);

export function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/** Where each known field sits in the rows of one file. */
export interface HeaderMap {
  /** Column index per field found. */
  readonly index: ReadonlyMap<Field, number>;
  /** The header exactly as the file writes it, per column index (for messages). */
  readonly headers: readonly string[];
  /** Headers that match no field: ignored, and listed once in the summary. */
  readonly ignored: readonly string[];
}

/**
 * Matches the header row of a file to the fields. `customMap` (from `--map`) maps further
 * header names onto fields and takes precedence over the built-in names.
 * Throws a DataError when a required field is missing or two columns claim the same field.
 */
export function mapHeaders(
  headers: readonly string[],
  customMap: ReadonlyMap<string, Field> = new Map(),
): HeaderMap {
  const custom = new Map([...customMap].map(([name, field]) => [normaliseHeader(name), field]));
  const index = new Map<Field, number>();
  const claimedBy = new Map<Field, string>();
  const ignored: string[] = [];

  headers.forEach((header, column) => {
    const key = normaliseHeader(header);
    if (key === '') {
      // Excel leaves empty header cells behind trailing columns; they carry nothing.
      return;
    }
    const field = custom.get(key) ?? FIELD_BY_HEADER.get(key);
    if (field === undefined) {
      ignored.push(header);
      return;
    }
    const earlier = claimedBy.get(field);
    if (earlier !== undefined) {
      throw new DataError(
        `De kolommen "${earlier}" en "${header}" betekenen allebei "${field}"; eropaf weet niet welke het moet gebruiken.`,
        { hint: 'Verwijder of hernoem een van de twee kolommen, of wijs ze met --map aan een ander veld toe.' },
      );
    }
    claimedBy.set(field, header);
    index.set(field, column);
  });

  const missing = REQUIRED_FIELDS.filter((field) => !index.has(field));
  if (missing.length > 0) {
    const found = headers.filter((h) => h.trim() !== '').map((h) => `"${h}"`);
    throw new DataError(
      `Verplichte kolom${missing.length > 1 ? 'men ontbreken' : ' ontbreekt'}: ${missing.join(', ')}.`,
      {
        details: [`Gevonden kolommen: ${found.length > 0 ? found.join(', ') : '(geen)'}`],
        hint: `Geef de kolom${missing.length > 1 ? 'men' : ''} een van de namen uit de README, of koppel ze met --map koppeling.json (bijvoorbeeld {"Uw kolomnaam": "${missing[0]}"}).`,
      },
    );
  }
  return { index, headers, ignored };
}
