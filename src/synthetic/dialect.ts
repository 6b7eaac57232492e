// Writing rows as CSV text in the dialects municipalities' files come in. Everything that varies
// between real exports (delimiter, decimal mark, date format, BOM, line ending, header names,
// euro signs) is a dialect setting, so one set of rows yields every variant an import must read.
// Encoding to bytes is a separate step (encoding.ts): the same text may be saved as UTF-8,
// UTF-16 or Windows-1252.

import type { IsoDate } from '../core/types.js';
import { ROW_FIELDS, type RowField, type SignalRow } from './row.js';

export { encodeUtf16le, encodeUtf8, encodeWindows1252 } from './encoding.js';

export type DateFormat = 'DD-MM-JJJJ' | 'JJJJ-MM-DD' | 'D-M-JJJJ' | 'DD/MM/JJJJ';

/** `plain`: 1234,56. `euro`: € 1.234,56 (Excel's currency format, thousands grouped). */
export type AmountStyle = 'plain' | 'euro';

export type HeaderNames = Readonly<Record<RowField, string>>;

export interface CsvDialect {
  delimiter: ';' | ',' | '\t';
  decimal: ',' | '.';
  dateFormat: DateFormat;
  /** Start the text with U+FEFF; the encoder turns it into EF BB BF (UTF-8) or FF FE (UTF-16LE). */
  bom: boolean;
  lineEnding: '\r\n' | '\n';
  amountStyle?: AmountStyle;
  headers: HeaderNames;
}

/** The headers of a Dutch municipality's export. */
export const DUTCH_HEADERS: HeaderNames = {
  signaalId: 'Kenmerk',
  signaaldatum: 'Signaaldatum',
  ontstaansdatum: 'Datum ontstaan',
  signaalpartner: 'Type signaalpartner',
  schuldeiser: 'Schuldeiser',
  bedragCents: 'Bedrag achterstand',
  bsn: 'BSN',
  voorletters: 'Voorletters',
  voorvoegsel: 'Voorvoegsel',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  geslacht: 'Geslacht',
  straatnaam: 'Straat',
  huisnummer: 'Huisnummer',
  toevoeging: 'Toevoeging',
  postcode: 'Postcode',
  plaatsnaam: 'Woonplaats',
  telefoon: 'Telefoon',
  email: 'E-mail',
  crisissignaal: 'Crisissignaal',
  warmeOverdracht: 'Warme overdracht',
};

/** Lowercase snake_case headers, as a database export or a supplier's API dump has them. */
export const SNAKE_CASE_HEADERS: HeaderNames = {
  signaalId: 'signaal_id',
  signaaldatum: 'signaaldatum',
  ontstaansdatum: 'ontstaansdatum',
  signaalpartner: 'signaalpartner',
  schuldeiser: 'schuldeiser',
  bedragCents: 'bedrag',
  bsn: 'bsn',
  voorletters: 'voorletters',
  voorvoegsel: 'voorvoegsel',
  achternaam: 'achternaam',
  geboortedatum: 'geboortedatum',
  geslacht: 'geslacht',
  straatnaam: 'straat',
  huisnummer: 'huisnummer',
  toevoeging: 'toevoeging',
  postcode: 'postcode',
  plaatsnaam: 'woonplaats',
  telefoon: 'telefoon',
  email: 'email',
  crisissignaal: 'crisissignaal',
  warmeOverdracht: 'warme_overdracht',
};

/** What Excel writes as "CSV (gescheiden door lijstscheidingsteken)" in UTF-8 on Dutch Windows. */
export const DUTCH_EXCEL: CsvDialect = {
  delimiter: ';',
  decimal: ',',
  dateFormat: 'DD-MM-JJJJ',
  bom: true,
  lineEnding: '\r\n',
  amountStyle: 'plain',
  headers: DUTCH_HEADERS,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatDate(iso: IsoDate, format: DateFormat): string {
  if (!ISO_DATE.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const yyyy = iso.slice(0, 4);
  const mm = iso.slice(5, 7);
  const dd = iso.slice(8, 10);
  switch (format) {
    case 'DD-MM-JJJJ':
      return `${dd}-${mm}-${yyyy}`;
    case 'JJJJ-MM-DD':
      return iso;
    case 'D-M-JJJJ':
      return `${Number(dd)}-${Number(mm)}-${yyyy}`;
    case 'DD/MM/JJJJ':
      return `${dd}/${mm}/${yyyy}`;
  }
}

export function formatAmount(cents: number, decimal: ',' | '.', style: AmountStyle = 'plain'): string {
  if (!Number.isInteger(cents)) throw new RangeError(`amount in cents must be whole: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  if (style === 'plain') return `${sign}${euros}${decimal}${fraction}`;
  const thousands = decimal === ',' ? '.' : ',';
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${sign}€ ${grouped}${decimal}${fraction}`;
}

const NEEDS_QUOTES: Readonly<Record<CsvDialect['delimiter'], RegExp>> = {
  ';': /[;"\r\n]/,
  ',': /[,"\r\n]/,
  '\t': /[\t"\r\n]/,
};

/** Quotes a field when it holds the delimiter, a quote or a line break; quotes are doubled. */
export function quoteField(value: string, delimiter: CsvDialect['delimiter']): string {
  return NEEDS_QUOTES[delimiter].test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type FieldWriter = (row: SignalRow) => string;

function fieldWriter(field: RowField, dialect: CsvDialect): FieldWriter {
  const text = (value: string | null): string => (value === null ? '' : quoteField(value, dialect.delimiter));
  switch (field) {
    case 'bedragCents':
      return (row) => text(formatAmount(row.bedragCents, dialect.decimal, dialect.amountStyle));
    case 'signaaldatum':
    case 'ontstaansdatum':
    case 'geboortedatum':
      return (row) => text(formatDate(row[field], dialect.dateFormat));
    case 'crisissignaal':
    case 'warmeOverdracht':
      return (row) => (row[field] ? 'Ja' : 'Nee');
    default:
      return (row) => text(row[field]);
  }
}

/** Writers per dialect object, built once: a million rows should not re-decide per field. */
const writers = new WeakMap<CsvDialect, readonly FieldWriter[]>();

export function formatRow(row: SignalRow, dialect: CsvDialect): string {
  let fields = writers.get(dialect);
  if (fields === undefined) {
    fields = ROW_FIELDS.map((field) => fieldWriter(field, dialect));
    writers.set(dialect, fields);
  }
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += dialect.delimiter;
    line += (fields[i] as FieldWriter)(row);
  }
  return line;
}

export function formatHeader(dialect: CsvDialect): string {
  return ROW_FIELDS.map((field) => quoteField(dialect.headers[field], dialect.delimiter)).join(dialect.delimiter);
}

/** The file as lines, each with its line ending (the last too, as Excel writes it); streams. */
export function* csvLines(rows: Iterable<SignalRow>, dialect: CsvDialect): Generator<string, void, undefined> {
  yield (dialect.bom ? '\uFEFF' : '') + formatHeader(dialect) + dialect.lineEnding;
  for (const row of rows) yield formatRow(row, dialect) + dialect.lineEnding;
}

export function formatCsv(rows: Iterable<SignalRow>, dialect: CsvDialect): string {
  let text = '';
  for (const line of csvLines(rows, dialect)) text += line;
  return text;
}
