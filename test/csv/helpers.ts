import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { EropafError } from '../../src/core/errors.js';
import { readRecords, type CsvRecord, type ReadRecordsOptions } from '../../src/csv/read-records.js';

/** A fresh temporary directory for one test file, removed afterwards. */
export function tempDir(): { file(name: string, content: string | Uint8Array): string; path(name: string): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-csv-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let counter = 0;
  return {
    file(name, content) {
      const file = path.join(dir, `${counter++}-${name}`);
      fs.writeFileSync(file, content);
      return file;
    },
    path: (name) => path.join(dir, `${counter++}-${name}`),
  };
}

export async function readAll(file: string, options: ReadRecordsOptions): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readRecords(file, options)) records.push(record);
  return records;
}

/** Runs `action`, expecting it to fail; returns the error and the records read before it. */
export async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but it succeeded');
}

/** Asserts the error is one of ours and that none of the given cell values appear in anything it shows. */
export function expectNoLeak(error: unknown, ...cells: string[]): asserts error is EropafError {
  expect(error).toBeInstanceOf(EropafError);
  const shown = [(error as EropafError).message, (error as EropafError).hint ?? '', ...(error as EropafError).details].join('\n');
  for (const cell of cells) expect(shown).not.toContain(cell);
}

export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
export const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
export const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
