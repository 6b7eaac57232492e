// End to end: one team for two gemeenten in one database. Both gemeenten's systems number their
// signals the same way, so their lists reuse each other's kenmerken (and here even addresses):
// each gemeente's lists are imported whole and kept apart. Each gemeente's table must be exactly
// the table of a database that holds that gemeente alone, triaged with the same capacity, and the
// total the sum of the two.

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { lijst, runMain, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 120_000;
const PERIOD = ['--from', '2022-01', '--to', '2022-02'];
const MONTHS = ['2022-01', '2022-02'];

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).not.toMatch(/fout:/);
  return result;
}

/** Household-months of a fixture list, counted here: its distinct addresses. */
function householdsOf(month: string): number {
  const records = parse(fs.readFileSync(lijst(month)), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;
  return new Set(records.map((r) => `${r.Postcode!.replace(/\s+/g, '').toUpperCase()}|${r.Huisnummer!.trim()}|${r.Toevoeging!.trim().toUpperCase()}`)).size;
}

type CsvRow = Record<string, string>;
const csvRows = (text: string): CsvRow[] => parse(text, { bom: true, delimiter: ';', columns: true }) as CsvRow[];

/** The months the store says are triaged, checked against the month overview's own judgement. */
async function triagedMonths(file: string): Promise<string[]> {
  const store = SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: () => new Date().toISOString() });
  try {
    const triaged = await store.triagedMonths();
    expect(triaged).toEqual((await store.monthOverview()).filter((m) => m.triaged).map((m) => m.month));
    return triaged;
  } finally {
    store.close();
  }
}

/** A database with only this gemeente's lists, triaged month by month with these capacities. */
async function alone(name: string, capacities: readonly number[]): Promise<{ perMonth: CsvRow[]; table: CsvRow[] }> {
  const ws = workspace(`eropaf-e2e-alone-${name}-`);
  const run = async (args: string[]) => ok(await runMain(args, { cwd: ws.dir, db: ws.db }));
  await run(['workers', 'add', 'Anna de Vries', '--capacity', '40']);
  for (const [i, month] of MONTHS.entries()) {
    await run(['import', lijst(month)]);
    await run(['triage', '--month', month, '--capacity', String(capacities[i])]);
  }
  return {
    perMonth: csvRows((await run(['table', ...PERIOD, '--per-month', '--format', 'csv'])).stdout),
    table: csvRows((await run(['table', ...PERIOD, '--format', 'csv'])).stdout),
  };
}

describe('two gemeenten in one database', () => {
  const ws = workspace('eropaf-e2e-gemeenten-');
  const run = (args: string[]) => runMain(args, { cwd: ws.dir, db: ws.db });

  it('keeps lists that reuse each other\'s kenmerken apart: both imported whole, nothing a duplicate or a conflict', async () => {
    ok(await run(['gemeenten', 'add', '0397', 'Heemstede']));
    ok(await run(['municipalities', 'add', '0377', 'Bloemendaal']));
    expect(JSON.parse(ok(await run(['gemeenten', 'list', '--format', 'json'])).stdout)).toEqual([
      { code: '0377', naam: 'Bloemendaal', capaciteit: null },
      { code: '0397', naam: 'Heemstede', capaciteit: null },
    ]);
    ok(await run(['workers', 'add', 'Anna de Vries', '--capacity', '15']));
    ok(await run(['workers', 'add', 'Bram Jansen', '--capacity', '10']));
    for (const month of MONTHS) {
      const first = JSON.parse(ok(await run(['import', lijst(month), '--gemeente', '0397', '--format', 'json'])).stdout);
      // The same file for the other gemeente, named by its name in another case.
      const second = JSON.parse(ok(await run(['import', lijst(month), '--gemeente', 'BLOEMENDAAL', '--format', 'json'])).stdout);
      expect(second.signals).toEqual(first.signals);
      expect(second.signals.duplicateKnown).toBe(0);
      expect(second.signals.rejected).toBe(0);
    }
    const perGemeente = withDb(ws.db, (db) =>
      db
        .prepare(
          `SELECT g.code, m.month, count(*) AS meldingen FROM meldingen m JOIN gemeenten g ON g.id = m.gemeente_id
           GROUP BY g.code, m.month ORDER BY g.code, m.month`,
        )
        .all(),
    );
    expect(perGemeente).toEqual(
      ['0377', '0397'].flatMap((code) => MONTHS.map((month) => ({ code, month, meldingen: householdsOf(month) }))),
    );
  }, TIMEOUT);

  it('asks which gemeente a list is for when there are several, and refuses an unknown one (exit 2), writing nothing', async () => {
    const before = fs.statSync(ws.db).mtimeMs;
    const copy = ws.file('vroegeropaf-2022-03.csv');
    fs.copyFileSync(lijst('2022-03'), copy);
    const which = await run(['import', copy]);
    expect(which.status).toBe(2);
    expect(which.stderr).toContain('0377 Bloemendaal, 0397 Heemstede');
    expect(which.stderr).toContain('--gemeente');
    const unknown = await run(['import', copy, '--gemeente', 'Haarlem']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('0377 Bloemendaal, 0397 Heemstede');
    expect(unknown.stderr).toContain('eropaf gemeenten add');
    expect(fs.statSync(ws.db).mtimeMs).toBe(before);
    // A file name that holds one gemeente's name (or code) is enough.
    const named = ws.file('heemstede-2022-03.csv');
    fs.copyFileSync(lijst('2022-03'), named);
    const dry = JSON.parse(ok(await run(['import', named, '--dry-run', '--format', 'json'])).stdout);
    expect(dry.signals.new).toBeGreaterThan(0);
    const coded = ws.file('lijst-0377-2022-03.csv');
    fs.copyFileSync(lijst('2022-03'), coded);
    expect(ok(await run(['import', coded, '--dry-run'])).status).toBe(0);
  }, TIMEOUT);

  it('triages each gemeente separately with its own capacity: each table is that of the gemeente alone', async () => {
    for (const [i, month] of MONTHS.entries()) {
      ok(await run(['triage', '--month', month, '--gemeente', '0397', '--capacity', '12']));
      // A month is triaged only once each gemeente's list of it is.
      expect(await triagedMonths(ws.db)).toEqual(MONTHS.slice(0, i));
      ok(await run(['triage', '--month', month, '--gemeente', 'Bloemendaal', '--capacity', '6']));
      expect(await triagedMonths(ws.db)).toEqual(MONTHS.slice(0, i + 1));
    }
    // The workers are shared: what they took on in one gemeente counts when the other is handed
    // out, so over both their capacity left stays even (January: no household has a worker yet).
    const assigned = withDb(ws.db, (db) =>
      db
        .prepare(
          `SELECT w.name, w.capacity - count(*) AS left FROM decisions d JOIN meldingen m ON m.id = d.melding_id
           JOIN workers w ON w.id = d.worker_id WHERE m.month = '2022-01' GROUP BY w.id ORDER BY w.name`,
        )
        .all() as Array<{ name: string; left: number }>,
    );
    expect(assigned).toHaveLength(2);
    expect(Math.abs(assigned[0]!.left - assigned[1]!.left)).toBeLessThanOrEqual(1);
    for (const [code, capacity] of [['0397', 12], ['0377', 6]] as const) {
      const expected = await alone(`${code}-separate`, [capacity, capacity]);
      expect(csvRows(ok(await run(['table', ...PERIOD, '--per-month', '--format', 'csv', '--gemeente', code])).stdout)).toEqual(expected.perMonth);
      expect(csvRows(ok(await run(['table', ...PERIOD, '--format', 'csv', '--gemeente', code])).stdout)).toEqual(expected.table);
    }
  }, TIMEOUT);

  it('triages all gemeenten together: a gemeente with a configured capacity gets exactly that share, the other the rest', async () => {
    ok(await run(['config', 'set', 'capaciteit.0377', '25']));
    ok(await run(['workers', 'set', 'Anna de Vries', '--capacity', '40']));
    ok(await run(['workers', 'set', 'Bram Jansen', '--capacity', '20']));
    // A new month, so that no earlier decision is kept: the team's capacity is 40 + 20 = 60.
    const month = '2022-03';
    ok(await run(['import', lijst(month), '--gemeente', '0397']));
    ok(await run(['import', lijst(month), '--gemeente', '0377']));
    const plan = JSON.parse(ok(await run(['triage', '--month', month, '--format', 'json'])).stdout);
    expect(plan.figures.capacity).toBe(60);
    const open = async (code: string) =>
      csvRows(ok(await run(['table', '--from', month, '--to', month, '--per-month', '--format', 'csv', '--gemeente', code])).stdout)
        .filter((r) => r.maand === month && r.categorie === 'totaal')
        .reduce((sum, r) => sum + Number(r.open), 0);
    // A melding that joins a case in progress (rule 'lopend') is picked without taking capacity.
    const altijd = (code: string, lopend: boolean) =>
      withDb(ws.db, (db) =>
        db
          .prepare(
            `SELECT count(*) AS n FROM decisions d JOIN meldingen m ON m.id = d.melding_id JOIN gemeenten g ON g.id = m.gemeente_id
             WHERE m.month = ? AND g.code = ? AND d.kind = 'altijd' AND (d.rule = 'lopend') = ?`,
          )
          .get(month, code, lopend ? 1 : 0) as { n: number },
      ).n;
    // Each gemeente's picked meldingen fill its share, unless what must always be followed up is more.
    expect(altijd('0377', false)).toBeLessThan(25);
    expect(altijd('0397', false)).toBeLessThan(60 - 25);
    expect(await open('0377')).toBe(25 + altijd('0377', true));
    expect(await open('0397')).toBe(60 - 25 + altijd('0397', true));
  }, TIMEOUT);

  it('shows each gemeente and their total; in CSV with a first column gemeente', async () => {
    const rows = csvRows(ok(await run(['table', ...PERIOD, '--format', 'csv'])).stdout);
    expect(Object.keys(rows[0]!)[0]).toBe('gemeente');
    expect([...new Set(rows.map((r) => r.gemeente))]).toEqual(['0377', '0397', 'totaal']);
    for (const categorie of ['enkelvoudig', 'meervoudig', 'totaal']) {
      const of = (g: string) => rows.find((r) => r.gemeente === g && r.categorie === categorie)!;
      for (const column of ['ontvangen', 'opgevolgd']) {
        expect(Number(of('totaal')[column])).toBe(Number(of('0377')[column]) + Number(of('0397')[column]));
      }
    }
    const total = rows.find((r) => r.gemeente === 'totaal' && r.categorie === 'totaal')!;
    expect(Number(total.ontvangen)).toBe(2 * (householdsOf('2022-01') + householdsOf('2022-02')));
    const text = ok(await run(['table', ...PERIOD])).stdout;
    expect(text).toContain('Gemeente Bloemendaal');
    expect(text).toContain('Gemeente Heemstede');
    expect(text).toContain('Totaal alle gemeenten');
  }, TIMEOUT);

  it('filters the worklist, months and stats by gemeente', async () => {
    const all = JSON.parse(ok(await run(['worklist', '--month', '2022-01', '--format', 'json'])).stdout) as unknown[];
    const one = JSON.parse(ok(await run(['worklist', '--month', '2022-01', '--format', 'json', '--gemeente', '0397'])).stdout) as unknown[];
    const other = JSON.parse(ok(await run(['worklist', '--month', '2022-01', '--format', 'json', '--gemeente', '0377'])).stdout) as unknown[];
    expect(one.length).toBeGreaterThan(0);
    expect(one.length + other.length).toBe(all.length);
    const months = JSON.parse(ok(await run(['months', '--format', 'json', '--gemeente', 'heemstede'])).stdout) as Array<{ month: string; received: number }>;
    expect(months.map((m) => [m.month, m.received])).toEqual(['2022-01', '2022-02', '2022-03'].map((m) => [m, householdsOf(m)]));
    const stats = JSON.parse(ok(await run(['stats', ...PERIOD, '--format', 'json', '--gemeente', '0377'])).stdout);
    expect(JSON.stringify(stats)).toContain(String(householdsOf('2022-01') + householdsOf('2022-02')));
  }, TIMEOUT);

  it('removes one gemeente\'s list of a month only, and asks which when there are several', async () => {
    expect((await run(['months', 'delete', '2022-03'])).status).toBe(2);
    ok(await run(['months', 'delete', '2022-03', '--gemeente', '0377', '--force']));
    const received = async (code: string) =>
      (JSON.parse(ok(await run(['months', '--format', 'json', '--gemeente', code])).stdout) as Array<{ month: string; received: number }>).map((m) => m.month);
    expect(await received('0377')).toEqual(['2022-01', '2022-02']);
    expect(await received('0397')).toEqual(['2022-01', '2022-02', '2022-03']);
  }, TIMEOUT);
});

describe('export ddas with two gemeenten', () => {
  it('writes one delivery per gemeente, each with its own code from the database and only its own signals', async () => {
    const ws = workspace('eropaf-e2e-gemeenten-ddas-');
    const run = (args: string[]) => runMain(args, { cwd: ws.dir, db: ws.db });
    ok(await run(['gemeenten', 'add', '0397', 'Heemstede']));
    ok(await run(['gemeenten', 'add', '0377', 'Bloemendaal']));
    ok(await run(['workers', 'add', 'Anna de Vries', '--capacity', '20']));
    ok(await run(['import', lijst('2022-01'), '--gemeente', '0397']));
    ok(await run(['import', lijst('2022-02'), '--gemeente', '0377']));
    for (const month of MONTHS) ok(await run(['triage', '--month', month]));
    const details = ['--organisation', 'Welzijn Duinstreek', '--contact-email', 'vroegeropaf@example.nl'];
    // Two deliveries cannot both go to stdout.
    expect((await run(['export', 'ddas', ...PERIOD, ...details])).status).toBe(2);
    ok(await run(['export', 'ddas', ...PERIOD, ...details, '--out', ws.file('levering.json')]));
    const delivery = (file: string) => JSON.parse(fs.readFileSync(ws.file(file), 'utf8')) as Record<string, unknown>;
    const signalsIn = (json: Record<string, unknown>) => (JSON.stringify(json).match(/"signaalpartner"/g) ?? []).length;
    const heemstede = delivery('levering-0397.json');
    const bloemendaal = delivery('levering-0377.json');
    expect(JSON.stringify(heemstede)).toContain('"gemeentecode":"0397"');
    expect(JSON.stringify(bloemendaal)).toContain('"gemeentecode":"0377"');
    const rows = (month: string) => new Set(
      (parse(fs.readFileSync(lijst(month)), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>).map((r) => r.Kenmerk),
    ).size;
    expect(signalsIn(heemstede)).toBe(rows('2022-01'));
    expect(signalsIn(bloemendaal)).toBe(rows('2022-02'));
    // One gemeente alone gives the same delivery of it, apart from the moment it was made.
    ok(await run(['export', 'ddas', ...PERIOD, ...details, '--gemeente', 'Bloemendaal', '--out', ws.file('bloemendaal.json')]));
    expect(signalsIn(delivery('bloemendaal.json'))).toBe(signalsIn(bloemendaal));
    // A gemeentecode the database does not know is refused.
    expect((await run(['export', 'ddas', ...PERIOD, ...details, '--gemeentecode', '0398', '--out', ws.file('x.json')])).status).toBe(2);
  }, TIMEOUT);
});

describe('a database made before gemeenten existed', () => {
  it('keeps its lists under one gemeente without code, which gemeenten set names', async () => {
    const ws = workspace('eropaf-e2e-gemeenten-old-');
    const run = (args: string[]) => runMain(args, { cwd: ws.dir, db: ws.db });
    ok(await run(['import', lijst('2022-01')]));
    const before = ok(await run(['table', ...PERIOD, '--format', 'csv'])).stdout;
    expect(JSON.parse(ok(await run(['gemeenten', 'list', '--format', 'json'])).stdout)).toEqual([{ code: null, naam: null, capaciteit: null }]);
    // Adding a second gemeente first would leave these lists without a name.
    const add = await run(['gemeenten', 'add', '0377', 'Bloemendaal']);
    expect(add.status).toBe(2);
    expect(add.stderr).toContain('eropaf gemeenten set');
    ok(await run(['gemeenten', 'set', '0397', 'Heemstede']));
    ok(await run(['gemeenten', 'add', '0377', 'Bloemendaal']));
    expect(ok(await run(['table', ...PERIOD, '--format', 'csv', '--gemeente', '0397'])).stdout).toBe(before);
    expect(path.basename(ws.db)).toBe('eropaf.db');
  }, TIMEOUT);
});
