// End to end: a month's follow-up cycle with the built binary, as the two workers run it.
// Import, add workers, triage (dry run first), worklist CSV for Excel, the CSV edited as Excel
// saves it (UTF-8 with BOM and ';', and a Windows-1252 copy with ','), outcomes (twice), the
// month overview, and the contact/close commands with their errors. No output may contain a
// full BSN or a stack trace.

import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { EINDRESULTATEN } from '../../src/core/followup.js';
import { allOutputs, expectNoBsn, lijst, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-followup-');

const HEADER =
  'Kenmerk;Signaaldatum;Datum ontstaan;Type signaalpartner;Schuldeiser;Bedrag achterstand;BSN;Voorletters;Voorvoegsel;Achternaam;Geboortedatum;Geslacht;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;E-mail;Crisissignaal;Warme overdracht';

/**
 * A small extra January list with text that a spreadsheet would run as a formula: creditor names
 * starting with '=' and '-', and a phone number starting with '+'. Both households are meervoudig,
 * so they are always on the worklist.
 */
const FORMULA_LIST = [
  HEADER,
  'FORM-1;24-01-2022;01-11-2021;Huur;=SOM(1+2) Wonen;1.250,00;;T.;;Formule;01-01-1970;Vrouw;Proefstraat;901;;2106 ZZ;Heemstede;+31 6 99000001;;Nee;Nee',
  'FORM-2;24-01-2022;15-12-2021;Energie;Testenergie;310,40;;T.;;Formule;01-01-1970;Vrouw;Proefstraat;901;;2106 ZZ;Heemstede;+31 6 99000001;;Nee;Nee',
  'FORM-3;24-01-2022;01-12-2021;Water;-Min Water;95,00;;P.;;Streep;02-02-1980;Man;Proefstraat;903;;2106 ZZ;Heemstede;06-99000003;;Nee;Nee',
  'FORM-4;24-01-2022;01-12-2021;Zorg;Testzorg;420,00;;P.;;Streep;02-02-1980;Man;Proefstraat;903;;2106 ZZ;Heemstede;06-99000003;;Nee;Nee',
].join('\r\n');

const WORKLIST_HEADER = [
  'melding', 'medewerker', 'reden', 'soort', 'opeenvolgend', 'organisaties', 'totaal', 'naam', 'adres',
  'telefoon', 'email', 'bsn', 'pogingen', 'termijn', 'voorstel', 'contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie',
];

function ok(result: RunResult): RunResult {
  expect(result.stderr, result.stderr).not.toMatch(/fout:/);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** The decisions table a triage prints: from its header line up to the footer. */
function decisionsTable(stdout: string): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^melding\s+besluit\s+medewerker\s+reden/.test(l));
  expect(start).toBeGreaterThan(0);
  return lines.slice(start, lines.length - 2).join('\n');
}

function count(sql: string, ...params: unknown[]): number {
  return withDb(ws.db, (db) => db.prepare(sql).pluck().get(...params) as number);
}

/** Every table of the database, for "nothing was written" checks. */
function snapshot(): string {
  return withDb(ws.db, (db) =>
    JSON.stringify(
      ['contacts', 'results', 'decisions', 'triage_runs'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
    ),
  );
}

let csv: string;
let rows: Record<string, string>[];

beforeAll(async () => {
  ok(await ws.run(['import', lijst('2022-01')]));
  ok(await ws.run(['import', lijst('2022-02')]));
  fs.writeFileSync(ws.file('aanvulling.csv'), `\ufeff${FORMULA_LIST}\r\n`);
  ok(await ws.run(['import', 'aanvulling.csv', '--month', '2022-01', '--aanvulling']));
  ok(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '10']));
  ok(await ws.run(['medewerkers', 'add', 'Bram Jansen', '--capacity', '8']));
}, TIMEOUT);

describe('triage and the worklist', () => {
  it('prints the same decisions for a dry run as for the real run, and the dry run stores nothing', async () => {
    const dry = ok(await ws.run(['triage', '--month', '2022-01', '--dry-run']));
    expect(count('SELECT count(*) FROM decisions')).toBe(0);
    expect(count('SELECT count(*) FROM triage_runs')).toBe(0);
    expect(dry.stdout).toContain('Proefrun: er is niets opgeslagen.');
    const real = ok(await ws.run(['triage', '--month', '2022-01', '--details']));
    expect(decisionsTable(real.stdout).length).toBeGreaterThan(0);
    expect(decisionsTable(real.stdout)).toEqual(decisionsTable(dry.stdout));
    expect(real.stdout).toContain('Werklijst: eropaf worklist --month 2022-01');
    expect(count("SELECT count(*) FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE m.month = '2022-01'")).toBe(
      count("SELECT count(*) FROM meldingen WHERE month = '2022-01'"),
    );
  }, TIMEOUT);

  it('writes a worklist CSV for Dutch Excel: BOM, semicolons, CRLF, masked BSNs, no formulas', async () => {
    const result = ok(await ws.run(['worklist', '--month', '2022-01', '--format', 'csv']));
    csv = result.stdout;
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(WORKLIST_HEADER.join(';'));
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const assigned = count("SELECT count(*) FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE m.month = '2022-01' AND d.kind IN ('altijd', 'capaciteit')");
    expect(rows).toHaveLength(assigned);
    expect(rows.every((r) => /^2022-01-\d{3}$/.test(r.melding!))).toBe(true);
    expect(rows.every((r) => r.medewerker === 'Anna de Vries' || r.medewerker === 'Bram Jansen')).toBe(true);

    const withBsn = rows.filter((r) => r.bsn !== '');
    expect(withBsn.length).toBeGreaterThan(0);
    expect(withBsn.every((r) => /^\*{6}\d{3}$/.test(r.bsn!))).toBe(true);
    expect(csv).not.toMatch(/(?<!\d)\d{9}(?!\d)/);
    for (const column of ['contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie']) {
      expect(rows.every((r) => r[column] === '')).toBe(true);
    }

    // The formula-like cells are neutralised with a leading apostrophe; nothing else starts a formula.
    const organisations = rows.map((r) => r.organisaties!);
    expect(organisations.some((o) => o.startsWith("'=SOM(1+2) Wonen (Huur) € 1.250,00"))).toBe(true);
    expect(organisations.some((o) => o.startsWith("'-Min Water (Water) € 95,00"))).toBe(true);
    expect(rows.some((r) => r.telefoon === "'+31 6 99000001")).toBe(true);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }, TIMEOUT);

  it('writes the same bytes to --out, readable by its owner only', async () => {
    const result = ok(await ws.run(['werklijst', '--month', '2022-01', '--out', 'werklijst.csv']));
    expect(result.stdout).toBe('');
    expect(fs.readFileSync(ws.file('werklijst.csv'), 'utf8')).toBe(csv);
    expect((fs.statSync(ws.file('werklijst.csv')).mode & 0o777).toString(8)).toBe('600');
  }, TIMEOUT);

  it("shows one worker's list, and names the known workers for an unknown name", async () => {
    const anna = ok(await ws.run(['worklist', '--month', '2022-01', '--worker', 'anna de vries', '--format', 'csv']));
    const annaRows = parse(anna.stdout, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(annaRows.length).toBeGreaterThan(0);
    expect(annaRows.every((r) => r.medewerker === 'Anna de Vries')).toBe(true);
    expect(annaRows.length).toBe(rows.filter((r) => r.medewerker === 'Anna de Vries').length);

    const unknown = await ws.run(['worklist', '--month', '2022-01', '--worker', 'Piet Puk']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Piet Puk');
    expect(unknown.stderr).toContain('Anna de Vries, Bram Jansen');
  }, TIMEOUT);

  it('has no worklist for a month that was not triaged', async () => {
    const result = await ws.run(['worklist', '--month', '2022-02']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('eropaf triage --month 2022-02');
  }, TIMEOUT);
});

describe('reading a filled-in worklist back', () => {
  let refs: string[];

  /** The worklist as a worker fills it in Excel: some rows filled, a column removed, one added. */
  function filledIn(): Array<Record<string, string>> {
    refs = rows.slice(0, 5).map((r) => r.melding!);
    const edited: Array<Record<string, string>> = rows.map((row) => {
      const { bsn: _bsn, ...rest } = row;
      return { ...rest, 'eigen aantekening': '' };
    });
    Object.assign(edited[0]!, { contact_datum: '18-01-2022 10:15', contact_soort: 'Telefoon', bereikt: 'ja', resultaat: 'advies', notitie: 'Advies over betalingsregeling' });
    Object.assign(edited[1]!, { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'nee' });
    Object.assign(edited[2]!, { resultaat: 'zelf-betaald', 'eigen aantekening': 'niet inlezen' });
    // A second attempt for the second melding on a copied row, as Excel users do.
    edited.push({ ...edited[1]!, contact_datum: '20-01-2022 19:00', contact_soort: 'huisbezoek', bereikt: 'ja', resultaat: 'vervolghulp-niet-financieel' });
    return edited;
  }

  function excelCsv(records: Array<Record<string, string>>, delimiter: string): string {
    return stringify(records, { header: true, delimiter, record_delimiter: '\r\n' });
  }

  it('refuses a file with a bad row as a whole, naming the line, and records nothing', async () => {
    const records = filledIn();
    Object.assign(records[3]!, { contact_datum: '18-01-2022', contact_soort: 'fax', bereikt: 'ja', notitie: 'Vertrouwelijke notitie' });
    fs.writeFileSync(ws.file('fout.csv'), `\ufeff${excelCsv(records, ';')}`);
    const before = snapshot();
    const result = await ws.run(['outcomes', 'fout.csv']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('er is niets vastgelegd');
    expect(result.stderr).toMatch(/fout\.csv regel 5, kolom "contact_soort": fax/);
    expect(result.stderr).not.toContain('Vertrouwelijke');
    expect(snapshot()).toBe(before);
  }, TIMEOUT);

  it('records each attempt and result once, however often the file is read', async () => {
    fs.writeFileSync(ws.file('ingevuld.csv'), `\ufeff${excelCsv(filledIn(), ';')}`);
    const first = ok(await ws.run(['uitkomsten', 'ingevuld.csv']));
    expect(first.stdout).toContain(`ingevuld.csv: ${rows.length + 1} regels, 4 ingevuld.`);
    expect(first.stdout).toContain('Vastgelegd: 3 contactpogingen, 3 resultaten.');
    expect(count('SELECT count(*) FROM contacts')).toBe(3);
    expect(count("SELECT count(*) FROM results WHERE source = 'medewerker'")).toBe(3);
    const dagdelen = withDb(ws.db, (db) => db.prepare('SELECT dagdeel FROM contacts ORDER BY id').pluck().all());
    expect(dagdelen).toEqual(['Ochtend', null, 'Avond']);

    const before = snapshot();
    const second = ok(await ws.run(['outcomes', 'ingevuld.csv']));
    expect(second.stdout).toContain('Vastgelegd: 0 contactpogingen, 0 resultaten.');
    expect(second.stdout).toContain('6 al eerder vastgelegd');
    expect(snapshot()).toBe(before);
  }, TIMEOUT);

  it('reads a copy saved as Windows-1252 with commas, recording only what is new', async () => {
    const records = filledIn();
    Object.assign(records[4]!, { contact_datum: '21-01-2022 13:45', contact_soort: 'Brief', bereikt: 'nee', notitie: 'Cliënt krijgt een brief' });
    fs.writeFileSync(ws.file('ingevuld-1252.csv'), Buffer.from(excelCsv(records, ','), 'latin1'));
    const result = ok(await ws.run(['outcomes', 'ingevuld-1252.csv']));
    expect(result.stdout).toContain('Vastgelegd: 1 contactpoging, 0 resultaten.');
    const note = withDb(ws.db, (db) => db.prepare('SELECT notitie, dagdeel, soort FROM contacts ORDER BY id DESC LIMIT 1').get());
    expect(note).toEqual({ notitie: 'Cliënt krijgt een brief', dagdeel: 'Middag', soort: 'Brief' });
  }, TIMEOUT);

  it('shows the followed-up meldingen in the month overview', async () => {
    const result = ok(await ws.run(['months']));
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['maand', 'ontvangen', 'getrieerd', 'toegewezen', 'opgevolgd', 'uitgesteld', 'afgesloten', 'termijn', 'verlopen']);
    const jan = lines.find((l) => l.startsWith('2022-01'))!.split(/\s+/);
    const feb = lines.find((l) => l.startsWith('2022-02'))!.split(/\s+/);
    const received = count("SELECT count(*) FROM meldingen WHERE month = '2022-01'");
    const assigned = rows.length;
    // Followed up: the first four filled-in meldingen (two with results, three with attempts).
    // The lists were imported just now, so no first-contact term has passed yet.
    expect(jan).toEqual(['2022-01', String(received), 'ja', String(assigned), '4', String(received - assigned), '3', '0']);
    expect(feb).toEqual(['2022-02', String(count("SELECT count(*) FROM meldingen WHERE month = '2022-02'")), 'nee', '0', '0', '0', '0', '0']);
    expect(refs).toHaveLength(5);
  }, TIMEOUT);
});

describe('contact and close', () => {
  it('records an attempt once and a result with its referral', async () => {
    const ref = rows[5]!.melding!;
    const args = ['contact', ref, '--type', 'huisbezoek', '--reached', 'nee', '--date', '2022-01-28', '--daypart', 'avond', '--note', 'kaartje achtergelaten'];
    expect(ok(await ws.run(args)).stdout).toContain('Vastgelegd: 1 contactpoging, 0 resultaten.');
    expect(ok(await ws.run(args)).stdout).toContain('1 al eerder vastgelegd');
    const closed = ok(await ws.run(['afsluiten', ref, '--result', 'vervolghulp-financieel', '--referred-to', 'schuldhulpverlening', '--date', '2022-01-29']));
    expect(closed.stdout).toContain('Vastgelegd: 0 contactpogingen, 1 resultaat.');
    const stored = withDb(ws.db, (db) =>
      db
        .prepare(
          `SELECT r.resultaat, r.referred_to, r.closed_on, r.source FROM results r JOIN meldingen m ON m.id = r.melding_id
           WHERE m.month = ? AND m.seq = ?`,
        )
        .get('2022-01', Number(ref.slice(8))),
    );
    expect(stored).toEqual({
      resultaat: 'Vervolghulp en/of verwijzing financieel',
      referred_to: 'schuldhulpverlening',
      closed_on: '2022-01-29',
      source: 'medewerker',
    });
    const worklist = ok(await ws.run(['worklist', '--month', '2022-01', '--format', 'csv'])).stdout;
    expect(worklist).not.toContain(`${ref};`);
  }, TIMEOUT);

  it('refuses an unknown reference, a bad type, a bad result and an untriaged month, storing nothing', async () => {
    const before = snapshot();

    const unknown = await ws.run(['contact', '2022-01-999', '--type', 'telefoon', '--reached', 'ja']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('2022-01-999 bestaat niet');

    const badType = await ws.run(['contact', rows[6]!.melding!, '--type', 'fax', '--reached', 'ja']);
    expect(badType.status).toBe(2);
    expect(badType.stderr).toContain('telefoon, huisbezoek, brief, kaartje, mail, sms, afspraak, administratief, overige, onbekend');

    const badResult = await ws.run(['close', rows[6]!.melding!, '--result', 'klaar']);
    expect(badResult.status).toBe(2);
    for (const r of EINDRESULTATEN) expect(badResult.stderr).toContain(r.code);

    const untriaged = await ws.run(['contact', '2022-02-001', '--type', 'telefoon', '--reached', 'ja']);
    expect(untriaged.status).toBe(1);
    expect(untriaged.stderr).toContain('nog niet getrieerd');
    expect(untriaged.stderr).toContain('eropaf triage --month');

    const badRef = await ws.run(['close', 'melding-17', '--result', 'advies']);
    expect(badRef.status).toBe(2);

    const future = await ws.run(['contact', rows[6]!.melding!, '--type', 'telefoon', '--reached', 'ja', '--date', '2999-01-01']);
    expect(future.status).toBe(2);

    expect(snapshot()).toBe(before);
  }, TIMEOUT);

  it('lists all 16 result codes with their national text in close --help', async () => {
    const help = ok(await ws.run(['close', '--help']));
    for (const r of EINDRESULTATEN) expect(help.stdout).toMatch(new RegExp(`^  ${r.code} +${r.value.replace(/[()/]/g, '\\$&')}$`, 'm'));
  }, TIMEOUT);
});

describe('every output', () => {
  it('has no stack trace and no internal error', () => {
    expect(allOutputs.length).toBeGreaterThan(30);
    for (const output of allOutputs) {
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(output).not.toMatch(/\b(TypeError|RangeError|SqliteError|ReferenceError)\b/);
      expect(output).not.toContain('er ging iets mis in eropaf zelf');
    }
  });

  it('contains no full BSN from the fixtures', () => {
    expectNoBsn(allOutputs);
  });
});
