// Helpers for the end-to-end tests, each in its own temporary directory. Most runs call the CLI's
// main() in this process, as a user's command would run but with in-memory stdout and stderr and
// a fixed clock. What needs a real process (a kill, processes side by side, real file
// descriptors, the bin/ entry) runs the built binary (`bin/eropaf.js`, which loads dist/):
// `npm test` builds dist/ first (pretest); when running such a file by hand, run
// `npx tsc -p tsconfig.json` before.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect } from 'vitest';
import { main } from '../../src/cli/main.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'eropaf.js');
export const MONTHS = ['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'] as const;

/** A bundled monthly list. */
export function lijst(month: string): string {
  return path.join(ROOT, 'fixtures', 'lijsten', `vroegeropaf-${month}.csv`);
}

export function variant(name: string): string {
  return path.join(ROOT, 'fixtures', 'varianten', name);
}

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Sets EROPAF_DB; omit to let eropaf fall back to ./eropaf.db in cwd (or pass --db yourself). */
  db?: string;
  env?: NodeJS.ProcessEnv;
  /** What the command reads from standard input; without it, stdin is empty. */
  input?: string;
}

/** Every output of every run in this test file, so a test can check that none leaks personal data. */
export const allOutputs: string[] = [];

/** The environment of a run: no colour, no inherited EROPAF_DB or debug switch. */
export function runEnv(options: Pick<RunOptions, 'db' | 'env'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.EROPAF_DB;
  delete env.EROPAF_DEBUG;
  delete env.FORCE_COLOR;
  if (options.db !== undefined) env.EROPAF_DB = options.db;
  return { ...env, ...options.env };
}

/**
 * The clock of in-process runs: fixed, after the bundled 2022 lists (so their retention term has
 * passed), and one minute later for every run, so that what a later command records is later.
 */
const CLOCK_START = new Date('2026-11-02T09:30:00.000Z');
const MINUTE_MS = 60_000;
let runs = 0;

/** A stream that keeps what is written to it. */
function memoryOutput(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    // Each write is one whole string: kept as it is, not cut into bytes.
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** The in-process run before the next one (see runMain). */
let previous: Promise<unknown> = Promise.resolve();

/**
 * Runs `eropaf …args` to the end in this process: main() with in-memory streams and a fixed clock.
 * Runs started together go one after the other, as separate processes would not: SQLite's busy
 * wait blocks this one thread, so a second writer here would wait for a first that cannot go on.
 */
export function runMain(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const run = previous.then(() => runMainNow(args, options));
  previous = run.catch(() => undefined);
  return run;
}

async function runMainNow(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const stdout = memoryOutput();
  const stderr = memoryOutput();
  const moment = new Date(CLOCK_START.getTime() + runs++ * MINUTE_MS);
  const status = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    env: runEnv(options),
    cwd: options.cwd,
    now: () => moment,
    osUser: 'e2e-gebruiker',
    onInterrupt: () => undefined,
  });
  for (const output of [stdout, stderr]) {
    output.stream.end();
    await finished(output.stream);
  }
  allOutputs.push(stdout.text(), stderr.text());
  return { status, signal: null, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built binary `eropaf …args` to the end, as a process of its own (the web tests use it too). */
export function runEropaf(args: readonly string[], options: RunOptions): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: runEnv(options),
    ...(options.input !== undefined && { input: options.input }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  allOutputs.push(result.stdout, result.stderr);
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `eropaf …args` without waiting, for a test that interrupts it. */
export function startEropaf(args: readonly string[], options: RunOptions): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: runEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Workspace {
  dir: string;
  /** The database this workspace's runs use (through EROPAF_DB), inside dir. */
  db: string;
  file(name: string): string;
  /** `db: null` runs without EROPAF_DB (eropaf then uses ./eropaf.db in dir, or --db); in this process. */
  run(args: readonly string[], options?: WorkspaceRunOptions): Promise<RunResult>;
  /** The same as a process of its own, for what needs one. */
  spawn(args: readonly string[], options?: WorkspaceRunOptions): RunResult;
  /** The names in dir, sorted. */
  listing(): string[];
}

export interface WorkspaceRunOptions {
  db?: string | null;
  env?: NodeJS.ProcessEnv;
  input?: string;
}

/** A fresh temporary directory (removed after the test file) with its own database path. */
export function workspace(prefix = 'eropaf-e2e-'): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'eropaf.db');
  return {
    dir,
    db,
    file: (name) => path.join(dir, name),
    run: (args, options = {}) => runMain(args, runOptions(dir, db, options)),
    spawn: (args, options = {}) => runEropaf(args, runOptions(dir, db, options)),
    listing: () => fs.readdirSync(dir).sort(),
  };
}

function runOptions(dir: string, db: string, options: WorkspaceRunOptions): RunOptions {
  const chosen = options.db === undefined ? db : options.db;
  return {
    cwd: dir,
    ...(chosen !== null && { db: chosen }),
    ...(options.env && { env: options.env }),
    ...(options.input !== undefined && { input: options.input }),
  };
}

/**
 * Makes output comparable between runs: the temporary directory becomes <tmp>, ISO timestamps
 * <tijdstip>, and the Dutch "22-11-2026 om 06:38" of "al eerder ingelezen" <datum en tijd>.
 */
export function clean(text: string, ...dirs: string[]): string {
  let out = text;
  for (const dir of [...dirs, os.tmpdir()]) {
    out = out.split(fs.existsSync(dir) ? fs.realpathSync(dir) : dir).join('<tmp>').split(dir).join('<tmp>');
  }
  return out
    .replace(/<tmp>\/eropaf-[\w-]+/g, '<tmp>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<tijdstip>')
    .replace(/\d{2}-\d{2}-\d{4} om \d{2}:\d{2}/g, '<datum en tijd>');
}

/** The summary lines of a text import summary, label -> value, without the title line. */
export function summaryFigures(stdout: string): Map<string, string> {
  const figures = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^( {0,2}\S[^ ]*(?: \S+)*?) {2,}(\S.*)$/.exec(line);
    if (match) figures.set(match[1]!.trim(), match[2]!.trim());
  }
  return figures;
}

/**
 * A connection for reading only. Not opened read-only on purpose: a read-only connection to a WAL
 * database leaves -wal and -shm files behind, which would hide the ones eropaf might leave.
 */
function openForReading(file: string): Database.Database {
  return new Database(file, { fileMustExist: true });
}

/** The whole content of a database, table by table, in rowid order; for "nothing changed" checks. */
export type Dump = Record<string, unknown[]>;

export function dumpDatabase(file: string): Dump {
  const db = openForReading(file);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    // Every dump also proves the references whole: an import writes without SQLite's checks.
    const broken = foreignKeyProblems(db);
    if (broken.length > 0) throw new Error(`foreign_key_check: ${JSON.stringify(broken.slice(0, 5))}`);
    const dump: Dump = {};
    for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
    dump['(schema)'] = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    return dump;
  } finally {
    db.close();
  }
}

/** Rows that refer to a row that does not exist (SQLite's foreign_key_check); none in a sound database. */
export function foreignKeyProblems(db: Database.Database): unknown[] {
  return db.pragma('foreign_key_check') as unknown[];
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Runs `work` with a read-only connection to the database. */
export function withDb<T>(file: string, work: (db: Database.Database) => T): T {
  const db = openForReading(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export interface StoredSignal {
  [column: string]: unknown;
}

/** The stored signals without their row ids (which depend on the order of imports). */
export function storedSignals(file: string, month?: string): StoredSignal[] {
  return withDb(file, (db) => {
    const rows = db
      .prepare(
        `SELECT s.*, h.postcode, h.huisnummer, h.toevoeging FROM signals s
         JOIN meldingen m ON m.id = s.melding_id JOIN households h ON h.id = m.household_id
         ${month === undefined ? '' : 'WHERE s.month = ?'}
         ORDER BY s.month, s.dedup_key`,
      )
      .all(...(month === undefined ? [] : [month])) as StoredSignal[];
    return rows.map(({ id: _id, melding_id: _m, import_id: _i, ...rest }) => rest);
  });
}

export interface StoredMelding {
  month: string;
  seq: number;
  household: string;
  category: string;
  on_last_month: number;
  opeenvolgend: number;
  signals: number;
}

/** The meldingen by household (address) rather than by id. */
export function storedMeldingen(file: string, month?: string): StoredMelding[] {
  return withDb(
    file,
    (db) =>
      db
        .prepare(
          `SELECT m.month, m.seq, h.postcode || '|' || h.huisnummer || '|' || h.toevoeging AS household,
                  m.category, m.on_last_month, m.opeenvolgend,
                  (SELECT count(*) FROM signals s WHERE s.melding_id = m.id) AS signals
           FROM meldingen m JOIN households h ON h.id = m.household_id
           ${month === undefined ? '' : 'WHERE m.month = ?'}
           ORDER BY m.month, household`,
        )
        .all(...(month === undefined ? [] : [month])) as StoredMelding[],
  );
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * Checks the stored history flags against the stored meldingen themselves: on_last_month when the
 * household has a melding the month before, opeenvolgend when it has one in the six months before.
 */
export function expectHistoryFlagsConsistent(file: string): void {
  const meldingen = storedMeldingen(file);
  const monthsOf = new Map<string, Set<number>>();
  for (const m of meldingen) {
    const set = monthsOf.get(m.household) ?? new Set<number>();
    set.add(monthIndex(m.month));
    monthsOf.set(m.household, set);
  }
  const wrong = meldingen.filter((m) => {
    const index = monthIndex(m.month);
    const months = monthsOf.get(m.household)!;
    const onLast = months.has(index - 1) ? 1 : 0;
    let opeen = 0;
    for (let back = 1; back <= 6; back++) if (months.has(index - back)) opeen = 1;
    return m.on_last_month !== onLast || m.opeenvolgend !== opeen;
  });
  expect(wrong, 'meldingen whose history flags do not match the stored months').toEqual([]);
}

/** Copies a database (closed, so without -wal) to a new file in `dir`. */
export function copyDatabase(from: string, to: string): string {
  for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${from}${suffix}`), `${from}${suffix} left behind`).toBe(false);
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o600);
  return to;
}

// A number on its own: not nine digits inside a hexadecimal hash (an input's SHA-256 in the audit).
const NINE_DIGITS = /(?<![\dA-Za-z])\d{9}(?![\dA-Za-z])/g;

/** Every nine-digit number (every BSN) in the bundled lists and variants. */
export function fixtureBsns(): Set<string> {
  const found = new Set<string>();
  const dirs = ['lijsten', 'varianten'].map((d) => path.join(ROOT, 'fixtures', d));
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, name));
      const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('latin1');
      for (const match of text.matchAll(NINE_DIGITS)) found.add(match[0]);
    }
  }
  return found;
}

/** No full BSN, and no nine-digit number at all, in any of the given outputs. */
export function expectNoBsn(outputs: readonly string[], bsns: ReadonlySet<string> = fixtureBsns()): void {
  expect(bsns.size).toBeGreaterThan(100);
  for (const output of outputs) {
    expect(output.match(NINE_DIGITS) ?? []).toEqual([]);
    for (const bsn of bsns) if (output.includes(bsn)) expect.fail(`a full BSN (…${bsn.slice(-3)}) appears in the output`);
  }
}

/**
 * The reminder eropaf prints after a command when personal data is kept past its retention term.
 * The bundled lists are from 2022 and the clock is later, so it follows most successful imports;
 * it is the only line a successful import may put on stderr.
 */
export const RETENTION_REMINDER =
  /^let op: van \d+ (melding|meldingen) is de bewaartermijn voorbij; verwijder de persoonsgegevens met "eropaf purge" \(bekijk het eerst met --dry-run\)\.$/;

/** stderr without the retention reminder: what a successful run must leave empty. */
export function unexpectedStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line !== '' && !RETENTION_REMINDER.test(line))
    .join('\n');
}

/** Waits for a child process to end; resolves with its exit code and signal. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
