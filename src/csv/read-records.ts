// Streaming a CSV file into records, each with the line it starts on so that every later message
// can say "regel 17". Memory stays flat whatever the size of the file: one chunk of bytes and the
// records parsed from it.
//
// Two parsers, one result. csv-parse is the reference; a hand-written scanner (FastScanner below)
// reads the records that are plainly regular (unquoted fields, and quoted fields that open at the
// start of a field and close right before a delimiter or line end) exactly as csv-parse reads them,
// several times faster. At the first record that it does not take on (a quote anywhere else, an
// unclosed quote, a record too long to be sure about), it hands that record and the rest of the
// file to csv-parse, which then gives the same records, and the same errors at the same lines, as
// it would have from the start: csv-parse keeps no state from one record to the next.

import { parse, type Parser } from 'csv-parse';
import { createStreamDecoder } from './decode.js';
import type { Delimiter } from './delimiter.js';
import type { Encoding } from './encoding.js';
import { MAX_RECORD_CHARS, parseError } from './parse-errors.js';
import { readChunks } from './read-chunks.js';

/** The decoded text of a chunk is parsed and yielded in pieces of at most this many characters. */
const PIECE_CHARS = 64 * 1024;

export interface CsvRecord {
  /** The 1-based physical line where the record starts; a quoted field may span several lines. */
  line: number;
  /** As in the file: nothing is trimmed. The number of fields may differ from the header's. */
  fields: string[];
}

export interface ReadRecordsOptions {
  encoding: Encoding;
  /** Bytes of BOM to skip, as found by `inspectFile`. */
  bomLength: number;
  delimiter: Delimiter;
  /** Called after each chunk with the number of bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * Yields the records of a CSV file in order, the header row first, skipping empty lines.
 * Throws a DataError naming the line for a file that is not valid CSV.
 */
export async function* readRecords(path: string, options: ReadRecordsOptions): AsyncIterable<CsvRecord> {
  for await (const records of readRecordBatches(path, options)) {
    for (const record of records) yield record;
  }
}

/**
 * The records of a CSV file a chunk at a time (an array per chunk of the file, possibly empty),
 * as `readRecords` yields them one by one: for callers that handle many records per step.
 */
export async function* readRecordBatches(path: string, options: ReadRecordsOptions): AsyncGenerator<CsvRecord[]> {
  const decoder = createStreamDecoder(options.encoding);
  const scanner = new FastScanner(options.delimiter);
  /** Set once the scanner has handed over: csv-parse reads the rest. */
  let parser: Parser | null = null;
  /** The line where the next record starts. */
  let line = 1;
  let bomLeft = options.bomLength;
  let bytesRead = 0;

  /**
   * Turns parsed rows into records. Must see every row, empty ones included, to keep `line`
   * right. `plain` rows come from unquoted records and hold no line breaks.
   */
  const emit = (rows: readonly string[][], plain: readonly boolean[] | null, into: CsvRecord[]): void => {
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i]!;
      const start = line;
      line += plain !== null && plain[i] ? 1 : 1 + countLineBreaks(fields);
      if (fields.length === 1 && fields[0] === '') continue;
      into.push({ line: start, fields });
    }
  };

  /**
   * Reads the next piece of text; returns the records it completed, and the csv-parse error that
   * follows them, if any (`line` is then where the failing record starts).
   */
  const take = async (text: string, final: boolean): Promise<{ records: CsvRecord[]; error: Error | undefined }> => {
    const records: CsvRecord[] = [];
    if (parser === null) {
      const scanned = scanner.scan(text, final);
      emit(scanned.rows, scanned.plain, records);
      if (scanned.rest === null) return { records, error: undefined };
      parser = newParser(options.delimiter);
      text = scanned.rest;
    }
    const written = await feed(parser, text);
    emit(written.rows, null, records);
    if (written.error !== undefined || !final) return { records, error: written.error };
    const ended = await finish(parser);
    emit(ended.rows, null, records);
    return { records, error: ended.error };
  };

  try {
    for await (const chunk of readChunks(path)) {
      bytesRead += chunk.length;
      let bytes: Buffer = chunk;
      if (bomLeft > 0) {
        const skipped = Math.min(bomLeft, bytes.length);
        bytes = bytes.subarray(skipped);
        bomLeft -= skipped;
      }
      const text = decoder.decode(bytes);
      // In pieces: fewer records alive at a time keeps the garbage collector's work small.
      let from = 0;
      do {
        const to = pieceEnd(text, from);
        const { records, error } = await take(from === 0 && to === text.length ? text : text.slice(from, to), false);
        yield records;
        if (error !== undefined) throw parseError(error, line) ?? error;
        from = to;
      } while (from < text.length);
      options.onProgress?.(bytesRead);
    }
    const { records, error } = await take(decoder.end(), true);
    yield records;
    if (error !== undefined) throw parseError(error, line) ?? error;
  } finally {
    (parser as Parser | null)?.destroy();
  }
}

/** Where the piece of `text` that starts at `from` ends: never between the two halves of a surrogate pair. */
function pieceEnd(text: string, from: number): number {
  let to = Math.min(text.length, from + PIECE_CHARS);
  const last = text.charCodeAt(to - 1);
  if (to < text.length && last >= 0xd800 && last <= 0xdbff) to += 1;
  return to;
}

function newParser(delimiter: Delimiter): Parser {
  const parser = parse({
    delimiter,
    // A row with a missing or extra field is the caller's to report, with the others, per line.
    relax_column_count: true,
    // Explicit, because auto-discovery fixes the first line ending it sees, and files that were
    // edited on several machines mix CRLF and LF. Longest first, so CRLF is one line ending.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Bounds memory when a quote is never closed, and catches a wrong delimiter early.
    max_record_size: MAX_RECORD_CHARS,
    // Not `skip_empty_lines`: the parser would not say how many lines it skipped, and we need to
    // count them for the line numbers. An empty line arrives here as [''] and is skipped by emit.
  });
  // Errors are taken from the write and end callbacks; without a listener an 'error' event would crash the process.
  parser.on('error', () => {});
  return parser;
}

interface Parsed {
  rows: string[][];
  error: Error | undefined;
}

/**
 * Parses the next piece of text; returns the rows it completed and the error, if any, that
 * follows them. The parser is fed by hand rather than piped: in a pipeline an error destroys the
 * parser with rows still in its buffer, and the line number of the error would be wrong.
 */
async function feed(parser: Parser, text: string): Promise<Parsed> {
  if (text === '') return { rows: [], error: undefined };
  const written = settle((callback) => parser.write(text, callback));
  // The parser has run synchronously inside write(); take its rows now, before an error
  // destroys the stream and its buffer, so that the rows before a bad line are not lost.
  const rows = drain(parser);
  return { rows, error: await written };
}

async function finish(parser: Parser): Promise<Parsed> {
  const error = await settle((callback) => parser.end(callback));
  return { rows: drain(parser), error };
}

/** Runs a callback-style stream call; resolves with its error, so that the rows parsed before it can be yielded first. */
function settle(call: (callback: (error?: Error | null) => void) => void): Promise<Error | undefined> {
  return new Promise((resolve) => call((error) => resolve(error ?? undefined)));
}

/** Reads every row the parser has ready, synchronously. */
function drain(parser: Parser): string[][] {
  const rows: string[][] = [];
  for (let row = parser.read() as string[] | null; row !== null; row = parser.read() as string[] | null) rows.push(row);
  return rows;
}

/** Line breaks inside quoted fields: CRLF, LF and CR each count as one, as they do between records. */
function countLineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    // Most fields have no line break; two indexOf calls are much cheaper than a regular expression.
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    count += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The longest record the scanner takes on, in UTF-16 code units. csv-parse counts a record's
 * size in bytes of UTF-8 (at most three per code unit) against MAX_RECORD_CHARS; a record this
 * short can never reach that, so the scanner never has to decide about the limit.
 */
const SCANNER_MAX_RECORD = Math.floor(MAX_RECORD_CHARS / 3) - 4;

/** The scanner could not finish the record with the text it has: wait for more. */
const NEED_MORE = 1;
/** The record is not one the scanner takes on: csv-parse reads it and the rest. */
const IRREGULAR = 2;

/**
 * Reads the records that are plainly regular, exactly as csv-parse (with the options of
 * `newParser`) reads them: records end at CRLF, LF or CR; fields are split at the delimiter; a
 * field that starts with a quote runs to the next quote that is not doubled, and must be followed
 * by a delimiter, a line end or the end of the file.
 */
export class FastScanner {
  private pending = '';
  private readonly delimiter: number;

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Scans `text` after what was left from the previous call. Returns the complete records'
   * fields (an empty line as ['']), which of them were unquoted (`plain`), and `rest`: when not
   * null, the text from the first record that the scanner does not take on, for csv-parse, which
   * must then also read everything after it.
   */
  scan(text: string, final: boolean): { rows: string[][]; plain: boolean[]; rest: string | null } {
    const s = this.pending === '' ? text : this.pending + text;
    this.pending = '';
    const n = s.length;
    const delimiter = String.fromCharCode(this.delimiter);
    const rows: string[][] = [];
    const plain: boolean[] = [];
    let pos = 0;
    let lf = -1;
    let cr = -1;
    let quote = -1;
    while (pos < n) {
      if (lf < pos) lf = indexOrEnd(s, '\n', pos);
      if (cr < pos) cr = indexOrEnd(s, '\r', pos);
      if (quote < pos) quote = indexOrEnd(s, '"', pos);
      let end = lf < cr ? lf : cr;
      if (quote < end) {
        const record = this.quoted(s, pos, final);
        if (record === NEED_MORE) {
          if (n - pos > SCANNER_MAX_RECORD) return { rows, plain, rest: s.slice(pos) };
          this.pending = s.slice(pos);
          return { rows, plain, rest: null };
        }
        if (record === IRREGULAR || record.next - pos > SCANNER_MAX_RECORD) return { rows, plain, rest: s.slice(pos) };
        rows.push(record.fields);
        plain.push(false);
        pos = record.next;
        continue;
      }
      let next: number;
      if (end === n) {
        // No line end in the text so far: the record continues in the next chunk, or is the last.
        if (!final) break;
        next = n;
      } else if (end === cr) {
        if (cr + 1 < n) next = s.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
        else if (final) next = n;
        else break; // a CR at the very end may be the first half of a CRLF
      } else {
        next = lf + 1;
      }
      if (end - pos > SCANNER_MAX_RECORD) return { rows, plain, rest: s.slice(pos) };
      rows.push(s.slice(pos, end).split(delimiter));
      plain.push(true);
      pos = next;
    }
    if (pos < n) {
      if (n - pos > SCANNER_MAX_RECORD) return { rows, plain, rest: s.slice(pos) };
      this.pending = s.slice(pos);
    }
    return { rows, plain, rest: null };
  }

  /** Reads a record that has a quote before its first line end, starting at `start`. */
  private quoted(s: string, start: number, final: boolean): { fields: string[]; next: number } | typeof NEED_MORE | typeof IRREGULAR {
    const n = s.length;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      if (i < n && s.charCodeAt(i) === QUOTE) {
        // A quoted field: up to the next quote that is not doubled.
        let value = '';
        let from = i + 1;
        let search = from;
        for (;;) {
          const q = s.indexOf('"', search);
          if (q === -1) return final ? IRREGULAR : NEED_MORE;
          if (q + 1 >= n) {
            if (!final) return NEED_MORE; // the next chunk may start with a second quote
            value += s.slice(from, q);
            i = q + 1;
            break;
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            search = from;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
      } else {
        // An unquoted field: up to the next delimiter or line end; a quote in it is irregular.
        let j = i;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (c === this.delimiter || c === LF || c === CR) break;
          if (c === QUOTE) return IRREGULAR;
        }
        fields.push(s.slice(i, j));
        i = j;
      }
      // After a field: a delimiter, a line end, or the end of the text.
      if (i >= n) return final ? { fields, next: n } : NEED_MORE;
      const c = s.charCodeAt(i);
      if (c === this.delimiter) {
        i += 1;
        continue;
      }
      if (c === LF) return { fields, next: i + 1 };
      if (c === CR) {
        if (i + 1 < n) return { fields, next: s.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
        return final ? { fields, next: n } : NEED_MORE;
      }
      return IRREGULAR; // text after a closing quote
    }
  }
}

function indexOrEnd(s: string, search: string, from: number): number {
  const found = s.indexOf(search, from);
  return found === -1 ? s.length : found;
}
