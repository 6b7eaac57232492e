// End to end: the national delivery (`export ddas`) as the coordinator makes it. The contact
// e-mail is required; saved delivery details are used and options override them; the delivery
// holds the software's name and version and a time without milliseconds, validates against the
// schema eropaf ships, and keeps its signal IDs when a later list reuses the kenmerken; a result
// recorded after the delivery is reported; a 120,000-signal month is written in three parts;
// the full BSNs never go to a terminal or a pipe.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddasValidator } from '../../src/app/ddas/validate-delivery.js';
import { DUTCH_EXCEL, csvLines } from '../../src/synthetic/dialect.js';
import { largeListOptions, signalRows } from '../../src/synthetic/lists.js';
import { allOutputs, BIN, dumpDatabase, expectNoBsn, lijst, ROOT, runEnv, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 120_000;
const JANUARY = ['--from', '2022-01', '--to', '2022-01'];
const DETAILS = ['--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'vroegeropaf@example.nl'];
const VERSION = (JSON.parse(fs.readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string }).version;

interface Delivery {
  aanleverdatumEnTijd: string;
  codeGegevensleverancier: string;
  leveringen: Array<{
    gemeentecode: string;
    aanleverendeOrganisatie: { naam: string; 'kvk-nummer'?: string; contactpersonen: Array<Record<string, string>> };
    vroegsignalen: Array<{ ID: string }>;
    vroegsignaalzaken: Array<{ vroegsignalen: Array<{ ID: string }> }>;
  }>;
}

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

function read(file: string): Delivery {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Delivery;
}

const ids = (delivery: Delivery): string[] => delivery.leveringen[0]!.vroegsignalen.map((s) => s.ID);

/** The bundled January list as February's: the same kenmerken, signaaldatum moved one month. */
function januaryAsFebruary(file: string): void {
  const records = parse(fs.readFileSync(lijst('2022-01')), { bom: true, delimiter: ';' }) as string[][];
  const [header, ...rows] = records;
  const column = header!.indexOf('Signaaldatum');
  const moved = rows.map((row) => row.map((cell, i) => (i === column ? `${String(Math.min(28, Number(cell.slice(0, 2)))).padStart(2, '0')}-02-2022` : cell)));
  fs.writeFileSync(file, stringify([header!, ...moved], { delimiter: ';' }));
}

describe('export ddas: contact, details, IDs, late results', () => {
  const ws = workspace('eropaf-e2e-ddas-');

  beforeAll(async () => {
    ok(await ws.run(['import', lijst('2022-01')]));
    ok(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '100']));
    ok(await ws.run(['triage', '--month', '2022-01']));
  }, TIMEOUT);

  it('refuses without --contact-email (exit 2), naming the option and how to save it, and writes nothing', async () => {
    const before = dumpDatabase(ws.db);
    const result = await ws.run(['export', 'ddas', ...JANUARY, '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--out', 'zonder-contact.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--contact-email ontbreekt');
    expect(result.stderr).toContain('eropaf config set ddas.contact-email');
    expect(fs.existsSync(ws.file('zonder-contact.json'))).toBe(false);
    expect(dumpDatabase(ws.db)).toEqual(before);
  }, TIMEOUT);

  it('writes a valid delivery with the software and its version as supplier and a time to the second', async () => {
    ok(await ws.run(['export', 'ddas', ...JANUARY, ...DETAILS, '--contact-name', 'C. Oördinator', '--functietitel', 'Coördinator', '--out', 'januari.json']));
    const delivery = read(ws.file('januari.json'));
    expect(ddasValidator()(delivery)).toEqual([]);
    expect(delivery.codeGegevensleverancier).toBe(`eropaf ${VERSION}`);
    expect(delivery.aanleverdatumEnTijd).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(delivery.leveringen[0]!.aanleverendeOrganisatie.contactpersonen).toEqual([
      { naam: 'C. Oördinator', email: 'vroegeropaf@example.nl', functietitel: 'Coördinator' },
    ]);
    expect((fs.statSync(ws.file('januari.json')).mode & 0o777).toString(8)).toBe('600');
  }, TIMEOUT);

  it('gives the same IDs again after a later list reused the kenmerken', async () => {
    const first = ids(read(ws.file('januari.json')));
    januaryAsFebruary(ws.file('februari.csv'));
    ok(await ws.run(['import', 'februari.csv', '--month', '2022-02']));
    ok(await ws.run(['export', 'ddas', ...JANUARY, ...DETAILS, '--out', 'januari-opnieuw.json']));
    expect(ids(read(ws.file('januari-opnieuw.json')))).toEqual(first);
    ok(await ws.run(['export', 'ddas', '--from', '2022-02', '--to', '2022-02', ...DETAILS, '--out', 'februari.json']));
    const february = ids(read(ws.file('februari.json')));
    // February's signals carry the kenmerk with their month: no ID names two signals.
    expect(february.filter((id) => id.endsWith('-2022-02')).length).toBeGreaterThan(40);
    expect(february.filter((id) => first.includes(id))).toEqual([]);
  }, TIMEOUT);

  it('uses the saved details, lets an option override them, and keeps the contact out of the audit trail', async () => {
    ok(await ws.run(['config', 'set', 'ddas.gemeentecode', '0397']));
    ok(await ws.run(['config', 'set', 'ddas.organisatie', 'WIJ Heemstede']));
    ok(await ws.run(['config', 'set', 'ddas.kvk', '1234 5678']));
    ok(await ws.run(['config', 'set', 'ddas.contact-email', 'vroegeropaf@example.nl']));
    ok(await ws.run(['config', 'set', 'ddas.contact-naam', 'Carla Oord']));
    ok(await ws.run(['export', 'ddas', ...JANUARY, '--out', 'opgeslagen.json']));
    const saved = read(ws.file('opgeslagen.json')).leveringen[0]!;
    expect(saved.gemeentecode).toBe('0397');
    expect(saved.aanleverendeOrganisatie).toEqual({
      naam: 'WIJ Heemstede',
      'kvk-nummer': '12345678',
      contactpersonen: [{ naam: 'Carla Oord', email: 'vroegeropaf@example.nl' }],
    });
    ok(await ws.run(['export', 'ddas', ...JANUARY, '--organisation', 'Welzijn Heemstede', '--contact-email', 'ander@example.nl', '--out', 'overschreven.json']));
    const overridden = read(ws.file('overschreven.json')).leveringen[0]!.aanleverendeOrganisatie;
    expect(overridden.naam).toBe('Welzijn Heemstede');
    expect(overridden.contactpersonen).toEqual([{ naam: 'Carla Oord', email: 'ander@example.nl' }]);
    const audit = ok(await ws.run(['audit', '--format', 'json'])).stdout;
    expect(audit).toContain('ddas.contact-email');
    for (const personal of ['vroegeropaf@example.nl', 'ander@example.nl', 'Carla Oord']) expect(audit).not.toContain(personal);
  }, TIMEOUT);

  it('refuses a bad saved value or option with the same explanation (exit 2)', async () => {
    const result = await ws.run(['config', 'set', 'ddas.contact-email', 'geen-adres']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('een e-mailadres');
    const option = await ws.run(['export', 'ddas', ...JANUARY, '--gemeentecode', '397', '--out', 'fout.json']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('vier cijfers');
    expect(fs.existsSync(ws.file('fout.json'))).toBe(false);
  }, TIMEOUT);

  it('says after close and in months that a delivered period has changed, until it is delivered again', async () => {
    ok(await ws.run(['export', 'ddas', ...JANUARY, '--out', 'voor-resultaat.json']));
    expect(ok(await ws.run(['months'])).stderr).not.toContain('is sindsdien veranderd');
    const closed = ok(await ws.run(['close', '2022-01-001', '--result', 'advies', '--date', '2022-01-20']));
    const reminder = /let op: de landelijke levering over 2022 januari \(1 maand\), aangeleverd op .*, is sindsdien veranderd .*eropaf export ddas --from 2022-01 --to 2022-01 --gemeentecode 0397/;
    expect(closed.stderr).toMatch(reminder);
    expect(ok(await ws.run(['months'])).stderr).toMatch(reminder);
    ok(await ws.run(['export', 'ddas', ...JANUARY, '--out', 'na-resultaat.json']));
    expect(ok(await ws.run(['months'])).stderr).not.toContain('is sindsdien veranderd');
  }, TIMEOUT);

  it('refuses a delivery the schema refuses as a bug in eropaf (exit 1), naming where, writing nothing', async () => {
    // A value no eropaf command stores, put in by hand: the export must not pass it on.
    const copy = ws.file('kapot.db');
    fs.copyFileSync(ws.db, copy);
    const db = new Database(copy);
    expect(db.prepare("UPDATE signals SET signaalpartner = 'Postduif' WHERE id = (SELECT min(id) FROM signals WHERE month = '2022-01')").run().changes).toBe(1);
    db.close();
    const broken = await ws.run(['export', 'ddas', ...JANUARY, '--out', 'kapot.json'], { db: copy });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('voldoet niet aan het DDAS-schema v1.2; er is niets geschreven');
    expect(broken.stderr).toMatch(/\/leveringen\/0\/vroegsignalen\/\d+\/signaalpartner\/type: must be equal to one of the allowed values/);
    expect(broken.stderr).toContain('meld dit');
    expect(broken.stderr).not.toContain('Postduif');
    expect(fs.existsSync(ws.file('kapot.json'))).toBe(false);
    withDb(copy, (check) => expect(check.prepare("SELECT count(*) FROM audit WHERE command = 'export ddas'").pluck().get()).toBe(
      withDb(ws.db, (original) => original.prepare("SELECT count(*) FROM audit WHERE command = 'export ddas'").pluck().get()),
    ));
  }, TIMEOUT);

  it('without --out writes the delivery only to a stdout that is a file, never to a pipe', async () => {
    const before = dumpDatabase(ws.db);
    const piped = await ws.run(['export', 'ddas', ...JANUARY]);
    expect(piped.status).toBe(2);
    expect(piped.stdout).toBe('');
    expect(piped.stderr).toContain('--out');
    expect(dumpDatabase(ws.db)).toEqual(before);
    // `eropaf export ddas … > levering.json`: stdout is a regular file (needs a real process).
    const fd = fs.openSync(ws.file('omgeleid.json'), 'w', 0o600);
    try {
      const redirected = spawnSync(process.execPath, [BIN, 'export', 'ddas', ...JANUARY], {
        cwd: ws.dir,
        env: runEnv({ db: ws.db }),
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
      expect(redirected.status, redirected.stderr).toBe(0);
    } finally {
      fs.closeSync(fd);
    }
    expect(ddasValidator()(read(ws.file('omgeleid.json')))).toEqual([]);
  }, TIMEOUT);
});

describe('export ddas: a month of 120,000 signals', () => {
  const ws = workspace('eropaf-e2e-ddas-big-');
  const ROWS = 120_000;

  beforeAll(() => {
    // The project's own generator, as `npm run bench` uses it: a national-sized list, imported as one month.
    // This much work runs in the built program (its import reads in a worker thread, which the
    // TypeScript sources under test do not have); a process's start is small next to it.
    fs.writeFileSync(ws.file('groot-2022-02.csv'), [...csvLines(signalRows(largeListOptions(ROWS, 5)), DUTCH_EXCEL)].join(''));
    ok(ws.spawn(['import', 'groot-2022-02.csv']));
  }, TIMEOUT);

  it('is written as three valid parts that together hold every signal once, no case split over two', () => {
    const result = ok(ws.spawn(['export', 'ddas', '--from', '2022-02', '--to', '2022-02', ...DETAILS, '--out', 'levering.json']));
    expect(result.stderr).toContain('in 3 delen');
    const names = ['levering-deel-1-van-3.json', 'levering-deel-2-van-3.json', 'levering-deel-3-van-3.json'];
    expect(ws.listing().filter((name) => name.startsWith('levering'))).toEqual(names);
    const validate = ddasValidator();
    const seen = new Set<string>();
    let cases = 0;
    for (const name of names) {
      expect((fs.statSync(ws.file(name)).mode & 0o777).toString(8)).toBe('600');
      const part = read(ws.file(name));
      expect(validate(part)).toEqual([]);
      const levering = part.leveringen[0]!;
      expect(levering.vroegsignalen.length).toBeLessThanOrEqual(50_000);
      const own = new Set(levering.vroegsignalen.map((s) => s.ID));
      for (const zaak of levering.vroegsignaalzaken) for (const { ID } of zaak.vroegsignalen) expect(own.has(ID)).toBe(true);
      for (const id of own) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      cases += levering.vroegsignaalzaken.length;
    }
    expect(seen.size).toBe(ROWS);
    const meldingen = Number(/(\d+) vroegsignaalzaken over/.exec(result.stderr)?.[1]);
    expect(cases).toBe(meldingen);
  }, TIMEOUT);
});

describe('every output', () => {
  it('has no full BSN: the deliveries went to files', () => {
    expect(allOutputs.length).toBeGreaterThan(20);
    expectNoBsn(allOutputs);
  });
});
