import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildFixtures, DUPLICATED_ROW, projectRoot, ROW_WITHOUT_KENMERK } from '../../src/tools/make-fixtures.js';

const root = projectRoot();
const built = buildFixtures();
const bytesOf = (path: string): Buffer => {
  const file = built.find((f) => f.path === path);
  if (!file) throw new Error(`no fixture ${path}`);
  return file.bytes;
};

/** One-shot TextDecoder('windows-1252') is wrong on Node 20.18.3+ (nodejs/node#60888); stream mode is not. */
function decode(bytes: Buffer, encoding: string): string {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

function records(path: string, encoding: string, delimiter: string): string[][] {
  return parse(decode(bytesOf(path), encoding), { delimiter }) as string[][];
}

const main = (month: string): string[][] => records(`fixtures/lijsten/vroegeropaf-${month}.csv`, 'utf-8', ';');
const column = (rows: string[][], i: number): string[] => rows.slice(1).map((r) => r[i] ?? '<missing>');
const KENMERK = 0;
const AMOUNT = 5;

describe('fixtures on disk', () => {
  it('are exactly what make-fixtures produces now (run `node dist/tools/make-fixtures.js` after changing a generator)', () => {
    for (const file of built) {
      const onDisk = readFileSync(join(root, file.path));
      expect(onDisk.equals(file.bytes), `${file.path} differs from a fresh generation`).toBe(true);
    }
    const written = ['fixtures/lijsten', 'fixtures/varianten'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`));
    expect(written.sort()).toEqual(built.map((f) => f.path).sort());
  });

  it('are deterministic', () => {
    const again = buildFixtures();
    expect(again.map((f) => f.path)).toEqual(built.map((f) => f.path));
    again.forEach((file, i) => expect(file.bytes.equals(built[i]?.bytes ?? Buffer.alloc(0))).toBe(true));
  });
});

describe('the monthly lists', () => {
  it('are UTF-8 with BOM and CRLF, with a Heemstede-sized number of rows', () => {
    for (const month of ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']) {
      const bytes = bytesOf(`fixtures/lijsten/vroegeropaf-${month}.csv`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const rows = main(month).length - 1;
      expect(rows).toBeGreaterThanOrEqual(40);
      expect(rows).toBeLessThanOrEqual(110);
    }
  });

  it(`repeat one row exactly in ${DUPLICATED_ROW.month}, and only there`, () => {
    const lines = bytesOf(`fixtures/lijsten/vroegeropaf-${DUPLICATED_ROW.month}.csv`).toString('utf8').split('\r\n');
    const dataLines = lines.slice(1, -1);
    expect(dataLines.at(-1)).toBe(dataLines[DUPLICATED_ROW.index]);
    expect(new Set(dataLines).size).toBe(dataLines.length - 1);
    for (const month of ['2022-01', '2022-02', '2022-04', '2022-05', '2022-06']) {
      const ids = column(main(month), KENMERK).filter((id) => id !== '');
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it(`lack a kenmerk once, in ${ROW_WITHOUT_KENMERK.month}`, () => {
    const empty = (month: string): number => column(main(month), KENMERK).filter((id) => id === '').length;
    expect(empty(ROW_WITHOUT_KENMERK.month)).toBe(1);
    expect(column(main(ROW_WITHOUT_KENMERK.month), KENMERK)[ROW_WITHOUT_KENMERK.index]).toBe('');
    for (const month of ['2022-01', '2022-02', '2022-03', '2022-04', '2022-06']) expect(empty(month)).toBe(0);
  });
});

describe('the variants hold the same rows as their month', () => {
  it('Windows-1252: 2022-02 with € amounts and accented names', () => {
    const path = 'fixtures/varianten/vroegeropaf-2022-02-windows1252.csv';
    const bytes = bytesOf(path);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(0x80)).toBe(true); // €
    for (const byte of [0xe9, 0xeb, 0xf6]) expect(bytes.includes(byte)).toBe(true); // é ë ö
    const variant = records(path, 'windows-1252', ';');
    const original = main('2022-02');
    expect(variant.length).toBe(original.length);
    expect(column(variant, AMOUNT).every((a) => a.startsWith('€ '))).toBe(true);
    const plain = (amount: string): string => amount.replace('€ ', '').replace(/\./g, '');
    variant.forEach((record, i) => {
      const expected = original[i] ?? [];
      expect(record.map((v, j) => (j === AMOUNT && i > 0 ? plain(v) : v))).toEqual(expected);
    });
  });

  it('komma-punt-iso: 2022-03 with commas, decimal points, ISO dates, snake_case headers, LF', () => {
    const bytes = bytesOf('fixtures/varianten/komma-punt-iso.csv');
    expect(bytes[0]).toBe('s'.charCodeAt(0)); // no BOM
    expect(bytes.includes('\r'.charCodeAt(0))).toBe(false);
    const variant = records('fixtures/varianten/komma-punt-iso.csv', 'utf-8', ',');
    const original = main('2022-03');
    expect(variant[0]?.slice(0, 2)).toEqual(['signaal_id', 'signaaldatum']);
    expect(column(variant, KENMERK)).toEqual(column(original, KENMERK));
    expect(column(variant, AMOUNT)).toEqual(column(original, AMOUNT).map((a) => a.replace(',', '.')));
    const iso = (ddmmyyyy: string): string => ddmmyyyy.split('-').reverse().join('-');
    expect(column(variant, 1)).toEqual(column(original, 1).map(iso));
  });

  it('tab-utf16: 2022-04 as tab-delimited UTF-16LE with BOM and D-M-JJJJ dates', () => {
    const bytes = bytesOf('fixtures/varianten/tab-utf16.csv');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const variant = records('fixtures/varianten/tab-utf16.csv', 'utf-16le', '\t');
    const original = main('2022-04');
    expect(column(variant, KENMERK)).toEqual(column(original, KENMERK));
    expect(column(variant, AMOUNT)).toEqual(column(original, AMOUNT));
    const short = (ddmmyyyy: string): string => ddmmyyyy.split('-').map((part, i) => (i < 2 ? String(Number(part)) : part)).join('-');
    expect(column(variant, 1)).toEqual(column(original, 1).map(short));
  });
});
