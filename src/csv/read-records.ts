// Streaming a CSV file into records, each with the line it starts on so that every later message
// can say "regel 17". Memory stays flat whatever the size of the file: one chunk of bytes and the
// records parsed from it.

import { parse, type Parser } from 'csv-parse';
import { createStreamDecoder } from './decode.js';
import type { Delimiter } from './delimiter.js';
import type { Encoding } from './encoding.js';
import { MAX_RECORD_CHARS, parseError } from './parse-errors.js';
import { readChunks } from './read-chunks.js';

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
  const parser = parse({
    delimiter: options.delimiter,
    // A row with a missing or extra field is the caller's to report, with the others, per line.
    relax_column_count: true,
    // Explicit, because auto-discovery fixes the first line ending it sees, and files that were
    // edited on several machines mix CRLF and LF. Longest first, so CRLF is one line ending.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Bounds memory when a quote is never closed, and catches a wrong delimiter early.
    max_record_size: MAX_RECORD_CHARS,
    // Not `skip_empty_lines`: the parser would not say how many lines it skipped, and we need to
    // count them for the line numbers. An empty line arrives here as [''] and is skipped below.
  });
  // Errors are taken from the write and end callbacks; without a listener an 'error' event would crash the process.
  parser.on('error', () => {});
  const decoder = createStreamDecoder(options.encoding);
  /** The line where the next record starts. */
  let line = 1;
  let bomLeft = options.bomLength;
  let bytesRead = 0;

  /**
   * Turns the parsed rows into records, then throws the error that follows them, if any. Must see
   * every row, empty ones included, to keep `line` right.
   */
  function* emit({ rows, error }: Parsed): Generator<CsvRecord> {
    for (const fields of rows) {
      const start = line;
      line += 1 + countLineBreaks(fields);
      if (fields.length === 1 && fields[0] === '') continue;
      yield { line: start, fields };
    }
    // `line` is now where the failing record starts.
    if (error !== undefined) throw parseError(error, line) ?? error;
  }

  /**
   * Parses the next piece of text; returns the rows it completed and the error, if any, that
   * follows them. The parser is fed by hand rather than piped: in a pipeline an error destroys the
   * parser with rows still in its buffer, and the line number of the error would be wrong. (Speed
   * is the same either way; measured, csv-parse's own byte loop is nearly all of the time.)
   */
  async function feed(text: string): Promise<Parsed> {
    if (text === '') return { rows: [], error: undefined };
    const written = settle((callback) => parser.write(text, callback));
    // The parser has run synchronously inside write(); take its rows now, before an error
    // destroys the stream and its buffer, so that the rows before a bad line are not lost.
    const rows = drain(parser);
    return { rows, error: await written };
  }

  async function finish(): Promise<Parsed> {
    const error = await settle((callback) => parser.end(callback));
    return { rows: drain(parser), error };
  }

  try {
    for await (const chunk of readChunks(path)) {
      bytesRead += chunk.length;
      let bytes: Buffer = chunk;
      if (bomLeft > 0) {
        const skipped = Math.min(bomLeft, bytes.length);
        bytes = bytes.subarray(skipped);
        bomLeft -= skipped;
      }
      for (const record of emit(await feed(decoder.decode(bytes)))) yield record;
      options.onProgress?.(bytesRead);
    }
    // One after the other: after an error the parser must not be ended (it would never call back).
    for (const record of emit(await feed(decoder.end()))) yield record;
    for (const record of emit(await finish())) yield record;
  } finally {
    parser.destroy();
  }
}

interface Parsed {
  rows: string[][];
  error: Error | undefined;
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
