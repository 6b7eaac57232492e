// End to end: the coordinator's reports over the six fixture months, with the built binary. The
// lists are imported, two workers triage every month, some meldingen are followed up (by
// `contact`/`close` and by a filled-in worklist), and then `table` (every format), `stats` and
// `export ddas` are checked against counts made here: from the database's own tables (not its
// report view) and from the fixture lists themselves.

import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddasValidator } from '../../src/app/ddas/validate-delivery.js';
import { allOutputs, expectNoBsn, lijst, MONTHS, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-report-');
const HALF_YEAR = ['--from', '2022-01', '--to', '2022-06'];

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).not.toMatch(/fout:/);
  return result;
}

/** The read-only reports of the tests below, run once after all follow-up was recorded. */
const reports = new Map<string, RunResult>();

async function runReports(commands: readonly string[][]): Promise<void> {
  for (const args of commands) reports.set(args.join(' '), await ws.run(args));
}

/** The output of a report run in beforeAll, checked to have succeeded. */
function report(...args: string[]): RunResult {
  const result = reports.get(args.join(' '));
  expect(result, args.join(' ')).toBeDefined();
  return ok(result!);
}

const COMPARE = ['--compare', '2021-11:2022-02'];
const REPORTS: string[][] = [
  ['table', ...HALF_YEAR, ...COMPARE, '--gemeente', 'Gemeente Heemstede'],
  ['table', ...HALF_YEAR, ...COMPARE, '--format', 'md'],
  ['table', ...HALF_YEAR, ...COMPARE, '--format', 'json'],
  ['table', ...HALF_YEAR, ...COMPARE, '--format', 'csv'],
  ['table', ...HALF_YEAR, '--per-month', '--format', 'csv'],
  ['table', '--from', '2021-12', '--to', '2022-01', '--per-month', '--format', 'json'],
  ['stats', ...HALF_YEAR, '--format', 'json'],
  ['cijfers', '--from', '2022-03', '--to', '2022-03', '--format', 'json'],
  ['audit', '--format', 'json'],
];

// ---------------------------------------------------------------------------------------------
// The fixture lists as they are, parsed here.

interface FixtureRow {
  month: string;
  line: number;
  kenmerk: string;
  signaaldatum: string;
  type: string;
  bedragCents: number;
  bsn: string;
  geboortedatum: string;
  geslacht: string;
  address: string;
  postcode: string;
  huisnummer: string;
  toevoeging: string;
}

/** dd-mm-yyyy to yyyy-mm-dd. */
function isoDate(text: string): string {
  const [d, m, y] = text.trim().split('-');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

function fixtureRows(): FixtureRow[] {
  return MONTHS.flatMap((month) => {
    const records = parse(fs.readFileSync(lijst(month)), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
    const seen = new Set<string>();
    const rows: FixtureRow[] = [];
    records.forEach((r, i) => {
      // The same kenmerk twice in one month is one signal (the first row counts).
      if (r.Kenmerk !== '' && seen.has(r.Kenmerk!)) return;
      seen.add(r.Kenmerk!);
      const postcode = r.Postcode!.replace(/\s+/g, '').toUpperCase();
      const toevoeging = r.Toevoeging!.trim().toUpperCase();
      rows.push({
        month,
        line: i + 2,
        kenmerk: r.Kenmerk!,
        signaaldatum: isoDate(r.Signaaldatum!),
        type: r['Type signaalpartner']!,
        bedragCents: Math.round(Number(r['Bedrag achterstand']!.replace(/\./g, '').replace(',', '.')) * 100),
        bsn: r.BSN!.trim() === '' ? '' : r.BSN!.trim().padStart(9, '0'),
        geboortedatum: r.Geboortedatum!.trim() === '' ? '' : isoDate(r.Geboortedatum!),
        geslacht: r.Geslacht!.trim(),
        postcode,
        huisnummer: r.Huisnummer!.trim(),
        toevoeging,
        address: `${postcode}|${r.Huisnummer!.trim()}|${toevoeging}`,
      });
    });
    return rows;
  });
}

const DEBT_TYPE: Record<string, string> = {
  Huur: 'woon',
  Hypotheek: 'woon',
  Zorg: 'zorg',
  'CAK Zorgverzekeringen': 'zorg',
  'CAK Eigen bijdrage': 'zorg',
  Energie: 'energie',
  Water: 'water',
};

function ageGroupOf(birth: string, on: string): string {
  let age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) age -= 1;
  if (age < 18) return '0-17';
  if (age < 27) return '18-26';
  if (age < 45) return '27-44';
  if (age < 67) return '45-66';
  return '67+';
}

// ---------------------------------------------------------------------------------------------
// Counts from the database's tables, without its melding_status view.

interface MeldingFacts {
  id: number;
  month: string;
  seq: number;
  category: 'enkelvoudig' | 'meervoudig';
  kind: string | null;
  contacts: number;
  resultaat: string | null;
  /** the case this melding joined (rule 'lopend'), or null */
  caseId: number | null;
  /** attempts on the other meldingen of its case dated on or after its list month began */
  caseAttemptsSinceList: number;
  /** the case it joined is closed */
  caseClosed: boolean;
}

function meldingFacts(): MeldingFacts[] {
  return withDb(ws.db, (db) => {
    const rows = db
      .prepare(
        `SELECT m.id, m.month, m.seq, m.category, d.kind, d.case_melding_id AS caseId,
                (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts, r.resultaat
         FROM meldingen m LEFT JOIN decisions d ON d.melding_id = m.id LEFT JOIN results r ON r.melding_id = m.id`,
      )
      .all() as Array<Omit<MeldingFacts, 'caseAttemptsSinceList' | 'caseClosed'>>;
    const contacts = db.prepare('SELECT melding_id, datum FROM contacts').all() as Array<{ melding_id: number; datum: string }>;
    const closed = new Set(rows.filter((r) => r.resultaat !== null).map((r) => r.id));
    return rows.map((row) => {
      // A case is its first melding and every melding that joined it.
      const root = row.caseId ?? row.id;
      const members = new Set([root, ...rows.filter((r) => r.caseId === root).map((r) => r.id)]);
      members.delete(row.id);
      const caseAttemptsSinceList = contacts.filter((c) => members.has(c.melding_id) && c.datum >= `${row.month}-01`).length;
      return { ...row, caseAttemptsSinceList, caseClosed: row.caseId !== null && closed.has(row.caseId) };
    });
  });
}

const followedUp = (m: MeldingFacts): boolean =>
  m.contacts > 0 || (m.resultaat !== null && !m.resultaat.startsWith('Niet opgepakt')) || m.caseAttemptsSinceList > 0;

interface Counts {
  received: number;
  followedUp: number;
  open: number;
  deferred: number;
}

type Category = 'enkelvoudig' | 'meervoudig' | 'totaal';
const CATEGORIES: Category[] = ['enkelvoudig', 'meervoudig', 'totaal'];

function countsFor(months: readonly string[], category: Category, facts = meldingFacts()): Counts {
  const mine = facts.filter((m) => months.includes(m.month) && (category === 'totaal' || m.category === category));
  return {
    received: mine.length,
    followedUp: mine.filter(followedUp).length,
    open: mine.filter((m) => (m.kind === 'altijd' || m.kind === 'capaciteit') && !followedUp(m) && m.resultaat === null && !m.caseClosed).length,
    deferred: mine.filter((m) => m.kind === 'uitgesteld' && !followedUp(m) && m.resultaat === null).length,
  };
}

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

/** Half up, the published way: 220 / 6 = 36.67 -> 37. */
const average = (total: number, months: number): number => Math.floor(total / months + 0.5);

/** [received, avg, followed up, avg] per category, for a period. */
function expectedPeriod(from: string, to: string): Record<Category, number[]> {
  const months = monthsOf(from, to);
  const facts = meldingFacts();
  return Object.fromEntries(
    CATEGORIES.map((c) => {
      const counts = countsFor(months, c, facts);
      return [c, [counts.received, average(counts.received, months.length), counts.followedUp, average(counts.followedUp, months.length)]];
    }),
  ) as Record<Category, number[]>;
}

// ---------------------------------------------------------------------------------------------
// The month's work.

/** The references of a month's assigned meldingen, from the database (a worklist shows names). */
function assignedRefs(month: string): string[] {
  return withDb(ws.db, (db) =>
    (
      db
        .prepare(
          `SELECT m.seq FROM meldingen m JOIN decisions d ON d.melding_id = m.id
           WHERE m.month = ? AND d.kind IN ('altijd', 'capaciteit') ORDER BY m.seq`,
        )
        .pluck()
        .all(month) as number[]
    ).map((seq) => `${month}-${String(seq).padStart(3, '0')}`),
  );
}

let marchRef: string;
let marchMonth: unknown;
/** The --per-month json before and after a March melding was followed up in April. */
let perMonthBefore: PerMonthJson;
let perMonthAfter: PerMonthJson;
let exported: RunResult;

/** Runs the commands one after another (without blocking the test process), each must succeed. */
async function inSeries(commands: ReadonlyArray<readonly string[]>): Promise<void> {
  for (const args of commands) ok(await ws.run(args));
}

beforeAll(async () => {
  // The first import creates the database; then the other lists and the workers side by side.
  ok(await ws.run(['import', lijst(MONTHS[0])]));
  await Promise.all([
    inSeries(MONTHS.slice(1).map((month) => ['import', lijst(month)])),
    inSeries([
      ['workers', 'add', 'Anna Test', '--capacity', '10'],
      ['workers', 'add', 'Bram Test', '--capacity', '8'],
    ]),
  ]);
  await inSeries(MONTHS.map((month) => ['triage', '--month', month]));

  // January: a filled-in worklist read back, as the workers do it in Excel.
  const csv = ok(await ws.run(['worklist', '--month', '2022-01', '--format', 'csv'])).stdout;
  const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
  expect(rows.length).toBeGreaterThan(6);
  Object.assign(rows[0]!, { contact_datum: '18-01-2022 10:15', contact_soort: 'telefoon', bereikt: 'ja', resultaat: 'advies' });
  Object.assign(rows[1]!, { contact_datum: '19-01-2022', contact_soort: 'telefoon', bereikt: 'nee' });
  // A result without an attempt that is follow-up work all the same.
  Object.assign(rows[2]!, { resultaat: 'zelf-betaald' });
  // Not picked up after all, without any attempt: not followed up.
  Object.assign(rows[3]!, { resultaat: 'niet-opgepakt-anders' });
  Object.assign(rows[4]!, { contact_datum: '20-01-2022 19:30', contact_soort: 'huisbezoek', bereikt: 'ja', resultaat: 'vervolghulp-financieel' });
  fs.writeFileSync(ws.file('ingevuld-2022-01.csv'), `\ufeff${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`);

  // February and May: contact and close on the command line, while January's file is read.
  const feb = assignedRefs('2022-02');
  const may = assignedRefs('2022-05');
  await Promise.all([
    inSeries([['outcomes', 'ingevuld-2022-01.csv']]),
    inSeries([
      ['contact', feb[0]!, '--type', 'brief', '--reached', 'nee', '--date', '2022-02-14'],
      ['contact', feb[0]!, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-02-21', '--daypart', 'middag'],
      ['close', feb[0]!, '--result', 'vervolghulp', '--referred-to', 'amw', '--date', '2022-02-22'],
    ]),
    inSeries([
      ['close', feb[1]!, '--result', 'geen-contact', '--date', '2022-02-28'],
      ['contact', may[0]!, '--type', 'sms', '--reached', 'ja', '--date', '2022-05-30'],
    ]),
  ]);

  // March: a melding followed up in April.
  marchRef = assignedRefs('2022-03')[0]!;
  marchMonth = withDb(ws.db, (db) =>
    db.prepare('SELECT month FROM meldingen WHERE month = ? AND seq = ?').pluck().get(marchRef.slice(0, 7), Number(marchRef.slice(8))),
  );
  perMonthBefore = await perMonth();
  ok(await ws.run(['contact', marchRef, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-04-12', '--daypart', 'ochtend']));
  perMonthAfter = await perMonth();

  exported = await ws.run(['export', 'ddas', ...HALF_YEAR, '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'coordinator@example.nl', '--out', 'levering.json']);
  await runReports(REPORTS);
}, 2 * TIMEOUT);

// ---------------------------------------------------------------------------------------------

interface PerMonthJson {
  maanden: Array<{ maand: string; categorie: string; ontvangen?: number; opgevolgd?: number; open?: number; uitgesteld?: number; geenLijst?: boolean }>;
}

async function perMonth(): Promise<PerMonthJson> {
  return JSON.parse(ok(await ws.run(['table', ...HALF_YEAR, '--per-month', '--format', 'json'])).stdout) as PerMonthJson;
}

function totalOf(json: PerMonthJson, month: string): { ontvangen?: number; opgevolgd?: number } {
  return json.maanden.find((r) => r.maand === month && r.categorie === 'totaal')!;
}

describe('a melding followed up in a later month', () => {
  it('counts as followed up in the month of its list', () => {
    expect(marchMonth).toBe('2022-03');
    const [before, after] = [perMonthBefore, perMonthAfter];
    expect(totalOf(after, '2022-03').opgevolgd).toBe(totalOf(before, '2022-03').opgevolgd! + 1);
    expect(totalOf(after, '2022-04').opgevolgd).toBe(totalOf(before, '2022-04').opgevolgd);
    expect(totalOf(after, '2022-03').ontvangen).toBe(totalOf(before, '2022-03').ontvangen);
  }, TIMEOUT);
});

describe('table', () => {
  it('prints both periods in words with the counts made here, and warns about months without a list', () => {
    const result = report('table', ...HALF_YEAR, ...COMPARE, '--gemeente', 'Gemeente Heemstede');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('2022 januari t/m juni (6 maanden)');
    expect(lines[0]).toContain('2021 november t/m 2022 februari (4 maanden)');
    expect(lines[0]!.indexOf('2022 januari')).toBeLessThan(lines[0]!.indexOf('2021 november'));
    expect(lines[1]).toContain('Gemeente Heemstede');
    expect(lines[1]!.trim().split(/\s{2,}/).slice(1)).toEqual(['ontvangen', 'gem./mnd', 'opgevolgd', 'gem./mnd', 'ontvangen', 'gem./mnd', 'opgevolgd', 'gem./mnd']);
    const first = expectedPeriod('2022-01', '2022-06');
    const second = expectedPeriod('2021-11', '2022-02');
    const label: Record<Category, string> = { enkelvoudig: 'enkelvoudig', meervoudig: 'meervoudig', totaal: 'Totaal' };
    for (const category of CATEGORIES) {
      const line = lines.find((l) => l.startsWith(`${label[category]} `))!;
      expect(line, category).toBeDefined();
      expect(line.trim().split(/\s+/).slice(1).map(Number)).toEqual([...first[category], ...second[category]]);
    }
    // Sanity of the counts themselves: something was followed up, not everything.
    expect(first.totaal[2]).toBeGreaterThan(0);
    expect(first.totaal[2]).toBeLessThan(first.totaal[0]!);
    expect(first.totaal[0]).toBe(first.enkelvoudig[0]! + first.meervoudig[0]!);
    // November and December 2021 have no list: a warning, naming them.
    expect(result.stderr).toMatch(/2021-11, 2021-12/);
    expect(result.stderr).toContain('geen lijst');
    expect(result.stderr).not.toMatch(/2022-0\d/);
  }, TIMEOUT);

  it('gives the same figures as md, json and csv, and json names the months without a list', () => {
    const args = ['table', ...HALF_YEAR, ...COMPARE];
    const expected = [expectedPeriod('2022-01', '2022-06'), expectedPeriod('2021-11', '2022-02')];

    const md = report(...args, '--format', 'md').stdout;
    const mdLines = md.split('\n');
    expect(mdLines[0]).toContain('2022 januari t/m juni (6 maanden)');
    expect(mdLines[0]).toContain('2021 november t/m 2022 februari (4 maanden)');
    const mdRow = (label: string) =>
      mdLines.find((l) => l.startsWith(`| ${label} |`))!.split('|').slice(2, -1).map((c) => Number(c.trim()));
    expect(mdRow('enkelvoudig')).toEqual([...expected[0]!.enkelvoudig, ...expected[1]!.enkelvoudig]);
    expect(mdRow('meervoudig')).toEqual([...expected[0]!.meervoudig, ...expected[1]!.meervoudig]);
    expect(mdRow('Totaal')).toEqual([...expected[0]!.totaal, ...expected[1]!.totaal]);

    const json = JSON.parse(report(...args, '--format', 'json').stdout) as {
      perioden: Array<{
        van: string;
        tot: string;
        omschrijving: string;
        maanden: number;
        maandenZonderLijst: string[];
        rijen: Array<Record<string, number | string>>;
      }>;
    };
    expect(json.perioden.map((p) => [p.van, p.tot, p.omschrijving, p.maanden, p.maandenZonderLijst])).toEqual([
      ['2022-01', '2022-06', '2022 januari t/m juni (6 maanden)', 6, []],
      ['2021-11', '2022-02', '2021 november t/m 2022 februari (4 maanden)', 4, ['2021-11', '2021-12']],
    ]);
    json.perioden.forEach((p, i) => {
      expect(p.rijen.map((r) => r.categorie)).toEqual(CATEGORIES);
      for (const r of p.rijen) {
        const e = expected[i]![r.categorie as Category];
        expect([r.ontvangen, r.ontvangenGemPerMaand, r.opgevolgd, r.opgevolgdGemPerMaand]).toEqual(e);
        expect(r.ontvangenGemPerMaandExact).toBeCloseTo(e[0]! / p.maanden, 10);
        expect(r.opgevolgdGemPerMaandExact).toBeCloseTo(e[2]! / p.maanden, 10);
      }
    });

    const csv = report(...args, '--format', 'csv').stdout.replace(/^\ufeff/, '');
    const csvLines = csv.split(/\r?\n/).filter((l) => l !== '');
    expect(csvLines[0]).toBe('periode;categorie;ontvangen;ontvangen_gem_per_maand;opgevolgd;opgevolgd_gem_per_maand');
    const labels = ['2022-01 t/m 2022-06', '2021-11 t/m 2022-02'];
    expect(csvLines.slice(1)).toEqual(
      labels.flatMap((label, i) => CATEGORIES.map((c) => [label, c, ...expected[i]![c]].join(';'))),
    );
  }, TIMEOUT);

  it('gives per month and category ontvangen, opgevolgd, open and uitgesteld, in csv and json', () => {
    const facts = meldingFacts();
    const csv = report('table', ...HALF_YEAR, '--per-month', '--format', 'csv').stdout.replace(/^\ufeff/, '');
    const lines = csv.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe('maand;categorie;ontvangen;opgevolgd;open;uitgesteld');
    const expected = MONTHS.flatMap((month) =>
      CATEGORIES.map((c) => {
        const n = countsFor([month], c, facts);
        return [month, c, n.received, n.followedUp, n.open, n.deferred].join(';');
      }),
    );
    expect(lines.slice(1)).toEqual(expected);
    // The work of the months is visible: open meldingen in June, followed-up ones in January.
    expect(countsFor(['2022-06'], 'totaal', facts).open).toBeGreaterThan(0);
    expect(countsFor(['2022-01'], 'totaal', facts).followedUp).toBe(4);

    const json = perMonthAfter;
    expect(json.maanden.map((r) => [r.maand, r.categorie, r.ontvangen, r.opgevolgd, r.open, r.uitgesteld].join(';'))).toEqual(expected);
  }, TIMEOUT);

  it('marks a month without a list in --per-month instead of showing zeros', () => {
    const result = report('table', '--from', '2021-12', '--to', '2022-01', '--per-month', '--format', 'json');
    const json = JSON.parse(result.stdout) as PerMonthJson;
    const december = json.maanden.filter((r) => r.maand === '2021-12');
    expect(december).toHaveLength(3);
    for (const row of december) {
      expect(row.geenLijst).toBe(true);
      expect(row).not.toHaveProperty('ontvangen');
    }
    expect(result.stderr).toContain('2021-12');
    expect(json.maanden.filter((r) => r.maand === '2022-01').every((r) => r.geenLijst === undefined && (r.ontvangen ?? 0) > 0)).toBe(true);
  }, TIMEOUT);
});

describe('stats', () => {
  interface StatsJson {
    households: number;
    meldingen: number;
    signals: number;
    signalsByDebtType: Record<string, number>;
    ageGroups: Record<string, number>;
    contactAttempts: Record<string, number>;
    reach: { count: number; of: number; share: number | null };
    perWorker: Array<{ assigned: number; followedUp: number; open: number; naam: string | null }>;
  }
  const halfYear = (): StatsJson => JSON.parse(report('stats', ...HALF_YEAR, '--format', 'json').stdout) as StatsJson;

  it('gives households, meldingen, signals, debt types and age groups as counted from the lists', () => {
    const stats = halfYear();
    const rows = fixtureRows();
    expect(stats.signals).toBe(rows.length);
    expect(stats.households).toBe(new Set(rows.map((r) => r.address)).size);
    const meldingen = new Map<string, FixtureRow[]>();
    for (const r of rows) meldingen.set(`${r.month} ${r.address}`, [...(meldingen.get(`${r.month} ${r.address}`) ?? []), r]);
    expect(stats.meldingen).toBe(meldingen.size);

    const byType: Record<string, number> = { woon: 0, zorg: 0, energie: 0, water: 0, overig: 0 };
    for (const r of rows) byType[DEBT_TYPE[r.type] ?? 'overig']! += 1;
    expect(stats.signalsByDebtType).toEqual(byType);

    const ages: Record<string, number> = { '0-17': 0, '18-26': 0, '27-44': 0, '45-66': 0, '67+': 0, onbekend: 0 };
    for (const signals of meldingen.values()) {
      const known = signals.find((s) => s.geboortedatum !== '');
      ages[known === undefined ? 'onbekend' : ageGroupOf(known.geboortedatum, known.signaaldatum)]! += 1;
    }
    for (const [group, n] of Object.entries(ages)) expect(stats.ageGroups[group] ?? 0, group).toBe(n);

    // March alone: only its own signals.
    const march = JSON.parse(report('cijfers', '--from', '2022-03', '--to', '2022-03', '--format', 'json').stdout) as StatsJson;
    expect(march.signals).toBe(rows.filter((r) => r.month === '2022-03').length);
  }, TIMEOUT);

  it('gives contact attempts, reach and per-worker figures as counted in the database', () => {
    const stats = halfYear();
    const contacts = withDb(ws.db, (db) => db.prepare('SELECT melding_id, soort, bereikt FROM contacts').all() as Array<{ melding_id: number; soort: string; bereikt: number }>);
    const bySoort: Record<string, number> = {};
    for (const c of contacts) bySoort[c.soort] = (bySoort[c.soort] ?? 0) + 1;
    for (const [soort, n] of Object.entries(stats.contactAttempts)) expect(n, soort).toBe(bySoort[soort] ?? 0);
    expect(Object.values(stats.contactAttempts).reduce((a, b) => a + b, 0)).toBe(contacts.length);

    const facts = meldingFacts();
    const followed = facts.filter(followedUp);
    const reached = new Set(contacts.filter((c) => c.bereikt === 1).map((c) => c.melding_id));
    const reachedCount = followed.filter((m) => reached.has(m.id)).length;
    expect(stats.reach.count).toBe(reachedCount);
    expect(stats.reach.of).toBe(followed.length);
    expect(stats.reach.share).toBeCloseTo(reachedCount / followed.length, 10);

    const workers = withDb(ws.db, (db) =>
      db.prepare('SELECT d.worker_id AS id, w.name, m.id AS melding_id FROM decisions d JOIN workers w ON w.id = d.worker_id JOIN meldingen m ON m.id = d.melding_id WHERE d.kind IN (\'altijd\', \'capaciteit\')').all() as Array<{ id: number; name: string; melding_id: number }>,
    );
    const byId = new Map(facts.map((m) => [m.id, m]));
    for (const name of ['Anna Test', 'Bram Test']) {
      const mine = workers.filter((w) => w.name === name).map((w) => byId.get(w.melding_id)!);
      const figures = stats.perWorker.find((w) => w.naam === name)!;
      expect(figures).toMatchObject({
        assigned: mine.length,
        followedUp: mine.filter(followedUp).length,
        open: mine.filter((m) => !followedUp(m) && m.resultaat === null).length,
      });
    }
  }, TIMEOUT);
});

describe('export ddas', () => {
  interface Delivery {
    leveringen: Array<{
      vroegsignalen: Array<{ ID: string; bedrag: number; signaaldatum: string; signaalpartner: { type: string }; client: Record<string, string> }>;
      vroegsignaalzaken: Array<{ vroegsignalen: Array<{ ID: string }>; contactpogingen: unknown[] }>;
    }>;
  }
  let delivery: Delivery;

  beforeAll(() => {
    const result = ok(exported);
    expect(result.stdout).toBe('');
    delivery = JSON.parse(fs.readFileSync(ws.file('levering.json'), 'utf8')) as Delivery;
  }, TIMEOUT);

  it('writes the file readable by its owner only', () => {
    expect((fs.statSync(ws.file('levering.json')).mode & 0o777).toString(8)).toBe('600');
  });

  it('validates against the DDAS v1.2 schema eropaf ships', () => {
    expect(ddasValidator()(delivery).slice(0, 5)).toEqual([]);
  });

  it('has every signal of the period once, each in exactly one case', () => {
    const rows = fixtureRows();
    const signals = delivery.leveringen[0]!.vroegsignalen;
    const zaken = delivery.leveringen[0]!.vroegsignaalzaken;
    expect(signals).toHaveLength(rows.length);
    const ids = signals.map((s) => s.ID);
    expect(new Set(ids).size).toBe(ids.length);
    const named = zaken.flatMap((z) => z.vroegsignalen.map((v) => v.ID));
    expect([...named].sort()).toEqual([...ids].sort());
    expect(zaken).toHaveLength(new Set(rows.map((r) => `${r.month} ${r.address}`)).size);
    // Every kenmerk of the lists is there (none recurs across months in the fixtures).
    for (const r of rows.filter((row) => row.kenmerk !== '')) expect(ids, r.kenmerk).toContain(r.kenmerk);
    // The contact attempts recorded are all there.
    const contacts = withDb(ws.db, (db) => db.prepare('SELECT count(*) FROM contacts').pluck().get() as number);
    expect(zaken.reduce((n, z) => n + z.contactpogingen.length, 0)).toBe(contacts);
  });

  it('identifies the client by BSN alone when the row had one, else by address, birth date and gender', () => {
    const signals = delivery.leveringen[0]!.vroegsignalen;
    const byId = new Map(signals.map((s) => [s.ID, s]));
    const rows = fixtureRows();
    const withoutKenmerk = rows.filter((r) => r.kenmerk === '');
    expect(withoutKenmerk).toHaveLength(1);
    expect(rows.filter((r) => r.bsn !== '').length).toBeGreaterThan(100);
    for (const row of rows) {
      const signal =
        row.kenmerk !== ''
          ? byId.get(row.kenmerk)!
          : signals.find((s) => !rows.some((r) => r.kenmerk === s.ID) && s.signaaldatum === row.signaaldatum)!;
      expect(signal, row.kenmerk).toBeDefined();
      expect(signal.signaalpartner.type).toBe(row.type);
      expect(signal.signaaldatum).toBe(row.signaaldatum);
      expect(signal.bedrag).toBe(Math.floor((row.bedragCents + 50) / 100));
      if (row.bsn !== '') {
        expect(signal.client).toEqual({ burgerservicenummer: row.bsn });
      } else {
        expect(signal.client).not.toHaveProperty('burgerservicenummer');
        expect(signal.client.postcode).toBe(row.postcode);
        expect(signal.client.huisnummer).toBe(row.huisnummer);
        expect(signal.client.huisnummertoevoeging ?? '').toBe(row.toevoeging);
        expect(signal.client.geboortedatum).toBe(row.geboortedatum);
        expect(signal.client.geslachtsaanduiding).toBe(row.geslacht);
      }
    }
  });

  it('records the delivery in the audit trail with its counts', () => {
    const audit = JSON.parse(report('audit', '--format', 'json').stdout) as Array<{ command: string; counts: Record<string, number> }>;
    const last = audit.at(-1)!;
    expect(last.command).toBe('export ddas');
    expect(last.counts.vroegsignalen).toBe(fixtureRows().length);
  }, TIMEOUT);
});

describe('every output', () => {
  it('has no full BSN and no stack trace (the delivery went to a file)', () => {
    expect(allOutputs.length).toBeGreaterThan(30);
    expectNoBsn(allOutputs);
    for (const output of allOutputs) expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
