// End to end: a list imported under the wrong month, and a second, different file for a month.
// A file that would add signals to a month that already has a list must say what it is
// (--aanvulling or --replace); a month's list can be deleted (months delete) while nothing was
// recorded for it, and only with --force once something was.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from '../../src/synthetic/dialect.js';
import type { SignalRow } from '../../src/synthetic/row.js';
import { fixtureLists } from '../../src/tools/make-fixtures.js';
import {
  dumpDatabase,
  expectHistoryFlagsConsistent,
  lijst,
  summaryFigures,
  unexpectedStderr,
  withDb,
  workspace,
  type RunResult,
  type Workspace,
} from './helpers.js';

const TIMEOUT = 60_000;

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

function count(db: string, sql: string, ...params: unknown[]): number {
  return withDb(db, (d) => d.prepare(sql).pluck().get(...params) as number);
}

function rowsOf(month: string): SignalRow[] {
  return fixtureLists().find((l) => l.month === month)!.rows;
}

function writeList(w: Workspace, name: string, rows: readonly SignalRow[]): string {
  const file = w.file(name);
  fs.writeFileSync(file, encodeUtf8(formatCsv(rows, DUTCH_EXCEL)));
  return file;
}

const meldingenOf = (w: Workspace, month: string): number => count(w.db, 'SELECT count(*) FROM meldingen WHERE month = ?', month);

describe('a second, different file for a month that already has a list', () => {
  it('is refused (exit 1, nothing stored) unless it says it is a supplement or a replacement', async () => {
    const w = workspace();
    // March's list by mistake as April, then April's own list.
    expectSuccess(await w.run(['import', lijst('2022-03'), '--month', '2022-04']));
    const before = dumpDatabase(w.db);
    const wrongMonth = meldingenOf(w, '2022-04');
    for (const extra of [[], ['--dry-run']]) {
      const refused = await w.run(['import', lijst('2022-04'), ...extra]);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/fout: 2022-04 heeft al een lijst; dit bestand zou er \d+ nieuwe signalen aan toevoegen/);
      expect(refused.stderr).toContain('--aanvulling');
      expect(refused.stderr).toContain('--replace');
      expect(refused.stderr).toContain('eropaf months delete 2022-04');
    }
    expect(dumpDatabase(w.db)).toEqual(before);
    expect(meldingenOf(w, '2022-04')).toBe(wrongMonth);

    const supplement = expectSuccess(await w.run(['import', lijst('2022-04'), '--aanvulling']));
    expect(Number(summaryFigures(supplement.stdout).get('Signalen nieuw'))).toBeGreaterThan(0);
    expect(meldingenOf(w, '2022-04')).toBeGreaterThan(wrongMonth);
  }, TIMEOUT);

  it('changes nothing and succeeds when every signal of the file is already in the month', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-04')]));
    const before = dumpDatabase(w.db);
    const part = writeList(w, 'deel-2022-04.csv', rowsOf('2022-04').slice(0, 8));
    const result = expectSuccess(await w.run(['import', part]));
    expect(summaryFigures(result.stdout).get('Signalen nieuw')).toBe('0');
    const after = dumpDatabase(w.db);
    // only the record of the import itself (and its audit line) is new
    for (const table of ['signals', 'meldingen', 'households']) expect(after[table]).toEqual(before[table]);
  }, TIMEOUT);

  it('refuses --aanvulling together with --replace', async () => {
    const w = workspace();
    const result = await w.run(['import', lijst('2022-04'), '--aanvulling', '--replace']);
    expect(result.status).toBe(2);
  }, TIMEOUT);
});

describe('months delete', () => {
  it("removes a wrong month's list, recomputes the later months' history and lets the right file in", async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-03'), '--month', '2022-04']));
    expectSuccess(await w.run(['import', lijst('2022-05')]));
    const before = dumpDatabase(w.db);
    const mayOnLast = count(w.db, "SELECT count(*) FROM meldingen WHERE month = '2022-05' AND on_last_month = 1");
    expect(mayOnLast).toBeGreaterThan(0);

    const dry = expectSuccess(await w.run(['months', 'delete', '2022-04', '--dry-run']));
    expect(dry.stdout).toMatch(/Proefrun/);
    expect(dry.stdout).toContain(`${meldingenOf(w, '2022-04')} meldingen`);
    expect(dumpDatabase(w.db)).toEqual(before);

    const real = expectSuccess(await w.run(['maanden', 'verwijder', '2022-04']));
    expect(real.stdout).toMatch(/^Verwijderd: de lijst van april 2022/);
    expect(meldingenOf(w, '2022-04')).toBe(0);
    expect(count(w.db, "SELECT count(*) FROM signals WHERE month = '2022-04'")).toBe(0);
    expect(count(w.db, "SELECT count(*) FROM imports WHERE month = '2022-04'")).toBe(0);
    expect(count(w.db, "SELECT count(*) FROM meldingen WHERE month = '2022-05' AND on_last_month = 1")).toBe(0);
    expectHistoryFlagsConsistent(w.db);
    expect(count(w.db, "SELECT count(*) FROM audit WHERE command LIKE 'months%'")).toBe(1);

    // The file that went to the wrong month can now be read in under the right one.
    const right = expectSuccess(await w.run(['import', lijst('2022-03')]));
    expect(summaryFigures(right.stdout).get('Signalen nieuw')).not.toBe('0');
    expectHistoryFlagsConsistent(w.db);
  }, TIMEOUT);

  it('refuses a month with recorded follow-up unless --force, and the dry run says what would be lost', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-04')]));
    expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '40']));
    expect((await w.run(['triage', '--month', '2022-04'])).status).toBe(0);
    expectSuccess(await w.run(['contact', '2022-04-001', '--type', 'telefoon', '--reached', 'nee', '--date', '2022-04-20']));
    expectSuccess(await w.run(['close', '2022-04-002', '--result', 'advies']));
    const before = dumpDatabase(w.db);

    const refused = await w.run(['months', 'delete', '2022-04']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    const dry = expectSuccess(await w.run(['months', 'delete', '2022-04', '--force', '--dry-run']));
    expect(dry.stdout).toContain('1 contactpoging');
    expect(dry.stdout).toContain('1 resultaat');
    expect(dumpDatabase(w.db)).toEqual(before);

    expectSuccess(await w.run(['months', 'delete', '2022-04', '--force']));
    expect(meldingenOf(w, '2022-04')).toBe(0);
    for (const table of ['contacts', 'results', 'decisions', 'triage_runs']) {
      expect(count(w.db, `SELECT count(*) FROM ${table}`), table).toBe(0);
    }
  }, TIMEOUT);

  it('says so when the month has no list', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-04')]));
    const result = await w.run(['months', 'delete', '2022-05']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2022-05');
  }, TIMEOUT);
});
