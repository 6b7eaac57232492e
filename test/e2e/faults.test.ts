// Faults a real office produces: a process killed mid-command, two people working on one
// database at once, a full disk, a read-only file system. The database must always hold either
// the state before a command or the state after it, open without repair, and the user must get
// a Dutch message with exit code 3 when the surroundings are at fault.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLines, DUTCH_EXCEL } from '../../src/synthetic/dialect.js';
import { largeListOptions, signalRows } from '../../src/synthetic/lists.js';
import {
  copyDatabase,
  dumpDatabase,
  exited,
  lijst,
  startEropaf,
  unexpectedStderr,
  workspace,
  type Dump,
} from './helpers.js';

const TIMEOUT = 180_000;
const ROWS = 12_000;
const ws = workspace('eropaf-faults-');
const bigList = ws.file('groot-2022-07.csv');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function writeList(file: string, rows: number, month: string): void {
  let text = '';
  for (const line of csvLines(signalRows({ ...largeListOptions(rows, 11), startMonth: month }), DUTCH_EXCEL)) text += line;
  fs.writeFileSync(file, text);
}

/** A dump in which moments (ISO timestamps) are blanked: two runs of one command differ only there. */
function stateOf(db: string): string {
  return JSON.stringify(dumpDatabase(db)).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<tijd>');
}

function expectIntact(db: string): void {
  const handle = new Database(db, { fileMustExist: true });
  try {
    expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(handle.pragma('foreign_key_check')).toEqual([]);
  } finally {
    handle.close();
  }
}

/** Runs a command to its end on a fresh copy of `base` and returns the state it leaves. */
function stateAfter(base: string, args: string[], name: string): { state: string; ms: number } {
  const db = copyDatabase(base, ws.file(`${name}.db`));
  const started = Date.now();
  const result = ws.spawn(args, { db });
  expect(result.status, result.stderr).toBe(0);
  return { state: stateOf(db), ms: Date.now() - started };
}

/**
 * Kills `args` at `points` moments spread over its normal duration, each time on a fresh copy of
 * `base`, and checks the database holds the state before or after, never something between.
 */
async function killAtManyPoints(base: string, args: string[], name: string, points: number): Promise<Set<string>> {
  const before = stateOf(base);
  const { state: after, ms } = stateAfter(base, args, `${name}-compleet`);
  const seen = new Set<string>();
  for (let i = 0; i < points; i += 1) {
    const db = copyDatabase(base, ws.file(`${name}-${i}.db`));
    const child = startEropaf(args, { cwd: ws.dir, db });
    child.stdout?.resume();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const end = exited(child);
    await sleep(Math.round(((i + 0.5) / points) * ms));
    child.kill('SIGKILL');
    const { signal } = await end;
    // purge warns, as it should, that this synthetic month was never delivered nationally
    expect(unexpectedStderr(stderr).replace(/^let op: .* nooit landelijk aangeleverd .*$/m, '').trim()).toBe('');
    expectIntact(db);
    const state = stateOf(db);
    expect(state === before || state === after, `${name}: killed after ${i + 1}/${points} of ${ms} ms, the database is in between`).toBe(true);
    seen.add(signal === 'SIGKILL' ? (state === before ? 'voor' : 'na') : 'klaar');
  }
  return seen;
}

let base: string;

beforeAll(async () => {
  writeList(bigList, ROWS, '2022-07');
  for (const args of [
    ['import', bigList],
    ['workers', 'add', 'Anna de Vries', '--capacity', '4000'],
    ['workers', 'add', 'Bert Jansen', '--capacity', '4000'],
  ]) {
    const result = await ws.run(args);
    expect(result.status, result.stderr).toBe(0);
  }
  base = copyDatabase(ws.db, ws.file('basis.db'));
}, TIMEOUT);

describe('a command killed at any moment', () => {
  it('triage leaves the month untriaged or wholly triaged', async () => {
    const seen = await killAtManyPoints(base, ['triage', '--month', '2022-07'], 'triage', 6);
    expect(seen.has('voor')).toBe(true);
  }, TIMEOUT);

  it('outcomes records all of a filled-in worklist or nothing', async () => {
    const triaged = copyDatabase(base, ws.file('getrieerd.db'));
    expect((await ws.run(['triage', '--month', '2022-07'], { db: triaged })).status).toBe(0);
    const worklist = ws.file('werklijst.csv');
    expect((await ws.run(['worklist', '--month', '2022-07', '--format', 'csv', '--out', worklist], { db: triaged })).status).toBe(0);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${triaged}${suffix}`, { force: true });
    const lines = fs.readFileSync(worklist, 'utf8').split('\r\n');
    const filled = lines.map((line, i) => (i === 0 || line === '' ? line : line.replace(/;;;;;$/, ';10-07-2022;telefoon;nee;;')));
    fs.writeFileSync(worklist, filled.join('\r\n'));
    const seen = await killAtManyPoints(triaged, ['outcomes', worklist], 'uitkomsten', 6);
    expect(seen.has('voor')).toBe(true);
  }, TIMEOUT);

  it('purge removes all personal data past its term or none', async () => {
    const seen = await killAtManyPoints(base, ['purge'], 'opschonen', 6);
    expect(seen.has('voor')).toBe(true);
  }, TIMEOUT);
});

describe('two processes on one database', () => {
  it('two imports at once both land, nothing doubled or lost', async () => {
    const db = ws.file('samen.db');
    const runs = ['2022-01', '2022-02'].map((month) => {
      const child = startEropaf(['import', lijst(month)], { cwd: ws.dir, db });
      let stderr = '';
      child.stdout?.resume();
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return exited(child).then((end) => ({ ...end, stderr }));
    });
    const ends = await Promise.all(runs);
    for (const end of ends) expect(end.code, end.stderr).toBe(0);
    const sequential = ws.file('na-elkaar.db');
    for (const month of ['2022-01', '2022-02']) expect((await ws.run(['import', lijst(month)], { db: sequential })).status).toBe(0);
    const count = (file: string): unknown =>
      new Database(file, { readonly: true }).prepare('SELECT month, count(*) AS n FROM signals GROUP BY month ORDER BY month').all();
    expect(count(db)).toEqual(count(sequential));
  }, TIMEOUT);

  it('recording outcomes while another month is imported: both finish, one after the other', async () => {
    const db = copyDatabase(base, ws.file('gelijktijdig.db'));
    expect((await ws.run(['import', lijst('2022-06')], { db })).status).toBe(0);
    expect((await ws.run(['triage', '--month', '2022-06'], { db })).status).toBe(0);
    const worklist = ws.file('werklijst-2022-06.csv');
    expect((await ws.run(['worklist', '--month', '2022-06', '--format', 'csv', '--out', worklist], { db })).status).toBe(0);
    const lines = fs.readFileSync(worklist, 'utf8').split('\r\n');
    fs.writeFileSync(worklist, lines.map((l, i) => (i === 0 || l === '' ? l : l.replace(/;;;;;$/, ';20-06-2022;brief;nee;;'))).join('\r\n'));
    const other = ws.file('anders-2022-08.csv');
    writeList(other, 10_000, '2022-08');
    const [imported, recorded] = await Promise.all(
      [['import', other], ['outcomes', worklist]].map((args) => {
        const child = startEropaf(args, { cwd: ws.dir, db });
        let stderr = '';
        child.stdout?.resume();
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        return exited(child).then((end) => ({ ...end, stderr }));
      }),
    );
    expect(imported!.code, imported!.stderr).toBe(0);
    expect(recorded!.code, recorded!.stderr).toBe(0);
    const handle = new Database(db, { readonly: true });
    try {
      const contacts = handle.prepare("SELECT count(*) FROM contacts c JOIN meldingen m ON m.id = c.melding_id WHERE m.month = '2022-06'").pluck().get();
      expect(contacts).toBe(lines.filter((l, i) => i > 0 && l !== '').length);
      expect(handle.prepare("SELECT count(*) FROM signals WHERE month = '2022-08'").pluck().get()).toBeGreaterThan(0);
    } finally {
      handle.close();
    }
  }, TIMEOUT);

  it('a database kept busy by someone else: after a wait of at least 5 s, a Dutch message and exit 3', async () => {
    const db = copyDatabase(base, ws.file('bezet.db'));
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const child = startEropaf(['workers', 'add', 'Carla', '--capacity', '5'], { cwd: ws.dir, db });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const end = await exited(child);
    holder.exec('ROLLBACK');
    holder.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(end.code).toBe(3);
    expect(stderr).toContain('is bezet');
    expect(stderr).toContain('Tip:');
    expect(stateOf(db)).toBe(stateOf(base));
  }, TIMEOUT);
});

// A small file system of its own: full and read-only are then real, not simulated. Mounting
// needs root, as on the CI machines; elsewhere these two tests are skipped and say why.
const mountPoint = ws.file('schijf');
const canMount = ((): boolean => {
  try {
    fs.mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (canMount) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
});

describe.runIf(canMount)('the disk (needs root to mount a small file system)', () => {
  it('a full disk: exit 3, "de schijf is vol", the database as it was', () => {
    const db = `${mountPoint}/vol.db`;
    expect(ws.spawn(['import', lijst('2022-01')], { db }).status).toBe(0);
    const before = stateOf(db);
    const result = ws.spawn(['import', bigList], { db });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toContain('De schijf is vol');
    expect(result.stderr).toContain('Tip:');
    expectIntact(db);
    expect(stateOf(db)).toBe(before);
    fs.rmSync(db);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
  }, TIMEOUT);

  it('a read-only file system: exit 3 with a Dutch message, the database as it was', () => {
    const db = `${mountPoint}/alleen-lezen.db`;
    expect(ws.spawn(['import', lijst('2022-01')], { db }).status).toBe(0);
    const before = stateOf(db);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    let result;
    try {
      result = ws.spawn(['import', lijst('2022-02')], { db });
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/kan niet worden (geschreven|geopend)/);
    expect(result.stderr).toContain('Tip:');
    expect(stateOf(db)).toBe(before);
  }, TIMEOUT);
});
