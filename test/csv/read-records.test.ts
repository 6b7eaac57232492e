import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { inspectFile } from '../../src/csv/inspect.js';
import { readRecords, type CsvRecord } from '../../src/csv/read-records.js';
import { expectNoLeak, failure, readAll, tempDir, utf16le, utf8 } from './helpers.js';

const files = tempDir();
const MIB = 1024 * 1024;

async function read(text: string | Buffer, delimiter: ';' | ',' | '\t' = ';'): Promise<CsvRecord[]> {
  return readAll(files.file('input.csv', typeof text === 'string' ? utf8(text) : text), { encoding: 'utf-8', bomLength: 0, delimiter });
}

/** Reads until the error; returns the records seen before it and the error. */
async function readUntilError(text: string | Buffer): Promise<{ records: CsvRecord[]; error: unknown }> {
  const records: CsvRecord[] = [];
  const file = files.file('bad.csv', typeof text === 'string' ? utf8(text) : text);
  const error = await failure(async () => {
    for await (const record of readRecords(file, { encoding: 'utf-8', bomLength: 0, delimiter: ';' })) records.push(record);
  });
  return { records, error };
}

describe('readRecords', () => {
  const expected = [
    { line: 1, fields: ['Naam', 'Plaats'] },
    { line: 2, fields: ['Jansen', 'Heemstede'] },
    { line: 3, fields: ['de Vries', 'Haarlem'] },
    { line: 4, fields: ['Bakker', 'Bennebroek'] },
  ];

  it.each([
    ['CRLF', 'Naam;Plaats\r\nJansen;Heemstede\r\nde Vries;Haarlem\r\nBakker;Bennebroek\r\n'],
    ['LF', 'Naam;Plaats\nJansen;Heemstede\nde Vries;Haarlem\nBakker;Bennebroek\n'],
    ['mixed CRLF and LF', 'Naam;Plaats\r\nJansen;Heemstede\nde Vries;Haarlem\r\nBakker;Bennebroek\n'],
    ['LF first, then CRLF', 'Naam;Plaats\nJansen;Heemstede\r\nde Vries;Haarlem\r\nBakker;Bennebroek'],
    ['old Mac CR', 'Naam;Plaats\rJansen;Heemstede\rde Vries;Haarlem\rBakker;Bennebroek\r'],
  ])('reads %s line endings with the right line numbers', async (_name, text) => {
    expect(await read(text)).toEqual(expected);
  });

  it('numbers records by the physical line they start on, across multi-line quoted fields', async () => {
    const records = await read('Naam;Notitie;Plaats\r\nJansen;"belde op\r\nmaandag\r\nterug";Heemstede\r\nde Vries;"a\nb";Haarlem\r\nBakker;x;Bennebroek\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['Naam', 'Notitie', 'Plaats'] },
      { line: 2, fields: ['Jansen', 'belde op\r\nmaandag\r\nterug', 'Heemstede'] },
      { line: 5, fields: ['de Vries', 'a\nb', 'Haarlem'] },
      { line: 7, fields: ['Bakker', 'x', 'Bennebroek'] },
    ]);
  });

  it('skips empty lines but counts them', async () => {
    const records = await read('\r\nNaam;Plaats\r\n\r\nJansen;Heemstede\r\n\n\r\nBakker;Bennebroek');
    expect(records.map((record) => record.line)).toEqual([2, 4, 7]);
  });

  it('trims nothing and keeps rows with a different number of fields', async () => {
    const records = await read('Naam;Plaats\n Jansen ; Heemstede \nde Vries\nBakker;Bennebroek;extra;\n;;\n');
    expect(records.map((record) => record.fields)).toEqual([
      ['Naam', 'Plaats'],
      [' Jansen ', ' Heemstede '],
      ['de Vries'],
      ['Bakker', 'Bennebroek', 'extra', ''],
      ['', '', ''],
    ]);
  });

  it('unquotes fields with delimiters and doubled quotes', async () => {
    const records = await read('Naam,Notitie\n"de Vries, jr.","zei ""bel maar"""\n', ',');
    expect(records[1]?.fields).toEqual(['de Vries, jr.', 'zei "bel maar"']);
  });

  it('reads tab-separated files', async () => {
    const records = await read('Naam\tPlaats\nde Vries; jr.\tHaarlem\n', '\t');
    expect(records[1]?.fields).toEqual(['de Vries; jr.', 'Haarlem']);
  });

  it('skips the BOM it is told about', async () => {
    const file = files.file('bom.csv', utf8('\ufeffNaam;Plaats\r\nZoë;Köln\r\n'));
    const inspection = await inspectFile(file);
    const records = await readAll(file, { encoding: inspection.encoding, bomLength: inspection.bomLength, delimiter: ';' });
    expect(records[0]?.fields).toEqual(['Naam', 'Plaats']);
    expect(records[1]?.fields).toEqual(['Zoë', 'Köln']);
  });

  it('reads UTF-16LE', async () => {
    const file = files.file('le.csv', utf16le('\ufeffNaam;Plaats\r\nZoë;"Köln\r\nNRW"\r\nx;y\r\n'));
    const records = await readAll(file, { encoding: 'utf-16le', bomLength: 2, delimiter: ';' });
    expect(records).toEqual([
      { line: 1, fields: ['Naam', 'Plaats'] },
      { line: 2, fields: ['Zoë', 'Köln\r\nNRW'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });

  it('keeps line numbers right when CRLF or a UTF-8 character is split between chunks', async () => {
    // Sized so that the first MiB chunk ends between the '\r' and '\n' of a row.
    const header = `a;${'b'.repeat(73)}\r\n`; // 77 bytes
    const row = `${'z'.repeat(96)};1\r\n`; // 100 bytes
    const rows = 10485;
    const text = `${header}${row.repeat(rows)}Zoë;2\r\nZoë;3\r\n`;
    expect(utf8(text).subarray(MIB - 1, MIB + 1).toString('latin1')).toBe('\r\n');
    const records = await read(text);
    expect(records).toHaveLength(1 + rows + 2);
    expect(records.every((record, index) => record.line === index + 1)).toBe(true);
    expect(records.at(-1)?.fields).toEqual(['Zoë', '3']);

    // Now the chunk ends in the middle of the two bytes of an 'ë'.
    const split = `${header}${row.repeat(rows - 1)}${'y'.repeat(98)}ëë;1\r\n`;
    expect(utf8(split)[MIB - 1]).toBe(0xc3);
    const splitRecords = await read(split);
    expect(splitRecords.at(-1)).toEqual({ line: rows + 1, fields: [`${'y'.repeat(98)}ëë`, '1'] });
  });

  it('reports progress in bytes read, up to the size of the file', async () => {
    const text = `Naam;Plaats\r\n${'Jansen;Heemstede\r\n'.repeat(150_000)}`;
    const file = files.file('progress.csv', utf8(text));
    const seen: number[] = [];
    for await (const _record of readRecords(file, { encoding: 'utf-8', bomLength: 0, delimiter: ';', onProgress: (bytes) => seen.push(bytes) })) {
      // reading only
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('can be left early without hanging', async () => {
    const file = files.file('early.csv', utf8(`Naam\r\n${'x\r\n'.repeat(500_000)}`));
    let count = 0;
    for await (const _record of readRecords(file, { encoding: 'utf-8', bomLength: 0, delimiter: ';' })) {
      if (++count === 3) break;
    }
    expect(count).toBe(3);
  });
});

describe('readRecords errors', () => {
  it('names the line of a quote that is opened but not closed, after yielding the records before it', async () => {
    const { records, error } = await readUntilError('Naam;Notitie\n1;"twee\nregels"\n2;"GEHEIM Jansen\n3;4\n');
    expect(records.map((record) => record.line)).toEqual([1, 2]);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe('Regel 4: een aanhalingsteken (") wordt geopend maar niet gesloten.');
    expect((error as DataError).hint).toBeTruthy();
    expectNoLeak(error, 'GEHEIM', 'Jansen');
  });

  it('names line and column of text after a closing quote', async () => {
    const { error } = await readUntilError('Naam;Plaats;Bedrag\r\nx;y;z\r\nJansen;"GEHEIM" Heemstede;3\r\n');
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^Regel 3 \(kolom 2\): na het afsluitende aanhalingsteken/);
    expectNoLeak(error, 'GEHEIM', 'Heemstede', 'Jansen');
  });

  it('names line and column of a quote in the middle of a field', async () => {
    const { error } = await readUntilError('Naam;Plaats\r\nx;y\r\n\r\nJansen;GEHEIM "Heemstede";3\r\n');
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^Regel 4 \(kolom 2\): er staat een aanhalingsteken/);
    expectNoLeak(error, 'GEHEIM', 'Heemstede', 'Jansen');
  });

  it('names the right line when the error is in a later chunk', async () => {
    const rows = 'SIG-1;2024-05-01;Energie;Dorpsstraat 1\r\n'.repeat(40_000);
    const { records, error } = await readUntilError(`Id;Datum;Partner;Adres\r\n${rows}SIG-2;"GEHEIM\r\n`);
    expect(records).toHaveLength(40_001);
    expect((error as DataError).message).toBe('Regel 40002: een aanhalingsteken (") wordt geopend maar niet gesloten.');
  });

  it('refuses a field over 1 MiB', async () => {
    const { error } = await readUntilError(`Naam;Notitie\r\nJansen;${'GEHEIM'.repeat(MIB / 5)}\r\n`);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^Regel 2: de regel is groter dan 1 MB/);
    expectNoLeak(error, 'GEHEIM', 'Jansen');
  });

  it('stops at the line of an unclosed quote instead of reading the rest of a big file into one field', async () => {
    const rest = 'SIG-1;2024-05-01;Energie;Dorpsstraat 1\r\n'.repeat(60_000);
    const { records, error } = await readUntilError(`Id;Datum;Partner;Adres\r\nSIG-0;2024;Zorg;x\r\nSIG-2;"GEHEIM;x;y\r\n${rest}`);
    expect(records).toHaveLength(2);
    expect((error as DataError).message).toMatch(/^Regel 3: de regel is groter dan 1 MB/);
    expect((error as DataError).hint).toContain('aanhalingsteken');
    expectNoLeak(error, 'GEHEIM');
  });

  it('refuses bytes that are not valid in the given encoding', async () => {
    const file = files.file('latin.csv', Buffer.from('Naam\r\nJos\xe9 GEHEIM\r\n', 'latin1'));
    const error = await failure(() => readAll(file, { encoding: 'utf-8', bomLength: 0, delimiter: ';' }));
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('geen geldige UTF-8');
    expectNoLeak(error, 'GEHEIM');

    const odd = files.file('odd.csv', Buffer.concat([utf16le('Naam\r\nx\r\n'), Buffer.from([0x41])]));
    const oddError = await failure(() => readAll(odd, { encoding: 'utf-16le', bomLength: 0, delimiter: ';' }));
    expect((oddError as DataError).message).toContain('geen geldige UTF-16LE');
  });
});
