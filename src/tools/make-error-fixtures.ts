// Writes the bad-file corpus in fixtures/fouten/: one small file per kind of error message the
// import can give, named after what is wrong with it. Run after a build:
// `node dist/tools/make-error-fixtures.js`. Deterministic (the rows come from the fixed-seed
// March list of make-fixtures.ts, nothing depends on the clock), so running it twice gives
// byte-identical files; test/e2e/error-fixtures.test.ts fails when the files on disk differ from
// buildErrorFixtures(), and runs the binary on every one of them.
//
// Every file has a month in its name (`…-2022-03.csv`), except zonder-maand.csv, whose error is
// exactly that. Most files are four rows of the March list in the Dutch Excel dialect with one
// thing wrong; the rest are bytes that are not a usable CSV file at all. A few need an option to
// go wrong (an --encoding that does not fit, a --map file) or the March list in the database
// first (kenmerk-bij-ander-adres-dan-eerder): the test says which.
//
// Everything is synthetic: generated names, fictional streets, BSNs from the 9999 test range.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DUTCH_EXCEL, encodeUtf16le, encodeUtf8, encodeWindows1252, formatCsv, quoteField } from '../synthetic/dialect.js';
import type { SignalRow } from '../synthetic/row.js';
import { fixtureLists, projectRoot } from './make-fixtures.js';

export const ERROR_FIXTURES_DIR = 'fixtures/fouten';

export interface ErrorFixtureFile {
  /** The file name inside fixtures/fouten/. */
  name: string;
  bytes: Buffer;
}

/** A list as cells: the header as the file writes it, and the data rows. */
interface Table {
  header: string[];
  rows: string[][];
}

const CRLF = '\r\n';
const BOM = '\ufeff';

/** The first rows of the March fixture list: real-looking rows to break one thing in. */
export function baseRows(count = 4): SignalRow[] {
  const march = fixtureLists().find((list) => list.month === '2022-03');
  if (!march) throw new Error('no March list');
  return march.rows.slice(0, count).map((row) => ({ ...row }));
}

function tableOf(rows: readonly SignalRow[]): Table {
  const text = formatCsv(rows, { ...DUTCH_EXCEL, bom: false });
  const [header, ...data] = parse(text, { delimiter: ';' }) as string[][];
  return { header: header ?? [], rows: data };
}

function base(): Table {
  return tableOf(baseRows());
}

function column(table: Table, header: string): number {
  const index = table.header.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
}

/** A copy of the table with one cell changed (row is 0-based among the data rows). */
function withCell(table: Table, row: number, header: string, value: string): Table {
  const c = column(table, header);
  return { header: table.header, rows: table.rows.map((cells, r) => (r === row ? cells.map((v, i) => (i === c ? value : v)) : cells)) };
}

function renamed(table: Table, from: string, to: string): Table {
  const c = column(table, from);
  return { header: table.header.map((h, i) => (i === c ? to : h)), rows: table.rows };
}

function text(table: Table, delimiter: ';' | ',' | '\t' | '|' = ';'): string {
  const line = (cells: readonly string[]): string =>
    cells.map((cell) => (delimiter === '|' ? cell : quoteField(cell, delimiter))).join(delimiter);
  return [table.header, ...table.rows].map(line).join(CRLF) + CRLF;
}

/** What Excel's "CSV UTF-8" writes: BOM, ';', CRLF. */
function excel(table: Table): Buffer {
  return encodeUtf8(BOM + text(table));
}

/** Replaces exactly one occurrence of `find` in the text of a table (for breaking the CSV itself). */
function replaceOnce(source: string, find: string, replacement: string): string {
  const at = source.indexOf(find);
  if (at < 0 || source.indexOf(find, at + 1) >= 0) throw new Error(`"${find}" is not in the text exactly once`);
  return source.slice(0, at) + replacement + source.slice(at + find.length);
}

/** A valid BSN with its check digit changed: fails the elfproef. */
function breakElfproef(bsn: string): string {
  const last = Number(bsn.slice(-1));
  return bsn.slice(0, -1) + String((last + 1) % 10);
}

export function buildErrorFixtures(): ErrorFixtureFile[] {
  const rows = baseRows();
  const table = base();
  const files: ErrorFixtureFile[] = [];
  const add = (name: string, bytes: Buffer | string): void => {
    files.push({ name, bytes: typeof bytes === 'string' ? encodeUtf8(bytes) : bytes });
  };
  const bad = (name: string, header: string, value: string, row = 1): void => add(name, excel(withCell(table, row, header, value)));
  const firstBsnRow = rows.findIndex((r) => r.bsn !== null);
  const bsn = rows[firstBsnRow]?.bsn;
  if (bsn == null) throw new Error('no row with a BSN');
  const accented = rows.findIndex((r) => /[^\x00-\x7f]/.test(r.achternaam + r.straatnaam + r.schuldeiser));
  if (accented < 0) throw new Error('no row with an accented letter; pick other rows');

  // --- Files that are not a usable list at all --------------------------------------------
  add('leeg-2022-03.csv', Buffer.alloc(0));
  add('alleen-witruimte-2022-03.csv', ' \r\n\t\r\n');
  add('alleen-kopregel-2022-03.csv', encodeUtf8(BOM + text({ header: table.header, rows: [] })));
  // Only empty quoted fields: csv-parse reads no header out of it.
  add('geen-kopregel-2022-03.csv', '""\r\n""\r\n');
  // The start of a PNG image: a NUL byte on the first line.
  add('binair-2022-03.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]));
  // A zip local file header, as every .xlsx starts; and the OLE2 signature of an .xls.
  add('excel-werkmap-2022-03.xlsx.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml', 'latin1')]));
  add('excel-97-werkmap-2022-03.xls.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(24)]));
  add('zonder-maand.csv', excel(table));

  // --- Encodings ------------------------------------------------------------------------------
  const plain = text(table);
  // Windows-1252 bytes (ö, ë, é as single bytes): invalid UTF-8, fine when detected, an error
  // when the user insists on --encoding utf-8.
  add('ongeldige-utf8-met-encoding-optie-2022-03.csv', encodeWindows1252(plain));
  // A UTF-8 BOM followed by Windows-1252 bytes: a file pasted together from two sources.
  add('utf8-bom-met-windows1252-tekens-2022-03.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeWindows1252(plain)]));
  // A good UTF-8 file with BOM; imported with --encoding windows-1252 the BOM contradicts the option.
  add('utf8-bom-met-encoding-optie-windows1252-2022-03.csv', excel(table));
  // UTF-16LE with BOM and an unpaired surrogate in a name: not valid UTF-16.
  const surrogate = withCell(table, 2, 'Achternaam', `${table.rows[2]?.[column(table, 'Achternaam')] ?? ''}\ud800`);
  add('ongeldige-utf16-2022-03.csv', encodeUtf16le(BOM + text(surrogate, '\t')));

  // --- The CSV structure ----------------------------------------------------------------------
  const street = (row: number): string => table.rows[row]?.[column(table, 'Straat')] ?? '';
  add('aanhalingsteken-niet-gesloten-2022-03.csv', encodeUtf8(BOM + replaceOnce(plain, `;${street(2)};`, `;"${street(2)};`)));
  add('tekst-na-aanhalingsteken-2022-03.csv', encodeUtf8(BOM + replaceOnce(plain, `;${street(2)};`, `;"${street(2)}" bis;`)));
  add('aanhalingsteken-midden-in-veld-2022-03.csv', encodeUtf8(BOM + replaceOnce(plain, `;${street(2)};`, `;${street(2)} "bis";`)));
  add('te-veel-velden-2022-03.csv', encodeUtf8(BOM + text({ header: table.header, rows: table.rows.map((r, i) => (i === 2 ? [...r, 'Nee', 'extra'] : r)) })));
  add('verkeerd-scheidingsteken-2022-03.csv', encodeUtf8(BOM + text(table, '|')));

  // --- Headers --------------------------------------------------------------------------------
  const postcode = column(table, 'Postcode');
  add('ontbrekende-kolom-2022-03.csv', excel({ header: table.header.filter((_, i) => i !== postcode), rows: table.rows.map((r) => r.filter((_, i) => i !== postcode)) }));
  const amount = column(table, 'Bedrag achterstand');
  add('dubbele-kolom-2022-03.csv', excel({ header: [...table.header, 'Achterstand'], rows: table.rows.map((r) => [...r, r[amount] ?? '']) }));

  // --- One bad value per kind of message, on the second data row (line 3) ----------------------
  bad('verplicht-veld-leeg-2022-03.csv', 'Bedrag achterstand', '');
  bad('negatief-bedrag-2022-03.csv', 'Bedrag achterstand', '-125,00');
  // The header as a municipality might spell it: messages must repeat it as written.
  add('absurd-bedrag-2022-03.csv', excel(withCell(renamed(table, 'Bedrag achterstand', 'ACHTERSTANDS-BEDRAG'), 1, 'ACHTERSTANDS-BEDRAG', '€ 2.500.000,00')));
  bad('bedrag-geen-getal-2022-03.csv', 'Bedrag achterstand', 'onbekend');
  bad('bedrag-duizendtallen-verkeerd-2022-03.csv', 'Bedrag achterstand', '1.23.456,00');
  bad('bedrag-drie-decimalen-2022-03.csv', 'Bedrag achterstand', '12,500');
  bad('datum-bestaat-niet-2022-03.csv', 'Signaaldatum', '31-02-2022');
  bad('datum-in-toekomst-2022-03.csv', 'Signaaldatum', '15-03-2099');
  bad('datum-vorm-2022-03.csv', 'Signaaldatum', '15 maart 2022');
  bad('datum-jaar-twee-cijfers-2022-03.csv', 'Signaaldatum', '15-03-22');
  bad('datum-als-getal-2022-03.csv', 'Signaaldatum', '44635');
  bad('datum-met-tijdzone-2022-03.csv', 'Signaaldatum', '2022-03-15T00:00:00Z');
  bad('datum-jaartal-2022-03.csv', 'Signaaldatum', '15-03-1850');
  bad('datum-maand-13-2022-03.csv', 'Signaaldatum', '2022-13-01');
  bad('datum-dag-en-maand-omgedraaid-2022-03.csv', 'Signaaldatum', '03/15/2022');
  bad('ontstaansdatum-na-signaaldatum-2022-03.csv', 'Datum ontstaan', '28-03-2022');
  bad('geboortedatum-in-toekomst-2022-03.csv', 'Geboortedatum', '01-01-2099');
  bad('postcode-2022-03.csv', 'Postcode', '0123 AB');
  bad('postcode-zonder-letters-2022-03.csv', 'Postcode', '2101');
  bad('huisnummer-voorloopnul-2022-03.csv', 'Huisnummer', '012');
  bad('huisnummer-geen-getal-2022-03.csv', 'Huisnummer', 'twaalf');
  bad('toevoeging-te-lang-2022-03.csv', 'Toevoeging', 'achterhuis');
  // Here the first data row has a note over two lines, so the bad row starts on physical line 5.
  const note = { header: [...table.header, 'Opmerking'], rows: table.rows.map((r, i) => [...r, i === 0 ? "belt liever\r\n's middags" : '']) };
  add('huisnummer-met-letter-2022-03.csv', excel(withCell(note, 2, 'Huisnummer', '12a')));
  bad('bsn-elfproef-2022-03.csv', 'BSN', breakElfproef(bsn), firstBsnRow);
  bad('bsn-letters-2022-03.csv', 'BSN', `${bsn.slice(0, 8)}X`, firstBsnRow);
  bad('bsn-wetenschappelijke-notatie-2022-03.csv', 'BSN', `${bsn[0]},${bsn.slice(1, 6)}E+08`, firstBsnRow);
  bad('bsn-te-kort-2022-03.csv', 'BSN', bsn.slice(0, 7), firstBsnRow);
  bad('bsn-te-lang-2022-03.csv', 'BSN', `${bsn}0`, firstBsnRow);
  bad('onbekende-signaalpartner-2022-03.csv', 'Type signaalpartner', 'Sportschool');
  bad('crisissignaal-geen-ja-of-nee-2022-03.csv', 'Crisissignaal', 'misschien');
  bad('geslacht-onbekend-woord-2022-03.csv', 'Geslacht', 'z');

  // Every problem of a row is reported, not only the first.
  let several = withCell(table, 1, 'Bedrag achterstand', '-5,00');
  several = withCell(several, 1, 'Postcode', '21O1 AB');
  several = withCell(several, 1, 'Type signaalpartner', 'Sportschool');
  add('meerdere-fouten-in-een-regel-2022-03.csv', excel(several));

  // More problems than a message lists: 60 rows with a negative amount.
  const many = Array.from({ length: 60 }, (_, i) => ({ ...rows[i % rows.length]!, signaalId: `VS-2022-8${String(i).padStart(5, '0')}`, bedragCents: -(100 + i) }));
  add('veel-fouten-2022-03.csv', encodeUtf8(formatCsv(many, DUTCH_EXCEL)));

  // --- Kenmerken ------------------------------------------------------------------------------
  // The kenmerk of the first row again on the third row, at another address.
  const kenmerk = column(table, 'Kenmerk');
  bad('kenmerk-twee-adressen-2022-03.csv', 'Kenmerk', table.rows[0]?.[kenmerk] ?? '', 2);
  // The kenmerk of the March list's first row, at another address: an error once March is imported.
  const moved: SignalRow = { ...rows[0]!, huisnummer: String(Number(rows[0]!.huisnummer) + 1000) };
  const fresh: SignalRow = { ...rows[1]!, signaalId: 'VS-2022-900010' };
  add('kenmerk-bij-ander-adres-dan-eerder-2022-03.csv', encodeUtf8(formatCsv([fresh, moved], DUTCH_EXCEL)));

  // --- --map files ----------------------------------------------------------------------------
  add('koppeling-onbekend-veld.json', `${JSON.stringify({ Dossiernummer: 'dossier' }, null, 2)}\n`);
  add('koppeling-geen-json.json', '{ Dossiernummer: signaal_id\n');

  return files;
}

function main(): void {
  const dir = join(projectRoot(), ERROR_FIXTURES_DIR);
  mkdirSync(dir, { recursive: true });
  // Files of a corpus that no longer exist in the generator must not linger.
  for (const name of readdirSync(dir)) rmSync(join(dir, name));
  for (const file of buildErrorFixtures()) {
    writeFileSync(join(dir, file.name), file.bytes);
    process.stdout.write(`${ERROR_FIXTURES_DIR}/${file.name} (${file.bytes.length} bytes)\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
