import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createExcelCsvWriter, formatExcelCsv, neutraliseFormula } from '../../src/csv/excel-csv.js';
import { inspectFile } from '../../src/csv/inspect.js';
import { readAll, tempDir } from './helpers.js';

const files = tempDir();

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+31 6 12345678', `'+31 6 12345678`],
    ['-12,50', `'-12,50`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['\uff1d1+1', `'\uff1d1+1`],
  ])('prefixes %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['Jansen', '', 'a=b', ' =1', "'=1", '2101AB', '12,50'])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('formatExcelCsv', () => {
  it('writes ";" and CRLF, quotes where needed, neutralises strings and writes numbers as given', () => {
    const text = formatExcelCsv(
      ['regel', 'naam', 'notitie'],
      [
        [17, 'de Vries; jr.', 'zei "hoi"'],
        [18, '=1+1', 'twee\nregels'],
        [19, null, -12.5],
      ],
    );
    expect(text).toBe(
      'regel;naam;notitie\r\n' +
        '17;"de Vries; jr.";"zei ""hoi"""\r\n' +
        `18;'=1+1;"twee\nregels"\r\n` +
        '19;;-12.5\r\n',
    );
  });

  it('adds a BOM only when asked and honours another delimiter', () => {
    expect(formatExcelCsv(['a', 'b'], [['x,y', 'z']], { delimiter: ',', bom: true })).toBe('\ufeffa,b\r\n"x,y",z\r\n');
    expect(formatExcelCsv(['a'], [])).toBe('a\r\n');
  });

  it('quotes a lone carriage return so that the cell stays one cell', () => {
    expect(formatExcelCsv(['a', 'b'], [['x\ry', 'z']])).toBe('a;b\r\n"x\ry";z\r\n');
  });
});

describe('createExcelCsvWriter', () => {
  it('writes UTF-8 with a BOM that reads back to the same cells', async () => {
    const file = files.path('afgewezen.csv');
    const writer = createExcelCsvWriter(file, { header: ['regel', 'reden', 'Naam', 'Plaats'] });
    writer.write([2, 'Postcode ontbreekt', 'Zoë "Zus" de Vries', 'Köln; NRW']);
    writer.write([3, 'Bedrag ontbreekt', '@Jansen', 'twee\r\nregels']);
    await writer.close();

    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\ufeffregel;reden;Naam;Plaats\r\n' +
        '2;Postcode ontbreekt;"Zoë ""Zus"" de Vries";"Köln; NRW"\r\n' +
        `3;Bedrag ontbreekt;'@Jansen;"twee\r\nregels"\r\n`,
    );
    const inspection = await inspectFile(file);
    expect(inspection).toMatchObject({ encoding: 'utf-8', bomLength: 3, firstLine: 'regel;reden;Naam;Plaats' });
    const records = await readAll(file, { encoding: 'utf-8', bomLength: 3, delimiter: ';' });
    expect(records).toEqual([
      { line: 1, fields: ['regel', 'reden', 'Naam', 'Plaats'] },
      { line: 2, fields: ['2', 'Postcode ontbreekt', 'Zoë "Zus" de Vries', 'Köln; NRW'] },
      { line: 3, fields: ['3', 'Bedrag ontbreekt', "'@Jansen", 'twee\r\nregels'] },
    ]);
  });

  it('writes every row when there are more rows than one batch', async () => {
    const file = files.path('veel.csv');
    const writer = createExcelCsvWriter(file, { header: ['n'], delimiter: ',' });
    for (let n = 0; n < 2500; n++) writer.write([n]);
    await writer.close();
    const records = await readAll(file, { encoding: 'utf-8', bomLength: 3, delimiter: ',' });
    expect(records).toHaveLength(2501);
    expect(records.at(-1)).toEqual({ line: 2501, fields: ['2499'] });
  });

  it.skipIf(process.platform === 'win32')('creates the file readable by its owner only, also when it existed', async () => {
    const fresh = files.path('nieuw.csv');
    const fresher = createExcelCsvWriter(fresh, { header: ['a'] });
    await fresher.close();
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);

    const existing = files.file('bestond.csv', 'oude inhoud die langer is dan de nieuwe\r\n');
    fs.chmodSync(existing, 0o644);
    const writer = createExcelCsvWriter(existing, { header: ['a'] });
    writer.write(['b']);
    await writer.close();
    expect(fs.statSync(existing).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(existing, 'utf8')).toBe('\ufeffa\r\nb\r\n');
  });

  it('refuses a file in a folder that does not exist with a usage error', () => {
    expect(() => createExcelCsvWriter(files.path('geen-map/uit.csv'), { header: ['a'] })).toThrow(UsageError);
  });

  it('refuses to write after close', async () => {
    const writer = createExcelCsvWriter(files.path('dicht.csv'), { header: ['a'] });
    await writer.close();
    expect(() => writer.write(['x'])).toThrow();
    await writer.close(); // a second close is harmless
  });
});
