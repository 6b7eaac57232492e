// Writes the synthetic test lists in fixtures/. Run after a build: `node dist/tools/make-fixtures.js`.
// Output is deterministic (fixed seed, no clock): running it twice gives byte-identical files, and
// test/synthetic/fixtures.test.ts fails when the files on disk differ from buildFixtures(), so a
// generator change cannot leave stale fixtures behind. Everything in them is synthetic: generated
// names, fictional streets, BSNs from the 9999 test range, 06-99 phone numbers.
//
// fixtures/lijsten/vroegeropaf-2022-01.csv … -06.csv
//   Six consecutive months for a Heemstede-sized town in the Dutch Excel dialect (';', UTF-8 with
//   BOM, decimal comma, DD-MM-JJJJ, CRLF): the import, triage and half-year report run on these.
//   Households return across months (last month's list, earlier lists, same creditor with a new
//   amount), about 11% are meervoudig, some enkelvoudig households have two signals from one
//   creditor. Deliberate flaws, to exercise the import:
//   - 2022-03: an exact copy of one row (same kenmerk) appended as the last line (dedup).
//   - 2022-05: one signal without a kenmerk.
//
// fixtures/varianten/ (each has the same rows as one month above, so a test can check that both
// imports give the same result):
//   - vroegeropaf-2022-02-windows1252.csv: 2022-02 re-encoded as Windows-1252 (Excel's plain "CSV"
//     on Dutch Windows), amounts written as "€ 1.234,56", no BOM (the code page has none).
//   - komma-punt-iso.csv: 2022-03 (duplicate included) with ',' delimiter, decimal point,
//     JJJJ-MM-DD, LF, no BOM, UTF-8, and lowercase snake_case headers (signaal_id, …).
//   - tab-utf16.csv: 2022-04 as Excel's "Unicode text": tab-delimited, UTF-16LE with BOM,
//     decimal comma, D-M-JJJJ, CRLF.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CsvDialect,
  DUTCH_EXCEL,
  encodeUtf16le,
  encodeUtf8,
  encodeWindows1252,
  formatCsv,
  SNAKE_CASE_HEADERS,
} from '../synthetic/dialect.js';
import { generateMonthlyLists, type MonthlyList, TOWN } from '../synthetic/lists.js';
import type { SignalRow } from '../synthetic/row.js';

export const FIXTURE_SEED = 20_220_101;

export interface FixtureFile {
  /** Relative to the project root, with '/' separators. */
  path: string;
  bytes: Buffer;
}

/** Which data row (0-based) of 2022-03 is repeated at the end, and which row of 2022-05 loses its kenmerk. */
export const DUPLICATED_ROW = { month: '2022-03', index: 7 } as const;
export const ROW_WITHOUT_KENMERK = { month: '2022-05', index: 12 } as const;

/** The six months' rows as they are written, flaws included. */
export function fixtureLists(): MonthlyList[] {
  const lists = generateMonthlyLists({ seed: FIXTURE_SEED, startMonth: '2022-01', months: 6, ...TOWN });
  return lists.map((list) => {
    const rows = list.rows.map((row) => ({ ...row }));
    if (list.month === DUPLICATED_ROW.month) rows.push({ ...rowAt(rows, DUPLICATED_ROW.index) });
    if (list.month === ROW_WITHOUT_KENMERK.month) rowAt(rows, ROW_WITHOUT_KENMERK.index).signaalId = null;
    return { month: list.month, rows };
  });
}

export function buildFixtures(): FixtureFile[] {
  const lists = fixtureLists();
  const month = (m: string): SignalRow[] => {
    const list = lists.find((l) => l.month === m);
    if (!list) throw new Error(`no generated list for ${m}`);
    return list.rows;
  };

  const files: FixtureFile[] = lists.map((list) => ({
    path: `fixtures/lijsten/vroegeropaf-${list.month}.csv`,
    bytes: encodeUtf8(formatCsv(list.rows, DUTCH_EXCEL)),
  }));

  const windows1252: CsvDialect = { ...DUTCH_EXCEL, bom: false, amountStyle: 'euro' };
  const windowsText = formatCsv(month('2022-02'), windows1252);
  // The point of this file is the bytes for € and accented letters; fail rather than lose them.
  for (const required of ['€', 'é', 'ë', 'ö']) {
    if (!windowsText.includes(required)) throw new Error(`2022-02 has no "${required}"; pick another seed`);
  }
  files.push({ path: 'fixtures/varianten/vroegeropaf-2022-02-windows1252.csv', bytes: encodeWindows1252(windowsText) });

  const commaPointIso: CsvDialect = {
    delimiter: ',',
    decimal: '.',
    dateFormat: 'JJJJ-MM-DD',
    bom: false,
    lineEnding: '\n',
    amountStyle: 'plain',
    headers: SNAKE_CASE_HEADERS,
  };
  files.push({ path: 'fixtures/varianten/komma-punt-iso.csv', bytes: encodeUtf8(formatCsv(month('2022-03'), commaPointIso)) });

  const tabUtf16: CsvDialect = { ...DUTCH_EXCEL, delimiter: '\t', dateFormat: 'D-M-JJJJ', bom: true };
  files.push({ path: 'fixtures/varianten/tab-utf16.csv', bytes: encodeUtf16le(formatCsv(month('2022-04'), tabUtf16)) });

  return files;
}

function rowAt(rows: SignalRow[], index: number): SignalRow {
  const row = rows[index];
  if (!row) throw new Error(`list has no row ${index}`);
  return row;
}

/** The project root: this file is src/tools/ (tests) or dist/tools/ (after a build). */
export function projectRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

function main(): void {
  const root = projectRoot();
  for (const file of buildFixtures()) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
    process.stdout.write(`${file.path} (${file.bytes.length} bytes)\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
