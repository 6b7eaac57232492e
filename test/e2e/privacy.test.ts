// End to end: privacy by design over the six fixture months, with the built binary. A purge
// (everything is past its term: the lists are from 2022) keeps every report byte-identical and
// removes the personal values from the database file itself; a purged period cannot be delivered;
// every changing command leaves exactly one audit record without personal data; the retention
// policy cannot be set below the 6-month look-back; every file is private; no output has a BSN.

import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allOutputs,
  expectNoBsn,
  fixtureBsns,
  lijst,
  MONTHS,
  ROOT,
  sha256,
  withDb,
  workspace,
  type RunResult,
} from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-privacy-');
const other = workspace('eropaf-e2e-privacy-rejects-');

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).not.toMatch(/fout:/);
  return result;
}

const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

// ---------------------------------------------------------------------------------------------
// The personal values of the fixture lists, collected from the files themselves.

interface PersonalValues {
  bsns: Set<string>;
  surnames: Set<string>;
  phones: Set<string>;
  emails: Set<string>;
  streets: Set<string>;
}

function fixtureRecords(): Array<Record<string, string>> {
  return MONTHS.flatMap(
    (month) => parse(fs.readFileSync(lijst(month)), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>,
  );
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `word` as a whole word: not inside another word ("Meer" is not in "Meerzicht"). */
function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'u');
}

function personalValues(): PersonalValues {
  const records = fixtureRecords();
  const values = (column: string) => new Set(records.map((r) => r[column]!.trim()).filter((v) => v !== ''));
  // Words the database keeps on purpose (creditor names, the town) cannot count as a leak.
  const kept = [...values('Schuldeiser'), ...values('Woonplaats'), 'Anna Test', 'Bram Test', 'Chris Test', 'WIJ Heemstede'].join('\n');
  const notKept = (word: string) => !wordPattern(word).test(kept);
  return {
    bsns: fixtureBsns(),
    surnames: new Set([...values('Achternaam')].filter(notKept)),
    phones: values('Telefoon'),
    emails: values('E-mail'),
    streets: new Set([...values('Straat')].filter(notKept)),
  };
}

const PERSONAL = personalValues();
/** A surname and phone number from the lists, written into a note as a worker might. */
const NOTE_SURNAME = [...PERSONAL.surnames].find((s) => s.length >= 5)!;
const NOTE_PHONE = [...PERSONAL.phones][0]!;
const NOTE = `Gebeld met mevrouw ${NOTE_SURNAME} op ${NOTE_PHONE}, belt terug`;

/** Every personal value found in `text`, by kind. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const bsn of PERSONAL.bsns) if (text.includes(bsn)) found.push(`bsn …${bsn.slice(-3)}`);
  for (const phone of PERSONAL.phones) {
    if (text.includes(phone) || text.includes(phone.replace(/\D/g, ''))) found.push(`telefoon ${phone}`);
  }
  for (const email of PERSONAL.emails) if (text.includes(email)) found.push(`e-mail ${email}`);
  for (const surname of PERSONAL.surnames) if (wordPattern(surname).test(text)) found.push(`achternaam ${surname}`);
  for (const street of PERSONAL.streets) if (wordPattern(street).test(text)) found.push(`straat ${street}`);
  if (text.includes(NOTE)) found.push('notitie');
  return found;
}

/** The bytes of the database file and its write-ahead log, as text. */
function databaseBytes(): string {
  return ['', '-wal']
    .map((suffix) => `${ws.db}${suffix}`)
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('utf8'))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The audit trail, read from the database.

interface AuditRow {
  id: number;
  at: string;
  command: string;
  options: string;
  counts: string;
  input_sha256: string | null;
}

function auditRows(): AuditRow[] {
  return withDb(ws.db, (db) => db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[]);
}

interface Step {
  args: string[];
  status: number | null;
  added: AuditRow[];
}

const steps: Step[] = [];

/** The command a step runs, by its English name (the audit trail's first word). */
const FAMILY: Record<string, string> = {
  importeer: 'import',
  medewerkers: 'workers',
  trieer: 'triage',
  poging: 'contact',
  afsluiten: 'close',
  uitkomsten: 'outcomes',
  instellingen: 'config',
  exporteer: 'export',
  opschonen: 'purge',
  werklijst: 'worklist',
};
const familyOf = (args: readonly string[]): string => FAMILY[args[0]!] ?? args[0]!;

/**
 * Runs a command and notes the audit records of its kind added meanwhile. Two kinds may run side
 * by side; a final check holds the total number of records to the number of steps.
 */
async function audited(args: string[], expectedStatus = 0): Promise<RunResult> {
  const before = fs.existsSync(ws.db) ? auditRows().length : 0;
  const result = await ws.run(args);
  expect(result.status, `${args.join(' ')}\n${result.stderr}`).toBe(expectedStatus);
  const added = fs.existsSync(ws.db) ? auditRows().slice(before) : [];
  steps.push({ args, status: result.status, added: added.filter((r) => r.command.split(' ')[0] === familyOf(args)) });
  return result;
}

async function auditedInSeries(commands: string[][]): Promise<void> {
  for (const args of commands) await audited(args);
}

function stepOf(...args: string[]): Step {
  const step = steps.find((s) => s.args.join(' ') === args.join(' '));
  expect(step, args.join(' ')).toBeDefined();
  return step!;
}

// ---------------------------------------------------------------------------------------------
// The reports compared before and after the purge.

async function runAll(commands: readonly string[][]): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const args of commands) results.push(await ws.run(args));
  return results;
}

const HALF_YEAR = ['--from', '2022-01', '--to', '2022-06'];
const TRIAGED = ['2022-01', '2022-02', '2022-03'];
const REPORTS: string[][] = [
  ...MONTHS.flatMap((m) => [
    ['table', '--from', m, '--to', m, '--format', 'json'],
    ['stats', '--from', m, '--to', m, '--format', 'json'],
  ]),
  ['table', ...HALF_YEAR, '--compare', '2021-11:2022-02'],
  ['table', ...HALF_YEAR, '--per-month'],
  ['tabel', ...HALF_YEAR, '--per-month', '--format', 'json'],
  ['table', '--from', '2022-02', '--to', '2022-04', '--format', 'csv'],
  ['stats', ...HALF_YEAR],
  ['cijfers', ...HALF_YEAR, '--format', 'json'],
];

let reportsBefore: RunResult[];
let reportsAfter: RunResult[];
let bytesBefore: string;
let auditBeforePurge: AuditRow[];
let dryPurge: RunResult;
let purge: RunResult;
let meldingenTotal: number;
/** Read-only commands run at the end, side by side. */
let auditJson: RunResult;
let auditTable: RunResult;
let configAfter: RunResult;
let rejectsImport: RunResult;
const REJECTS_INPUT = `${ROOT}/fixtures/fouten/bsn-elfproef-2022-03.csv`;

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  // A dry run of an import stores nothing, not even an audit record.
  await audited(['import', lijst('2022-01'), '--dry-run']);
  await audited(['import', lijst('2022-01')]);
  // The other lists and the workers side by side.
  await Promise.all([
    auditedInSeries(MONTHS.slice(1).map((month) => ['import', lijst(month)])),
    auditedInSeries([
      ['workers', 'add', 'Anna Test', '--capacity', '10'],
      ['medewerkers', 'toevoegen', 'Bram Test', '--capacity', '6'],
      ['workers', 'set', 'Bram Test', '--capacity', '8'],
      ['workers', 'add', 'Chris Test', '--capacity', '3'],
      ['workers', 'deactivate', 'Chris Test'],
    ]),
  ]);
  await audited(['triage', '--month', '2022-01', '--dry-run']);
  // Three months are enough here (each triage closes the deferred meldingen of the month before).
  await auditedInSeries(TRIAGED.map((month) => ['triage', '--month', month]));

  // Follow-up: a note with a name and phone number in it, closed the same week; a filled-in
  // worklist read back (dry run first). Every followed-up melding is closed.
  // (The reference from the database: a worklist on screen would show names.)
  const seq = withDb(ws.db, (db) =>
    db
      .prepare("SELECT m.seq FROM meldingen m JOIN decisions d ON d.melding_id = m.id WHERE m.month = '2022-01' AND d.kind = 'altijd' ORDER BY m.seq LIMIT 1")
      .pluck()
      .get() as number,
  );
  const ref = `2022-01-${String(seq).padStart(3, '0')}`;
  await audited(['contact', ref, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-20', '--note', NOTE]);
  await audited(['afsluiten', ref, '--result', 'advies', '--date', '2022-01-21']);

  await audited(['worklist', '--month', '2022-02', '--format', 'csv', '--out', 'werklijst-2022-02.csv']);
  const rows = parse(fs.readFileSync(ws.file('werklijst-2022-02.csv')), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
  Object.assign(rows[0]!, { contact_datum: '15-02-2022 14:30', contact_soort: 'telefoon', bereikt: 'ja', resultaat: 'vervolghulp', notitie: `${NOTE_SURNAME} wil hulp` });
  Object.assign(rows[1]!, { contact_datum: '16-02-2022', contact_soort: 'brief', bereikt: 'nee', resultaat: 'geen-contact' });
  Object.assign(rows[2]!, { contact_datum: '17-02-2022', contact_soort: 'huisbezoek', bereikt: 'nee', resultaat: 'overleden' });
  fs.writeFileSync(ws.file('ingevuld.csv'), `\ufeff${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`, { mode: 0o600 });
  await audited(['outcomes', 'ingevuld.csv', '--dry-run']);
  await audited(['outcomes', 'ingevuld.csv']);

  await audited(['config', 'set', 'bewaren.opgevolgd', '18']);
  await audited(['config', 'set', 'bewaren.niet-opgevolgd', '3'], 2);

  // January is delivered; the other months never are.
  await audited(['export', 'ddas', '--from', '2022-01', '--to', '2022-01', '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'vroegeropaf@example.nl', '--out', 'levering-2022-01.json']);

  meldingenTotal = withDb(ws.db, (db) => db.prepare('SELECT count(*) FROM meldingen').pluck().get() as number);
  reportsBefore = await runAll(REPORTS);
  bytesBefore = databaseBytes();
  auditBeforePurge = auditRows();

  dryPurge = await audited(['purge', '--dry-run']);
  purge = await audited(['opschonen']);
  reportsAfter = await runAll(REPORTS);

  await audited(['export', 'ddas', '--from', '2022-02', '--to', '2022-03', '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'vroegeropaf@example.nl', '--out', 'levering-2022-02.json'], 1);

  [auditJson, auditTable, configAfter, rejectsImport] = await Promise.all([
    ws.run(['audit', '--format', 'json']),
    ws.run(['logboek']),
    ws.run(['config']),
    other.run(['import', REJECTS_INPUT, '--skip-invalid', '--rejects', 'afgewezen.csv']),
  ]);
}, 120_000);

// ---------------------------------------------------------------------------------------------

describe('purge keeps every report', () => {
  it('gives byte-identical table and stats output for every period, before and after', () => {
    expect(reportsBefore).toHaveLength(REPORTS.length);
    REPORTS.forEach((args, i) => {
      const before = reportsBefore[i]!;
      const after = reportsAfter[i]!;
      expect(before.status, `${args.join(' ')}: ${before.stderr}`).toBe(0);
      expect(after.status, `${args.join(' ')}: ${after.stderr}`).toBe(0);
      expect(before.stdout.length, args.join(' ')).toBeGreaterThan(50);
      expect(after.stdout, args.join(' ')).toBe(before.stdout);
      expect(after.stderr, args.join(' ')).toBe(before.stderr);
    });
  });

  it('has reports with real figures in them (the comparison is not of empty reports)', () => {
    const json = JSON.parse(reportsBefore[REPORTS.findIndex((a) => a.join(' ') === ['cijfers', ...HALF_YEAR, '--format', 'json'].join(' '))]!.stdout) as {
      meldingen: number;
      households: number;
      ageGroups: Record<string, number>;
      reach: { count: number };
    };
    expect(json.meldingen).toBe(meldingenTotal);
    expect(json.households).toBeGreaterThan(100);
    expect(json.ageGroups.onbekend).toBe(0);
    expect(json.reach.count).toBeGreaterThan(0);
  });

  it('purged every melding: all are past their term', () => {
    expect(purge.stdout).toContain(`${meldingenTotal} meldingen`);
    const purged = withDb(ws.db, (db) => db.prepare('SELECT count(*) FROM meldingen WHERE purged_at IS NOT NULL').pluck().get());
    expect(purged).toBe(meldingenTotal);
    // The dry run announced the same counts.
    expect(dryPurge.stdout.split('\n')[0]!.replace('Zou verwijderen', 'Verwijderd')).toBe(purge.stdout.split('\n')[0]);
    expect(dryPurge.stdout).toMatch(/Proefrun/);
  });
});

describe('purged values are gone from the database file', () => {
  it('had the personal values in the file before the purge (the scan finds them)', () => {
    const found = leaks(bytesBefore);
    expect(found.filter((f) => f.startsWith('bsn')).length).toBeGreaterThan(100);
    expect(found.filter((f) => f.startsWith('achternaam')).length).toBeGreaterThan(20);
    expect(found.filter((f) => f.startsWith('telefoon')).length).toBeGreaterThan(20);
    expect(found.filter((f) => f.startsWith('e-mail')).length).toBeGreaterThan(5);
    expect(found).toContain('notitie');
  });

  it('has no BSN, name, phone number, e-mail address, street or note in the file or its log after', () => {
    expect(leaks(databaseBytes())).toEqual([]);
  });

  it('keeps no full postcode, house number or birth date in the tables', () => {
    const rows = withDb(ws.db, (db) => ({
      households: db.prepare('SELECT postcode, huisnummer, toevoeging FROM households').all() as Array<Record<string, string | null>>,
      signals: db.prepare('SELECT bsn, achternaam, telefoon, email, geboortedatum, straatnaam, signaal_id FROM signals').all() as Array<Record<string, unknown>>,
      notes: db.prepare('SELECT count(*) FROM contacts WHERE notitie IS NOT NULL').pluck().get(),
    }));
    for (const h of rows.households) {
      expect(h.postcode).toMatch(/^\d{4}$/);
      expect(h.huisnummer).toBeNull();
    }
    for (const s of rows.signals) expect(Object.values(s).every((v) => v === null)).toBe(true);
    expect(rows.notes).toBe(0);
  });
});

describe('national delivery and purge', () => {
  it('refuses to export a purged period, in Dutch, writing no file', () => {
    const step = stepOf('export', 'ddas', '--from', '2022-02', '--to', '2022-03', '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'vroegeropaf@example.nl', '--out', 'levering-2022-02.json');
    expect(step.status).toBe(1);
    expect(step.added).toEqual([]);
    const output = allOutputs.find((o) => o.includes('al verwijderd'));
    expect(output).toBeDefined();
    expect(output).toMatch(/persoonsgegevens van 2022-02, 2022-03 zijn al verwijderd/);
    expect(output).toMatch(/bewaartermijn/);
    expect(fs.existsSync(ws.file('levering-2022-02.json'))).toBe(false);
  });

  it('warns, in the dry run and the real purge, about the months never delivered', () => {
    for (const run of [dryPurge, purge]) {
      const warning = run.stderr.split('\n').find((l) => l.includes('nooit landelijk aangeleverd'));
      expect(warning, run.stderr).toBeDefined();
      expect(warning).toContain('2022-02, 2022-03, 2022-04, 2022-05, 2022-06');
      expect(warning).not.toContain('2022-01');
    }
  });

  it('says what it removed in counts, never in names', () => {
    expect(purge.stdout).toMatch(/^Verwijderd: de persoonsgegevens van \d+ meldingen \(\d+ signalen, \d+ notities?, \d+ adressen\)/);
    expect(leaks(purge.stdout + purge.stderr + dryPurge.stdout + dryPurge.stderr)).toEqual([]);
  });
});

describe('the audit trail', () => {
  const counts = (row: AuditRow): Record<string, number> => JSON.parse(row.counts) as Record<string, number>;

  it('has exactly one record for each changing command, with its name and counts', () => {
    const changing = steps.filter((s) => s.status === 0 && !s.args.includes('--dry-run') && s.args[0] !== 'worklist');
    expect(changing).toHaveLength(20);
    // No record beyond those of the steps (each step saw only records of its own kind).
    expect(steps.reduce((n, step) => n + step.added.length, 0)).toBe(auditRows().length);
    const expectedName: Record<string, string> = {
      import: 'import',
      workers: `workers`,
      medewerkers: 'workers',
      triage: 'triage',
      contact: 'contact',
      afsluiten: 'close',
      outcomes: 'outcomes',
      config: 'config set',
      export: 'export ddas',
      opschonen: 'purge',
    };
    for (const step of changing) {
      const label = step.args.join(' ');
      expect(step.added, label).toHaveLength(1);
      const record = step.added[0]!;
      const name = expectedName[step.args[0]!]!;
      if (name === 'workers') expect(record.command, label).toMatch(/^workers (add|set|deactivate)$/);
      else expect(record.command, label).toBe(name);
      expect(typeof counts(record), label).toBe('object');
    }
    // Subcommands by their own name, also when typed by their Dutch alias.
    expect(stepOf('medewerkers', 'toevoegen', 'Bram Test', '--capacity', '6').added[0]!.command).toBe('workers add');
    expect(stepOf('workers', 'set', 'Bram Test', '--capacity', '8').added[0]!.command).toBe('workers set');
    expect(stepOf('workers', 'deactivate', 'Chris Test').added[0]!.command).toBe('workers deactivate');
  });

  it('records the counts of each change and the SHA-256 of an input file', () => {
    for (const month of MONTHS) {
      const record = stepOf('import', lijst(month)).added[0]!;
      expect(record.input_sha256).toBe(sha256(lijst(month)));
      expect(Object.values(counts(record)).some((n) => n > 0)).toBe(true);
    }
    for (const month of TRIAGED) {
      const record = stepOf('triage', '--month', month).added[0]!;
      const inMonth = withDb(ws.db, (db) => db.prepare('SELECT count(*) FROM meldingen WHERE month = ?').pluck().get(month));
      expect(counts(record).meldingen).toBe(inMonth);
    }
    const contact = steps.find((s) => s.args[0] === 'contact')!.added[0]!;
    expect(counts(contact).contactpogingen).toBe(1);
    const close = steps.find((s) => s.args[0] === 'afsluiten')!.added[0]!;
    expect(counts(close).resultaten).toBe(1);
    const outcomes = stepOf('outcomes', 'ingevuld.csv').added[0]!;
    expect(counts(outcomes)).toMatchObject({ contactpogingen: 3, resultaten: 3 });
    expect(outcomes.input_sha256).toBe(sha256(ws.file('ingevuld.csv')));
    expect(counts(stepOf('workers', 'add', 'Anna Test', '--capacity', '10').added[0]!).capaciteit).toBe(10);
    const purgeRecord = stepOf('opschonen').added[0]!;
    expect(counts(purgeRecord).meldingen).toBe(meldingenTotal);
    const exportRecord = steps.find((s) => s.args[0] === 'export' && s.status === 0)!.added[0]!;
    const januarySignals = withDb(ws.db, (db) => db.prepare("SELECT count(*) FROM signals WHERE month = '2022-01'").pluck().get());
    expect(counts(exportRecord).vroegsignalen).toBe(januarySignals);
  });

  it('adds nothing for a dry run, a refused command or a command that only reads', () => {
    const quiet = steps.filter((s) => s.args.includes('--dry-run') || s.status !== 0 || s.args[0] === 'worklist');
    expect(quiet.map((s) => s.args[0])).toEqual(expect.arrayContaining(['import', 'triage', 'outcomes', 'purge', 'config', 'export', 'worklist']));
    for (const step of quiet) expect(step.added, step.args.join(' ')).toEqual([]);
    expect(stepOf('import', lijst('2022-01'), '--dry-run').added).toEqual([]);
  });

  it('contains no personal data: not in the table, not in the json, not in the stored rows', () => {
    const json = ok(auditJson);
    const table = ok(auditTable);
    const records = JSON.parse(json.stdout) as Array<{ command: string; options: Record<string, unknown> }>;
    expect(records.length).toBe(auditRows().length);
    expect(leaks(json.stdout)).toEqual([]);
    expect(leaks(table.stdout)).toEqual([]);
    expect(leaks(JSON.stringify(auditRows()))).toEqual([]);
    // The note was given, and the trail says only that.
    const contact = records.find((r) => r.command === 'contact')!;
    expect(contact.options.note).not.toContain(NOTE_SURNAME);
  });

  it('is not removed by purge', () => {
    const after = auditRows();
    expect(after.slice(0, auditBeforePurge.length)).toEqual(auditBeforePurge);
    expect(after.length).toBe(auditBeforePurge.length + 1);
  });
});

describe('the retention policy', () => {
  it('refuses a term shorter than the 6-month look-back of "opeenvolgend", explaining why', () => {
    const refused = allOutputs.filter((o) => o.includes('bewaren.niet-opgevolgd 3'));
    expect(refused.length).toBeGreaterThan(0);
    const message = refused.join('\n');
    expect(message).toMatch(/minstens 6 maanden/);
    expect(message).toMatch(/opeenvolgend/);
    const config = ok(configAfter);
    expect(config.stdout).toMatch(/^bewaren\.niet-opgevolgd\s+6 \(standaard\)/m);
    expect(config.stdout).toMatch(/^bewaren\.opgevolgd\s+18\s/m);
  }, TIMEOUT);
});

describe('files', () => {
  it('are readable by their owner only: database, worklist, delivery', () => {
    expect(mode(ws.db)).toBe('600');
    expect(mode(ws.file('werklijst-2022-02.csv'))).toBe('600');
    expect(mode(ws.file('levering-2022-01.json'))).toBe('600');
  });

  it('include the rejects of an import, in a workspace of their own', () => {
    const result = rejectsImport;
    expect(result.status, result.stderr).toBe(0);
    expect(mode(other.file('afgewezen.csv'))).toBe('600');
    expect(mode(other.db)).toBe('600');
  }, TIMEOUT);
});

describe('every output of this file', () => {
  it('has no full BSN (the only delivery went to a file)', () => {
    expect(allOutputs.length).toBeGreaterThan(100);
    expectNoBsn(allOutputs);
  });

  it('has no phone number, e-mail address or note of the lists (no worklist was printed)', () => {
    for (const output of allOutputs) {
      const found = leaks(output).filter((f) => !f.startsWith('achternaam') && !f.startsWith('straat'));
      expect(found).toEqual([]);
    }
  });
});
