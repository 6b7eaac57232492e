import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/core/errors.js';
import { FileInspector, inspectFile } from '../../src/csv/inspect.js';
import { expectNoLeak, failure, readAll, tempDir, utf16be, utf16le, utf8 } from './helpers.js';

const files = tempDir();

/** Windows-1252 bytes: € is 0x80, é 0xE9, ë 0xEB, ö 0xF6 (a Latin-1 string maps one char to one byte). */
const cp1252 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('inspectFile', () => {
  it('detects UTF-8 without a BOM and fingerprints the file', async () => {
    const bytes = utf8('Naam;Plaats\r\nJosé;Zaandam\r\n');
    const inspection = await inspectFile(files.file('utf8.csv', bytes));
    expect(inspection).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      encoding: 'utf-8',
      encodingDetected: true,
      bomLength: 0,
      firstLine: 'Naam;Plaats',
    });
  });

  it('detects UTF-8 with a BOM and leaves the BOM out of the first line', async () => {
    const inspection = await inspectFile(files.file('bom.csv', utf8('\ufeffNaam;Ëmail\nx;y\n')));
    expect(inspection).toMatchObject({ encoding: 'utf-8', bomLength: 3, firstLine: 'Naam;Ëmail' });
  });

  it('detects UTF-16LE and UTF-16BE by their BOM', async () => {
    const text = '\ufeffNaam\tPlaats\r\nZoë\tKöln\r\n';
    const le = await inspectFile(files.file('le.csv', utf16le(text)));
    expect(le).toMatchObject({ encoding: 'utf-16le', bomLength: 2, firstLine: 'Naam\tPlaats' });
    const beFile = files.file('be.csv', utf16be(text));
    const be = await inspectFile(beFile);
    expect(be).toMatchObject({ encoding: 'utf-16be', bomLength: 2, firstLine: 'Naam\tPlaats' });
    const records = await readAll(beFile, { encoding: be.encoding, bomLength: be.bomLength, delimiter: '\t' });
    expect(records.map((record) => record.fields)).toEqual([
      ['Naam', 'Plaats'],
      ['Zoë', 'Köln'],
    ]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and decodes € é ë ö right', async () => {
    const file = files.file('ansi.csv', cp1252('Naam;Bedrag \x80;Plaats\r\nJos\xe9;\x80 12,50;Zo\xeb K\xf6ln\r\n'));
    const inspection = await inspectFile(file);
    expect(inspection).toMatchObject({ encoding: 'windows-1252', encodingDetected: true, bomLength: 0 });
    expect(inspection.firstLine).toBe('Naam;Bedrag €;Plaats');
    const records = await readAll(file, { encoding: inspection.encoding, bomLength: 0, delimiter: ';' });
    expect(records[1]?.fields).toEqual(['José', '€ 12,50', 'Zoë Köln']);
  });

  it('still detects Windows-1252 when the first non-UTF-8 byte comes after the first MiB', async () => {
    const row = 'SIG-000001;2024-05-01;Energie;123,45;Dorpsstraat\r\n';
    const rows = row.repeat(Math.ceil((1.5 * 1024 * 1024) / row.length));
    const file = files.file('late.csv', cp1252(`Id;Datum;Partner;Bedrag;Straat\r\n${rows}SIG-2;2024-05-01;Zorg;1,00;Caf\xe9straat\r\n`));
    const inspection = await inspectFile(file);
    expect(inspection.size).toBeGreaterThan(1024 * 1024);
    expect(inspection.encoding).toBe('windows-1252');
    const records = await readAll(file, { encoding: inspection.encoding, bomLength: 0, delimiter: ';' });
    expect(records.at(-1)?.fields[4]).toBe('Caféstraat');
  });

  it('uses a given encoding instead of detecting one', async () => {
    const inspection = await inspectFile(files.file('given.csv', utf8('Naam;Plaats\nJosé;Zaandam\n')), {
      encoding: 'windows-1252',
    });
    expect(inspection).toMatchObject({ encoding: 'windows-1252', encodingDetected: false, bomLength: 0 });
  });

  it('reads UTF-16LE without a BOM when that encoding is given', async () => {
    const inspection = await inspectFile(files.file('le-nobom.csv', utf16le('Naam;Plaats\r\nZoë;Köln\r\n')), {
      encoding: 'utf-16le',
    });
    expect(inspection).toMatchObject({ encoding: 'utf-16le', bomLength: 0, firstLine: 'Naam;Plaats' });
  });

  it('refuses a given encoding that contradicts the BOM', async () => {
    const error = await failure(() => inspectFile(files.file('conflict.csv', utf8('\ufeffGEHEIM\n')), { encoding: 'windows-1252' }));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      'Als codering is Windows-1252 opgegeven, maar het bestand begint met het kenmerk (BOM) van UTF-8.',
    );
    expectNoLeak(error, 'GEHEIM');
  });

  it('refuses UTF-8 as given encoding when the bytes are not UTF-8', async () => {
    const error = await failure(() =>
      inspectFile(files.file('not-utf8.csv', cp1252('Naam\r\nGEHEIM-Jos\xe9\r\n')), { encoding: 'utf-8' }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expectNoLeak(error, 'GEHEIM');
    expect((error as UsageError).hint).toContain('windows-1252');
  });

  it('refuses a file with a UTF-8 BOM whose bytes are not UTF-8', async () => {
    const error = await failure(() => inspectFile(files.file('mixed.csv', Buffer.concat([utf8('\ufeffNaam\r\n'), cp1252('GEHEIM-Jos\xe9\r\n')]))));
    expect(error).toBeInstanceOf(DataError);
    expectNoLeak(error, 'GEHEIM');
    expect((error as DataError).message).toContain('geen geldige UTF-8');
  });

  it.each([
    ['no bytes at all', Buffer.alloc(0)],
    ['only a UTF-8 BOM', utf8('\ufeff')],
    ['only a UTF-16LE BOM', utf16le('\ufeff')],
    ['only blank lines', utf8(' \r\n\t\r\n\n')],
    ['only blank lines in UTF-16BE', utf16be('\ufeff  \r\n\r\n')],
  ])('refuses an empty file: %s', async (_name, bytes) => {
    const error = await failure(() => inspectFile(files.file('empty.csv', bytes)));
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe('Het bestand is leeg.');
    expect((error as DataError).hint).toBeTruthy();
  });

  it('refuses an Excel workbook (.xlsx) and says how to save it as CSV', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), utf8('[Content_Types].xml GEHEIM'), Buffer.alloc(64)]);
    const error = await failure(() => inspectFile(files.file('lijst.xlsx', zip)));
    expect(error).toBeInstanceOf(DataError);
    expectNoLeak(error, 'GEHEIM', 'Content_Types');
    expect((error as DataError).message).toContain('Excel-werkmap');
    expect((error as DataError).hint).toContain('CSV (gescheiden door lijstscheidingsteken)');
    expect((error as DataError).hint).toContain('CSV UTF-8');
  });

  it('refuses an old Excel workbook (.xls) the same way', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await failure(() => inspectFile(files.file('lijst.xls', ole2)));
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('Excel-werkmap');
  });

  it('refuses a binary file with NUL bytes, without showing its content', async () => {
    const error = await failure(() => inspectFile(files.file('binary.csv', Buffer.concat([utf8('Naam;BSN\r\nGEHEIM-Jansen;'), Buffer.from([0, 1, 2, 0])]))));
    expect(error).toBeInstanceOf(DataError);
    expectNoLeak(error, 'GEHEIM', 'Jansen');
    expect((error as DataError).message).toContain('geen tekstbestand');
  });

  it('reports a missing file as a usage error', async () => {
    const error = await failure(() => inspectFile(files.path('bestaat-niet.csv')));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('bestaat niet');
  });
});

describe('FileInspector', () => {
  const samples: [string, Buffer][] = [
    ['UTF-8 with BOM', utf8('\ufeffNaam;Plaats\r\nJosé;Zaandam\r\n')],
    ['UTF-16BE with BOM', utf16be('\ufeffNaam;Plaats\r\nZoë;Köln\r\n')],
    ['Windows-1252', cp1252('Naam;Plaats\r\nJos\xe9;Zaandam\r\n')],
    ['UTF-8 with a character split anywhere', utf8('Naam;Plaats\nZoë;Köln€\n')],
  ];

  it.each(samples)('gives the same answer whatever the chunk boundaries: %s', (_name, bytes) => {
    const whole = new FileInspector();
    whole.update(bytes);
    const expected = whole.finish();
    for (const size of [1, 2, 3, 5, 7]) {
      const inspector = new FileInspector();
      for (let offset = 0; offset < bytes.length; offset += size) inspector.update(bytes.subarray(offset, offset + size));
      expect(inspector.finish()).toEqual(expected);
    }
  });

  it('treats a file that ends inside a UTF-8 character as Windows-1252', () => {
    const inspector = new FileInspector();
    inspector.update(utf8('Naam\nZo'));
    inspector.update(Buffer.from([0xc3]));
    expect(inspector.finish().encoding).toBe('windows-1252');
  });
});
