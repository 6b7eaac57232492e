// The bench's list: the project's synthetic national-scale list (every column a real export has,
// telephone and e-mail included, households with several signals, returning households) in the
// Dutch Excel dialect, with about 2% exact duplicate rows, streamed to a file.

import fs from 'node:fs';
import type { Month } from '../core/types.js';
import { csvLines, DUTCH_EXCEL } from '../synthetic/dialect.js';
import { take, withExactDuplicates } from '../synthetic/duplicates.js';
import { largeListOptions, signalRows } from '../synthetic/lists.js';
import { rowMonth, type SignalRow } from '../synthetic/row.js';

export const DUPLICATE_SHARE = 0.02;

export interface WrittenList {
  rows: number;
  first: Month;
  last: Month;
  bytes: number;
}

/** Writes a list of exactly `rows` rows, exact duplicates included; returns its months and size. */
export function writeList(file: string, rows: number, seed: number): WrittenList {
  const list = take(withExactDuplicates(signalRows(largeListOptions(rows, seed)), { share: DUPLICATE_SHARE, seed }), rows);
  const fd = fs.openSync(file, 'w', 0o600);
  let buffer = '';
  let written = 0;
  let first: Month | null = null;
  let last: Month | null = null;
  const counted = function* (source: Iterable<SignalRow>): Generator<SignalRow> {
    for (const row of source) {
      const month = rowMonth(row);
      first ??= month;
      if (last === null || month > last) last = month;
      written += 1;
      yield row;
    }
  };
  try {
    for (const line of csvLines(counted(list), DUTCH_EXCEL)) {
      buffer += line;
      if (buffer.length >= 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = '';
      }
    }
    fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
  if (first === null || last === null) throw new Error('the generator produced no rows');
  return { rows: written, first, last, bytes: fs.statSync(file).size };
}
