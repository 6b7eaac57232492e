// Reading a monthly list into normalised rows: CSV records, the header map, each row through the
// field parsers, and the identity keys. Pure work on one file, with no database, so that it can
// run in a worker thread (read-list-worker.ts) beside the thread that writes to SQLite.
//
// Rows go out in batches, one per chunk of the file, packed for a cheap hand-over between
// threads: the texts of all valid rows of a batch in one string with their lengths, and the
// numbers in a typed array. Unpacking gives the flat StagedRow the store binds as it is
// (unpackRows).

import { DataError, EnvironmentError, UsageError } from '../../core/errors.js';
import { mapHeaders, type Field, type HeaderMap } from '../../core/import/headers.js';
import { householdKey } from '../../core/import/keys.js';
import { normaliseRow, type RowProblem } from '../../core/import/normalise-row.js';
import { NUMBER_FIELDS, SIGNAL_RECORD_FIELDS, signalRecord, type SignalRecord } from '../../core/import/signal-record.js';
import { isFarDated } from '../../core/import/summary.js';
import { monthIndex } from '../../core/month.js';
import type { IsoDate, Month } from '../../core/types.js';
import type { Delimiter } from '../../csv/delimiter.js';
import type { Encoding } from '../../csv/encoding.js';
import { readRecordBatches } from '../../csv/read-records.js';
import type { StagedRow } from '../../store/store.js';

/** Everything needed to read one list; plain data, so that it can be handed to a worker. */
export interface ListJob {
  file: string;
  encoding: Encoding;
  bomLength: number;
  delimiter: Delimiter;
  customMap: ReadonlyArray<readonly [string, Field]>;
  today: IsoDate;
  month: Month;
}

export interface RejectedLine {
  line: number;
  problems: RowProblem[];
}

export interface HeaderMessage {
  kind: 'header';
  /** Headers that match no field. */
  ignored: string[];
  /** How the file names the signaal_id column, for messages. */
  signaalIdHeader: string;
}

/** The rows of one chunk of the file. */
export interface RowsMessage {
  kind: 'rows';
  /** Bytes of the file read so far. */
  bytesRead: number;
  /** Data rows read (valid and rejected; rows of bare delimiters are not counted). */
  rowsRead: number;
  /** Valid rows, packed (see unpackRows). */
  count: number;
  text: string;
  lengths: Int32Array;
  numbers: Int32Array;
  /** Rows that do not pass the field checks, in line order, with every problem. */
  rejected: RejectedLine[];
  /** Valid rows dated far from the list month: how many, and the first few lines. */
  farDatedCount: number;
  farDatedLines: number[];
}

export type ListMessage = HeaderMessage | RowsMessage;

/** Rows per message, about: the reader works in smaller pieces and sends them on together. */
const ROWS_PER_MESSAGE = 2_000;

/** Far-dated lines reported per batch; the summary keeps only the first ten anyway. */
const FAR_DATED_LINES_PER_BATCH = 10;

// A packed row: its household key and the text fields of its signal record in the texts (a length
// of -1 stands for null); its line and the number fields of its record in the numbers.
const IS_NUMBER: readonly boolean[] = SIGNAL_RECORD_FIELDS.map((field) => NUMBER_FIELDS.has(field));
const TEXTS_PER_ROW = 1 + IS_NUMBER.filter((isNumber) => !isNumber).length;
const NUMBERS_PER_ROW = 1 + IS_NUMBER.filter((isNumber) => isNumber).length;

/**
 * Reads the list, yielding the header once (after the first record) and then one message per
 * chunk of the file. Throws the errors of the CSV reader and of the header map.
 */
export async function* readList(job: ListJob): AsyncGenerator<ListMessage> {
  const listMonth = monthIndex(job.month);
  const context = { today: job.today };
  let map: HeaderMap | null = null;
  let bytesRead = 0;
  const batches = readRecordBatches(job.file, {
    encoding: job.encoding,
    bomLength: job.bomLength,
    delimiter: job.delimiter,
    onProgress: (bytes) => {
      bytesRead = bytes;
    },
  });
  let batch = new Batch();
  for await (const records of batches) {
    for (const record of records) {
      if (map === null) {
        map = mapHeaders(record.fields, new Map(job.customMap));
        yield {
          kind: 'header',
          ignored: [...map.ignored],
          signaalIdHeader: map.headers[map.index.get('signaal_id') ?? -1] ?? 'signaal_id',
        };
        continue;
      }
      // Excel leaves rows of bare delimiters behind formatted but empty rows: not a signal.
      if (isBlank(record.fields)) continue;
      batch.rowsRead += 1;
      const result = normaliseRow(record.fields, record.line, map, context);
      if (!result.ok) {
        batch.rejected.push({ line: record.line, problems: result.problems });
        continue;
      }
      const { signal } = result;
      if (isFarDated(monthIndex(signal.signaaldatum.slice(0, 7)), listMonth)) batch.farDated(record.line);
      batch.add(record.line, householdKey(signal.address), signalRecord(signal));
    }
    if (batch.rowsRead >= ROWS_PER_MESSAGE) {
      yield batch.message(bytesRead);
      batch = new Batch();
    }
  }
  if (map !== null) yield batch.message(bytesRead);
}

/** The rows message being filled. */
class Batch {
  rowsRead = 0;
  readonly rejected: RejectedLine[] = [];
  private readonly farDatedLines: number[] = [];
  private farDatedCount = 0;
  private count = 0;
  private field = 0;
  private lengths: Int32Array = new Int32Array(ROWS_PER_MESSAGE * 2 * TEXTS_PER_ROW);
  private numbers: Int32Array = new Int32Array(ROWS_PER_MESSAGE * 2 * NUMBERS_PER_ROW);
  /** The texts of the rows, end to end; built with +=, which V8 flattens once when it is posted. */
  private text = '';

  farDated(line: number): void {
    this.farDatedCount += 1;
    if (this.farDatedLines.length < FAR_DATED_LINES_PER_BATCH) this.farDatedLines.push(line);
  }

  add(line: number, household: string, record: SignalRecord): void {
    if ((this.count + 1) * NUMBERS_PER_ROW > this.numbers.length) {
      this.lengths = grow(this.lengths);
      this.numbers = grow(this.numbers);
    }
    let n = this.count * NUMBERS_PER_ROW;
    this.numbers[n++] = line;
    this.addText(household);
    for (let i = 0; i < record.length; i++) {
      if (IS_NUMBER[i]) this.numbers[n++] = record[i] as number;
      else this.addText(record[i] as string | null);
    }
    this.count += 1;
  }

  private addText(value: string | null): void {
    if (value === null) {
      this.lengths[this.field++] = -1;
    } else {
      this.text += value;
      this.lengths[this.field++] = value.length;
    }
  }

  message(bytesRead: number): RowsMessage {
    return {
      kind: 'rows',
      bytesRead,
      rowsRead: this.rowsRead,
      count: this.count,
      text: this.text,
      lengths: this.lengths.slice(0, this.field),
      numbers: this.numbers.slice(0, this.count * NUMBERS_PER_ROW),
      rejected: this.rejected,
      farDatedCount: this.farDatedCount,
      farDatedLines: this.farDatedLines,
    };
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function isBlank(fields: readonly string[]): boolean {
  for (const cell of fields) if (cell.trim() !== '') return false;
  return true;
}

/** The valid rows of a batch as the store stages them. */
export function unpackRows(message: RowsMessage): StagedRow[] {
  const { text, lengths, numbers, count } = message;
  const rows: StagedRow[] = new Array(count);
  let offset = 0;
  let field = 0;
  let n = 0;
  const nextText = (): string | null => {
    const length = lengths[field++]!;
    if (length < 0) return null;
    const value = text.slice(offset, offset + length);
    offset += length;
    return value;
  };
  for (let row = 0; row < count; row++) {
    const line = numbers[n++]!;
    const staged = [line, nextText() ?? ''] as StagedRow;
    for (const isNumber of IS_NUMBER) staged.push(isNumber ? numbers[n++]! : nextText());
    rows[row] = staged;
  }
  if (field !== count * TEXTS_PER_ROW) throw new Error(`unpackRows: ${field} texts for ${count} rows`);
  return rows;
}

/** An error as it crosses from the worker: the project's own errors keep their class, message, hint and details. */
export interface SerializedError {
  type: 'DataError' | 'UsageError' | 'EnvironmentError' | 'Error';
  message: string;
  hint?: string | undefined;
  details?: string[];
  stack?: string | undefined;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DataError || error instanceof UsageError || error instanceof EnvironmentError) {
    return {
      type: error instanceof DataError ? 'DataError' : error instanceof UsageError ? 'UsageError' : 'EnvironmentError',
      message: error.message,
      hint: error.hint,
      details: error.details,
    };
  }
  if (error instanceof Error) return { type: 'Error', message: error.message, stack: error.stack };
  return { type: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  const options = { ...(error.hint !== undefined && { hint: error.hint }), details: error.details ?? [] };
  let result: Error;
  switch (error.type) {
    case 'DataError':
      result = new DataError(error.message, options);
      break;
    case 'UsageError':
      result = new UsageError(error.message, options);
      break;
    case 'EnvironmentError':
      result = new EnvironmentError(error.message, options);
      break;
    default:
      result = new Error(error.message);
      if (error.stack !== undefined) result.stack = error.stack;
  }
  return result;
}
