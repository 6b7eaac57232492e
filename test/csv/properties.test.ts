import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/core/errors.js';
import { detectDelimiter } from '../../src/csv/delimiter.js';
import type { Encoding } from '../../src/csv/encoding.js';
import { inspectFile } from '../../src/csv/inspect.js';
import { readAll, tempDir } from './helpers.js';

const files = tempDir();
const SECRET = 'GEHEIM';
const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** Pieces that make the interesting cases likely: quotes, line endings, BOMs, bytes that are not UTF-8, NUL. */
const piece = fc.constantFrom(
  ...[
    ';', ',', '\t', '"', '""', '\r', '\n', '\r\n', ' ', 'a', SECRET, 'é', '€',
  ].map((text) => Buffer.from(text, 'utf8')),
  Buffer.from([0xe9]), Buffer.from([0x80]), Buffer.from([0xc3]), Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0x00]), Buffer.from([0x50, 0x4b, 0x03, 0x04]),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((array) => Buffer.from(array)),
  fc.array(piece, { maxLength: 60 }).map((pieces) => Buffer.concat(pieces)),
);

function expectOwnError(error: unknown): void {
  if (!(error instanceof DataError || error instanceof UsageError)) throw error;
  const shown = [error.message, error.hint ?? '', ...error.details].join('\n');
  expect(shown).not.toContain(SECRET);
}

describe('properties', () => {
  it('inspect and readRecords only ever throw our own errors, and never show a cell', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.option(fc.constantFrom(...ENCODINGS), { nil: undefined }), async (content, encoding) => {
        const file = files.file('random.csv', content);
        try {
          const inspection = await inspectFile(file, encoding === undefined ? {} : { encoding });
          const delimiter = detectDelimiter(inspection.firstLine);
          await readAll(file, { encoding: inspection.encoding, bomLength: inspection.bomLength, delimiter });
        } catch (error) {
          expectOwnError(error);
        }
        // Also without the inspection's checks, as a caller that skips them would.
        try {
          await readAll(file, { encoding: encoding ?? 'utf-8', bomLength: 0, delimiter: ';' });
        } catch (error) {
          expectOwnError(error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what csv-stringify writes, with the line each record starts on', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', '"', '\r', '\n', '\r\n', '€'), maxLength: 8 });
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(rows, fc.constantFrom('\r\n', '\n'), async (table, lineEnding) => {
        const text = stringify(table, { delimiter: ';', record_delimiter: lineEnding, quote_record_delimiter: true });
        const file = files.file('roundtrip.csv', Buffer.from(`\ufeff${text}`, 'utf8'));
        const inspection = await inspectFile(file);
        const records = await readAll(file, { encoding: inspection.encoding, bomLength: inspection.bomLength, delimiter: ';' });
        expect(records.map((record) => record.fields)).toEqual(table);
        let line = 1;
        const expectedLines = table.map((row) => {
          const start = line;
          line += 1 + row.reduce((sum, value) => sum + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          return start;
        });
        expect(records.map((record) => record.line)).toEqual(expectedLines);
      }),
      { numRuns: 200 },
    );
  });
});
