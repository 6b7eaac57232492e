// Writing CSV that a Dutch Excel opens correctly with a double click: UTF-8 with a BOM (without
// it Excel assumes Windows-1252 and garbles ë and €), ';' between fields and CRLF line endings.
// Every string cell is neutralised against formula injection, because the cells come from
// someone else's file and the file is opened in Excel by people who trust it.

import fs from 'node:fs';
import { stringify, type Options } from 'csv-stringify/sync';
import type { Delimiter } from './delimiter.js';
import { fileError } from '../files/file-errors.js';
import { openPrivateFile } from '../files/private-file.js';

export type ExcelCell = string | number | null;

export interface ExcelCsvWriter {
  /** Adds a row; it reaches the disk in batches, and at the latest on close(). */
  write(row: readonly ExcelCell[]): void;
  close(): Promise<void>;
}

const BOM = '\ufeff';

/** Rows are turned into text in batches: csv-stringify's per-call setup then costs next to nothing. */
const BATCH_ROWS = 1000;

/**
 * Characters that make Excel (or LibreOffice, Numbers) read a cell as a formula, after OWASP's
 * CSV injection advice. The full-width forms are included because some spreadsheet programs
 * normalise them to their ASCII twins (csv-stringify's `escape_formulas` does the same).
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * Prefixes a cell that could start a formula with `'`, so that opening the file cannot run it.
 * Note that this includes text such as "-12,50": pass amounts as numbers or format them yourself.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function stringifyOptions(delimiter: Delimiter): Options {
  return {
    delimiter,
    record_delimiter: '\r\n',
    // csv-stringify stops quoting lone LF and CR once record_delimiter is given; a cell with a
    // line break must stay one cell in Excel, so ask for it explicitly.
    quote_record_delimiter: true,
    eof: true,
  };
}

function neutraliseRow(row: readonly ExcelCell[]): ExcelCell[] {
  return row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell));
}

function toCsv(rows: readonly (readonly ExcelCell[])[], delimiter: Delimiter): string {
  return stringify(rows.map(neutraliseRow), stringifyOptions(delimiter));
}

/**
 * The CSV text for a header and rows, for printing to standard output. Without a BOM by default,
 * because other programs reading stdout do not expect one; pass `bom: true` when the output is
 * meant to be saved and opened in Excel.
 */
export function formatExcelCsv(
  header: readonly string[],
  rows: readonly (readonly ExcelCell[])[],
  options: { delimiter?: Delimiter; bom?: boolean } = {},
): string {
  const text = toCsv([header, ...rows], options.delimiter ?? ';');
  return options.bom === true ? BOM + text : text;
}

/**
 * Creates (or overwrites) a CSV file for Excel and writes the header. The file is readable by
 * its owner only: it holds personal data.
 */
export function createExcelCsvWriter(
  path: string,
  options: { delimiter?: Delimiter; header: readonly string[] },
): ExcelCsvWriter {
  const delimiter = options.delimiter ?? ';';
  let fd: number | null = openPrivateFile(path);
  let pending: (readonly ExcelCell[])[] = [];

  const writeText = (text: string): void => {
    if (fd === null) throw new Error('ExcelCsvWriter: write after close');
    const bytes = Buffer.from(text, 'utf8');
    try {
      for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
    } catch (error) {
      fs.closeSync(fd);
      fd = null;
      throw fileError(error, path, 'geschreven') ?? error;
    }
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    writeText(toCsv(rows, delimiter));
  };

  writeText(BOM + toCsv([options.header], delimiter));
  return {
    write(row) {
      if (fd === null) throw new Error('ExcelCsvWriter: write after close');
      pending.push(row);
      if (pending.length >= BATCH_ROWS) flush();
    },
    async close() {
      if (fd === null) return;
      flush();
      const closing = fd;
      fd = null;
      try {
        fs.closeSync(closing);
      } catch (error) {
        throw fileError(error, path, 'geschreven') ?? error;
      }
    },
  };
}

