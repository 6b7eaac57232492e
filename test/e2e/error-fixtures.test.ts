// The bad-file corpus (fixtures/fouten/, written by src/tools/make-error-fixtures.ts) through the
// built binary: for every kind of error message, the exit code, a Dutch message that names the
// line and the column as the file writes it, a hint, no personal data in the output, and no
// database left behind (or the database unchanged). Key phrases, not snapshots.

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { maskBsn } from '../../src/core/fields/bsn.js';
import { baseRows, buildErrorFixtures, ERROR_FIXTURES_DIR } from '../../src/tools/make-error-fixtures.js';
import { allOutputs, dumpDatabase, expectNoBsn, lijst, ROOT, unexpectedStderr, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const DIR = path.join(ROOT, ERROR_FIXTURES_DIR);
const fixture = (name: string): string => path.join(DIR, name);

const rows = baseRows();
const bsn = rows.find((r) => r.bsn !== null)!.bsn!;
const brokenBsn = bsn.slice(0, -1) + String((Number(bsn.slice(-1)) + 1) % 10);

/** The personal data in the corpus rows: none of it may be printed. */
const PERSONAL = [
  ...new Set(
    rows.flatMap((r) => [
      r.bsn,
      r.achternaam,
      r.straatnaam,
      r.telefoon,
      r.email,
      r.postcode,
      r.postcode.replace(/\s+/g, ''),
      r.geboortedatum.split('-').reverse().join('-'),
      `${r.voorletters} ${r.achternaam}`,
    ]),
  ),
].filter((v): v is string => v !== null && v !== '');

interface Case {
  file: string;
  args?: string[];
  exit: 1 | 2;
  /** The key phrase of the "fout:" line. */
  message: string;
  /** For a problem in a row: the line, the column header as in the file, the value as shown. */
  problems?: Array<{ line: number; header: string | null; value: string; expected: string; hint?: string }>;
  /** For a CSV structure problem: the line named. */
  line?: number;
  /** A phrase of the "Tip:" line. */
  tip: string;
  /** The March list is imported first; the database must stay as it was. */
  afterMarch?: boolean;
  /** Further phrases that must be on stderr. */
  also?: string[];
}

const ROW_TIP = 'gebruik --skip-invalid om de goede regels in te lezen';
const ROW_MESSAGE = (n: number, file: string): string =>
  `${n} ${n === 1 ? 'regel' : 'regels'} in ${file} ${n === 1 ? 'klopt' : 'kloppen'} niet; er is niets ingelezen.`;

/** A file with problems in rows: the summary line, the rows' problems, the general tip. */
function rowCase(file: string, problems: NonNullable<Case['problems']>, extra: Partial<Case> = {}): Case {
  const lines = new Set(problems.map((p) => p.line));
  return { file, exit: 1, message: ROW_MESSAGE(lines.size, file), problems, tip: ROW_TIP, ...extra };
}

const AMOUNT = "een bedrag in euro's zoals 1234,56 of € 1.234,56";
const DATE_SHAPE = 'een datum zoals 15-03-2022, 15/03/2022 of 2022-03-15';
const DATE_EXISTING = 'een bestaande datum, zoals 15-03-2022';
const POSTCODE = 'een postcode zoals 1234 AB (vier cijfers, niet beginnend met 0, en twee letters)';
const HUISNUMMER = 'een huisnummer van alleen cijfers, 1 tot en met 99999, zonder voorloopnul';
const BSN_DIGITS = 'een BSN van negen cijfers (acht als Excel de voorloopnul heeft weggelaten)';
const QUOTE_RULE = 'wordt een aanhalingsteken binnen dat veld verdubbeld ("")';

const CASES: Case[] = [
  // files that are not a list
  { file: 'leeg-2022-03.csv', exit: 1, message: 'Het bestand is leeg.', tip: 'dit bestand bevat geen gegevens' },
  { file: 'alleen-witruimte-2022-03.csv', exit: 1, message: 'Het bestand is leeg.', tip: 'dit bestand bevat geen gegevens' },
  { file: 'alleen-kopregel-2022-03.csv', exit: 1, message: 'alleen-kopregel-2022-03.csv bevat alleen een kopregel en geen signalen.', tip: 'de lijst volledig heeft geëxporteerd' },
  { file: 'geen-kopregel-2022-03.csv', exit: 1, message: 'geen-kopregel-2022-03.csv bevat geen kopregel en geen signalen.', tip: 'Controleer of u het goede bestand heeft gekozen.' },
  { file: 'binair-2022-03.csv', exit: 1, message: 'Dit is geen tekstbestand (CSV): het bevat binaire gegevens.', tip: 'geef dan de codering op (utf-16le of utf-16be)' },
  { file: 'excel-werkmap-2022-03.xlsx.csv', exit: 1, message: 'Dit is een Excel-werkmap, geen CSV-bestand.', tip: 'kies Opslaan als en dan "CSV' },
  { file: 'excel-97-werkmap-2022-03.xls.csv', exit: 1, message: 'Dit is een Excel-werkmap, geen CSV-bestand.', tip: 'kies Opslaan als en dan "CSV' },
  { file: 'zonder-maand.csv', exit: 2, message: 'Uit de bestandsnaam zonder-maand.csv blijkt niet om welke maand het gaat.', tip: '--month JJJJ-MM' },
  // encodings
  {
    file: 'ongeldige-utf8-met-encoding-optie-2022-03.csv',
    args: ['--encoding', 'utf-8'],
    exit: 2,
    message: 'Als codering is UTF-8 opgegeven, maar het bestand bevat tekens die geen geldige UTF-8 zijn.',
    tip: 'of kies windows-1252',
  },
  {
    file: 'utf8-bom-met-windows1252-tekens-2022-03.csv',
    exit: 1,
    message: 'Het bestand begint als UTF-8 (met BOM), maar bevat tekens die geen geldige UTF-8 zijn.',
    tip: 'sla het opnieuw op als "CSV UTF-8"',
  },
  {
    file: 'utf8-bom-met-encoding-optie-windows1252-2022-03.csv',
    args: ['--encoding', 'windows-1252'],
    exit: 2,
    message: 'Als codering is Windows-1252 opgegeven, maar het bestand begint met het kenmerk (BOM) van UTF-8.',
    tip: 'Laat de codering weg',
  },
  { file: 'ongeldige-utf16-2022-03.csv', exit: 1, message: 'Het bestand bevat tekens die geen geldige UTF-16LE zijn.', tip: 'Laat de codering weg' },
  // CSV structure
  { file: 'aanhalingsteken-niet-gesloten-2022-03.csv', exit: 1, line: 4, message: 'Regel 4: een aanhalingsteken (") wordt geopend maar niet gesloten.', tip: QUOTE_RULE },
  { file: 'tekst-na-aanhalingsteken-2022-03.csv', exit: 1, line: 4, message: 'Regel 4 (kolom 13): na het afsluitende aanhalingsteken (") volgt nog tekst in hetzelfde veld.', tip: QUOTE_RULE },
  { file: 'aanhalingsteken-midden-in-veld-2022-03.csv', exit: 1, line: 4, message: 'Regel 4 (kolom 13): er staat een aanhalingsteken (") midden in een veld.', tip: QUOTE_RULE },
  rowCase('te-veel-velden-2022-03.csv', [
    { line: 4, header: null, value: '23 velden', expected: '21 velden, net als de kopregel', hint: 'Controleer het scheidingsteken (--delimiter)' },
  ]),
  {
    file: 'verkeerd-scheidingsteken-2022-03.csv',
    exit: 1,
    message: 'Verplichte kolommen ontbreken: signaaldatum, signaalpartner, bedrag, huisnummer, postcode.',
    tip: '--map koppeling.json',
  },
  // headers
  { file: 'ontbrekende-kolom-2022-03.csv', exit: 1, message: 'Verplichte kolom ontbreekt: postcode.', tip: '{"Uw kolomnaam": "postcode"}' },
  {
    file: 'dubbele-kolom-2022-03.csv',
    exit: 1,
    message: 'De kolommen "Bedrag achterstand" en "Achterstand" betekenen allebei "bedrag"',
    tip: 'Verwijder of hernoem een van de twee kolommen',
  },
  // values, one per kind of message
  rowCase('verplicht-veld-leeg-2022-03.csv', [{ line: 3, header: 'Bedrag achterstand', value: '(leeg)', expected: 'een waarde (dit veld is verplicht)' }]),
  rowCase('negatief-bedrag-2022-03.csv', [
    { line: 3, header: 'Bedrag achterstand', value: '-125,00', expected: 'een bedrag van 0 of meer (geen negatief bedrag)', hint: 'Een achterstand is nooit negatief' },
  ]),
  rowCase('absurd-bedrag-2022-03.csv', [
    { line: 3, header: 'ACHTERSTANDS-BEDRAG', value: '€ 2.500.000,00', expected: 'een bedrag van hoogstens € 1.000.000,00', hint: 'Onwaarschijnlijk hoog bedrag' },
  ]),
  rowCase('bedrag-geen-getal-2022-03.csv', [{ line: 3, header: 'Bedrag achterstand', value: 'onbekend', expected: AMOUNT }]),
  rowCase('bedrag-duizendtallen-verkeerd-2022-03.csv', [
    { line: 3, header: 'Bedrag achterstand', value: '1.23.456,00', expected: AMOUNT, hint: 'Duizendtallen staan in groepjes van drie cijfers' },
  ]),
  rowCase('bedrag-drie-decimalen-2022-03.csv', [
    { line: 3, header: 'Bedrag achterstand', value: '12,500', expected: AMOUNT, hint: 'Gebruik hoogstens twee cijfers achter de komma' },
  ]),
  rowCase('datum-bestaat-niet-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '31-02-2022', expected: DATE_EXISTING, hint: 'Niet elke maand heeft 31 dagen' },
  ]),
  rowCase('datum-in-toekomst-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '15-03-2099', expected: 'een datum die niet na vandaag (', hint: 'Controleer of dag en maand niet verwisseld zijn.' },
  ]),
  rowCase('datum-vorm-2022-03.csv', [{ line: 3, header: 'Signaaldatum', value: '15 maart 2022', expected: DATE_SHAPE }]),
  rowCase('datum-jaar-twee-cijfers-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '15-03-22', expected: DATE_SHAPE, hint: 'Schrijf het jaartal met vier cijfers' },
  ]),
  rowCase('datum-als-getal-2022-03.csv', [{ line: 3, header: 'Signaaldatum', value: '44635', expected: DATE_SHAPE, hint: 'Dit lijkt een datum als getal' }]),
  rowCase('datum-met-tijdzone-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '2022-03-15T00:00:00Z', expected: DATE_SHAPE, hint: 'Laat de tijdzone weg' },
  ]),
  rowCase('datum-jaartal-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '15-03-1850', expected: 'een datum met een jaartal van 1900 tot en met 2100', hint: 'Controleer het jaartal.' },
  ]),
  rowCase('datum-maand-13-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '2022-13-01', expected: DATE_EXISTING, hint: 'Een maand loopt van 1 tot en met 12.' },
  ]),
  rowCase('datum-dag-en-maand-omgedraaid-2022-03.csv', [
    { line: 3, header: 'Signaaldatum', value: '03/15/2022', expected: DATE_EXISTING, hint: 'Controleer of dag en maand zijn omgedraaid' },
  ]),
  rowCase('ontstaansdatum-na-signaaldatum-2022-03.csv', [
    { line: 3, header: 'Datum ontstaan', value: '28-03-2022', expected: 'een datum op of vóór de signaaldatum', hint: 'niet verwisseld zijn' },
  ]),
  rowCase('geboortedatum-in-toekomst-2022-03.csv', [
    { line: 3, header: 'Geboortedatum', value: '(verborgen)', expected: 'een geboortedatum in het verleden' },
  ]),
  rowCase('postcode-2022-03.csv', [{ line: 3, header: 'Postcode', value: '(verborgen)', expected: POSTCODE }]),
  rowCase('postcode-zonder-letters-2022-03.csv', [
    { line: 3, header: 'Postcode', value: '(verborgen)', expected: POSTCODE, hint: 'De twee letters van de postcode ontbreken' },
  ]),
  rowCase('huisnummer-voorloopnul-2022-03.csv', [{ line: 3, header: 'Huisnummer', value: '(verborgen)', expected: HUISNUMMER, hint: 'Laat de voorloopnul weg.' }]),
  rowCase('huisnummer-geen-getal-2022-03.csv', [{ line: 3, header: 'Huisnummer', value: '(verborgen)', expected: HUISNUMMER }]),
  // The national delivery (DDAS) takes at most four characters: refused here, not at the export.
  rowCase('toevoeging-te-lang-2022-03.csv', [
    { line: 3, header: 'Toevoeging', value: '(verborgen)', expected: 'een toevoeging van hoogstens 4 tekens, zoals A, BIS of 2-H', hint: 'Het landelijke DDAS-model staat geen langere toevoeging toe' },
  ]),
  // The first row has a note over two lines: the bad third row starts on physical line 5.
  rowCase('huisnummer-met-letter-2022-03.csv', [
    { line: 5, header: 'Huisnummer', value: '(verborgen)', expected: HUISNUMMER, hint: 'Zet de letter of toevoeging (zoals A, bis of 2) in de kolom huisnummertoevoeging' },
  ]),
  rowCase('bsn-elfproef-2022-03.csv', [
    { line: 2, header: 'BSN', value: maskBsn(brokenBsn), expected: 'een geldig BSN (negen cijfers die voldoen aan de elfproef)', hint: 'tikfout of twee omgedraaide cijfers' },
  ]),
  rowCase('bsn-letters-2022-03.csv', [
    { line: 2, header: 'BSN', value: maskBsn(`${bsn.slice(0, 8)}X`), expected: BSN_DIGITS, hint: 'Een BSN bestaat alleen uit cijfers' },
  ]),
  rowCase('bsn-wetenschappelijke-notatie-2022-03.csv', [
    { line: 2, header: 'BSN', value: '********+08', expected: BSN_DIGITS, hint: 'Excel heeft het BSN als getal met een E weergegeven' },
  ]),
  rowCase('bsn-te-kort-2022-03.csv', [{ line: 2, header: 'BSN', value: maskBsn(bsn.slice(0, 7)), expected: BSN_DIGITS, hint: 'Het BSN is te kort' }]),
  rowCase('bsn-te-lang-2022-03.csv', [{ line: 2, header: 'BSN', value: maskBsn(`${bsn}0`), expected: BSN_DIGITS, hint: 'Het nummer is te lang voor een BSN' }]),
  rowCase('onbekende-signaalpartner-2022-03.csv', [
    {
      line: 3,
      header: 'Type signaalpartner',
      value: 'Sportschool',
      expected: 'een signaalpartner: Huur, Energie, Water, Zorg, CAK Zorgverzekeringen, CAK Eigen bijdrage, Hypotheek, DUO, Belastingdienst, Dienst Toeslagen, Overige',
      hint: 'Gangbare woorden zoals woningcorporatie',
    },
  ]),
  rowCase('crisissignaal-geen-ja-of-nee-2022-03.csv', [{ line: 3, header: 'Crisissignaal', value: 'misschien', expected: 'ja of nee (ook j/n' }]),
  rowCase('geslacht-onbekend-woord-2022-03.csv', [{ line: 3, header: 'Geslacht', value: 'z', expected: 'man, vrouw of onbekend (ook m, v of o)' }]),
  rowCase('meerdere-fouten-in-een-regel-2022-03.csv', [
    { line: 3, header: 'Bedrag achterstand', value: '-5,00', expected: 'een bedrag van 0 of meer' },
    { line: 3, header: 'Postcode', value: '(verborgen)', expected: POSTCODE },
    { line: 3, header: 'Type signaalpartner', value: 'Sportschool', expected: 'een signaalpartner: Huur' },
  ]),
  rowCase(
    'veel-fouten-2022-03.csv',
    Array.from({ length: 50 }, (_, i) => ({
      line: i + 2,
      header: 'Bedrag achterstand',
      value: `-1,${String(i).padStart(2, '0')}`,
      expected: 'een bedrag van 0 of meer (geen negatief bedrag)',
    })),
    { message: ROW_MESSAGE(60, 'veel-fouten-2022-03.csv'), also: ['  … en nog 10 andere fouten.'] },
  ),
  rowCase('kenmerk-twee-adressen-2022-03.csv', [
    { line: 2, header: 'Kenmerk', value: rows[0]!.signaalId!, expected: 'een kenmerk dat in deze maand bij één adres hoort', hint: 'vraag de gemeente welk adres klopt' },
    { line: 4, header: 'Kenmerk', value: rows[0]!.signaalId!, expected: 'een kenmerk dat in deze maand bij één adres hoort' },
  ]),
  rowCase(
    'kenmerk-bij-ander-adres-dan-eerder-2022-03.csv',
    [{ line: 3, header: 'Kenmerk', value: rows[0]!.signaalId!, expected: 'een kenmerk dat in deze maand bij één adres hoort', hint: 'vraag de gemeente welk adres klopt' }],
    { afterMarch: true },
  ),
  {
    file: 'koppeling-onbekend-veld.json',
    // the --map file belongs to how the command is called: a usage error, like a map that is no JSON
    exit: 2,
    message: 'koppeling-onbekend-veld.json koppelt aan een onbekend veld.',
    tip: 'Gebruik als waarde een van de bekende velden',
  },
  { file: 'koppeling-geen-json.json', exit: 2, message: 'koppeling-geen-json.json is geen geldige JSON.', tip: 'Een koppelbestand ziet er zo uit' },
];

/** How a case is run: a --map file goes with a good list, everything else is the input. */
function argsOf(c: Case): string[] {
  if (c.file.endsWith('.json')) return ['import', lijst('2022-01'), '--map', fixture(c.file)];
  return ['import', fixture(c.file), ...(c.args ?? [])];
}

function expectNoPersonalData(result: RunResult): void {
  const output = result.stdout + result.stderr;
  for (const value of PERSONAL) if (output.includes(value)) expect.fail(`personal data from the file in the output: "${value.slice(0, 2)}…"`);
  expectNoBsn([output]);
}

function expectMessage(result: RunResult, c: Case): void {
  expect(result.status, result.stderr).toBe(c.exit);
  expect(result.stdout).toBe('');
  const [first] = result.stderr.split('\n');
  expect(first).toMatch(/^fout: /);
  expect(first).toContain(c.message);
  if (c.line !== undefined) expect(first).toContain(`Regel ${c.line}`);
  for (const p of c.problems ?? []) {
    const where = p.header === null ? `${c.file} regel ${p.line}: ` : `${c.file} regel ${p.line}, kolom "${p.header}": `;
    const detail = result.stderr.split('\n').find((line) => line.startsWith(`  ${where}${p.value}; verwacht ${p.expected}`));
    expect(detail, `no line "${where}${p.value}; verwacht ${p.expected}…" in\n${result.stderr}`).toBeDefined();
    if (p.hint !== undefined) expect(detail).toContain(p.hint);
  }
  for (const phrase of c.also ?? []) expect(result.stderr).toContain(phrase);
  const tip = result.stderr.split('\n').find((line) => line.startsWith('Tip: '));
  expect(tip, 'a hint').toBeDefined();
  expect(tip).toContain(c.tip);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
  expectNoPersonalData(result);
}

describe('the bad-file corpus', () => {
  it('is exactly what make-error-fixtures produces (run `node dist/tools/make-error-fixtures.js` after changing it)', () => {
    const built = buildErrorFixtures();
    for (const file of built) {
      const onDisk = fs.readFileSync(fixture(file.name));
      expect(onDisk.equals(file.bytes), `${file.name} differs from a fresh generation`).toBe(true);
    }
    expect(fs.readdirSync(DIR).sort()).toEqual(built.map((f) => f.name).sort());
    const again = buildErrorFixtures();
    again.forEach((file, i) => expect(file.bytes.equals(built[i]!.bytes)).toBe(true));
  });

  it('has a test case for every file, and every file is small', () => {
    expect(CASES.map((c) => c.file).sort()).toEqual(fs.readdirSync(DIR).sort());
    for (const name of fs.readdirSync(DIR)) expect(fs.statSync(fixture(name)).size).toBeLessThan(16 * 1024);
  });
});

// A dry run goes another way to the same errors (a read-only or in-memory database); a sample of
// the kinds is run both ways, to keep the suite fast.
const DRY_RUN_TOO = new Set([
  'leeg-2022-03.csv',
  'ongeldige-utf8-met-encoding-optie-2022-03.csv',
  'ontbrekende-kolom-2022-03.csv',
  'kenmerk-twee-adressen-2022-03.csv',
]);

/** The files with bad rows that are also imported with --skip-invalid (a sample, for speed). */
const SKIP_INVALID_TOO = new Set([
  'te-veel-velden-2022-03.csv',
  'absurd-bedrag-2022-03.csv',
  'huisnummer-met-letter-2022-03.csv',
  'bsn-elfproef-2022-03.csv',
  'meerdere-fouten-in-een-regel-2022-03.csv',
  'kenmerk-twee-adressen-2022-03.csv',
]);

describe('each bad file: exit code, Dutch message with line and column, hint, no personal data, no database', () => {
  it.each(CASES)('$file', async (c) => {
    const w = workspace();
    if (c.afterMarch) {
      expect((await w.run(['import', lijst('2022-03')])).status).toBe(0);
      const before = dumpDatabase(w.db);
      const result = await w.run(argsOf(c));
      expectMessage(result, c);
      expect(dumpDatabase(w.db)).toEqual(before);
      expect(w.listing()).toEqual(['eropaf.db']);
      return;
    }
    const result = await w.run(argsOf(c));
    expectMessage(result, c);
    expect(w.listing()).toEqual([]);
    if (!DRY_RUN_TOO.has(c.file)) return;
    const dry = await w.run([...argsOf(c), '--dry-run']);
    expect(dry.status).toBe(c.exit);
    expect(dry.stderr).toBe(result.stderr);
    expect(w.listing()).toEqual([]);
  }, TIMEOUT);
});

describe('--skip-invalid on the files with bad rows', () => {
  const rowCases = CASES.filter((c) => SKIP_INVALID_TOO.has(c.file));
  it('samples existing row cases', () => expect(rowCases.length).toBe(SKIP_INVALID_TOO.size));

  it.each(rowCases)('$file: imports the good rows, writes the bad ones with their reason next to the input', async (c) => {
    const w = workspace();
    const input = w.file(c.file);
    fs.copyFileSync(fixture(c.file), input);
    const result = await w.run(['import', input, '--skip-invalid']);
    const badLines = [...new Set(c.problems!.map((p) => p.line))].sort((a, b) => a - b);
    const rejectsName = c.file.replace(/\.csv$/, '.afgewezen.csv');
    expect(unexpectedStderr(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    const readRows = Number(/^Regels gelezen\s+(\d+)$/m.exec(result.stdout)?.[1]);
    expect(result.stdout).toMatch(new RegExp(`^Regels afgewezen\\s+${badLines.length} \\(staan in ${rejectsName.replace(/\./g, '\\.')}\\)$`, 'm'));
    expectNoPersonalData(result);

    const rejects = w.file(rejectsName);
    expect(fs.statSync(rejects).mode & 0o777).toBe(0o600);
    const records = parse(fs.readFileSync(rejects), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
    expect(records[0]?.slice(0, 3)).toEqual(['regel', 'reden', 'Kenmerk']);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(badLines);
    for (const p of c.problems!) {
      const reason = records.find((r) => Number(r[0]) === p.line)?.[1] ?? '';
      expect(reason).toContain(p.header === null ? `regel: ${p.value}` : `kolom "${p.header}": ${p.value}; verwacht ${p.expected}`);
    }
    const stored = withDb(w.db, (db) => db.prepare('SELECT count(*) FROM signals').pluck().get() as number);
    expect(stored).toBe(readRows - badLines.length);
  }, TIMEOUT);

  it('with --rejects FILE writes there, and a dry run writes no rejects file', async () => {
    const w = workspace();
    const file = fixture('kenmerk-twee-adressen-2022-03.csv');
    const rejects = w.file('afgewezen.csv');
    const dry = await w.run(['import', file, '--skip-invalid', '--rejects', rejects, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^Regels afgewezen\s+2 \(zouden komen in afgewezen\.csv\)$/m);
    expect(w.listing()).toEqual([]);
    const real = await w.run(['import', file, '--skip-invalid', '--rejects', rejects]);
    expect(real.status).toBe(0);
    expect(w.listing()).toEqual(['afgewezen.csv', 'eropaf.db']);
    expect(fs.readdirSync(DIR).some((name) => name.includes('afgewezen'))).toBe(false);
  }, TIMEOUT);
});

describe('errors the corpus cannot hold as a small file', () => {
  it('a record over 1 MB (a quote that is never closed): names the line, exit 1, no database', async () => {
    const w = workspace();
    const file = w.file('regel-te-groot-2022-03.csv');
    const good = fs.readFileSync(fixture('negatief-bedrag-2022-03.csv'), 'utf8').split('\r\n').slice(0, 3).join('\r\n');
    fs.writeFileSync(file, `${good}\r\n"${'x'.repeat(1100 * 1024)}\r\n`);
    const result = await w.run(['import', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("fout: Regel 4: de regel is groter dan 1 MB; zo'n regel hoort niet in een lijst met signalen.");
    expect(result.stderr).toContain('Tip: Meestal wordt op deze regel een aanhalingsteken (") geopend en niet gesloten');
    expect(w.listing()).toEqual(['regel-te-groot-2022-03.csv']);
  }, TIMEOUT);

  it('--rejects naming the input itself: exit 2, the input left intact, no database', async () => {
    const w = workspace();
    const input = w.file('negatief-bedrag-2022-03.csv');
    fs.copyFileSync(fixture('negatief-bedrag-2022-03.csv'), input);
    const result = await w.run(['import', 'negatief-bedrag-2022-03.csv', '--skip-invalid', '--rejects', `./negatief-bedrag-2022-03.csv`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`fout: --rejects ${input} is het invoerbestand zelf; dat zou worden overschreven.`);
    expect(result.stderr).toContain('Tip: Kies een andere naam');
    expect(fs.readFileSync(input).equals(fs.readFileSync(fixture('negatief-bedrag-2022-03.csv')))).toBe(true);
    expect(w.listing()).toEqual(['negatief-bedrag-2022-03.csv']);
  }, TIMEOUT);

  it('a folder instead of a file: exit 2', async () => {
    const w = workspace();
    fs.mkdirSync(w.file('lijst-2022-03'));
    const result = await w.run(['import', 'lijst-2022-03']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`fout: ${w.file('lijst-2022-03')} is een map, geen bestand.`);
    expect(result.stderr).toContain('Tip: Geef de naam van een bestand op.');
    expect(w.listing()).toEqual(['lijst-2022-03']);
  }, TIMEOUT);
});

describe('privacy', () => {
  it('no run printed a full BSN', () => {
    expect(allOutputs.length).toBeGreaterThan(100);
    expectNoBsn(allOutputs);
  });
});
