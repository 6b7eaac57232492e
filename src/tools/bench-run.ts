// Running the steps the bench times: eropaf as a child process (with its peak memory from the
// preloaded bench-rss.js) and the floor, the sqlite3 shell's `.import` of the same file.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childrenCpuSoFar } from './bench-cpu.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', '..', 'bin', 'eropaf.js');
const preload = pathToFileURL(path.join(here, 'bench-rss.js')).href;

export interface Timed {
  /** Wall time. */
  seconds: number;
  /** CPU time (user + system, all threads); null where the kernel does not tell. */
  cpuSeconds: number | null;
}

/** Runs a child process to its end and times it. */
function timed<T>(run: () => T): Timed & { result: T } {
  const cpuBefore = childrenCpuSoFar();
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childrenCpuSoFar();
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { seconds, cpuSeconds, result };
}

export interface RunResult extends Timed {
  /** Peak RSS of the eropaf process (all threads), MiB. */
  rssMiB: number;
  stdout: string;
}

/** Runs `eropaf …args` in `dir` with the peak-memory preload; throws when eropaf fails. */
export function eropaf(dir: string, args: readonly string[]): RunResult {
  const rssFile = path.join(dir, 'peak-rss');
  fs.rmSync(rssFile, { force: true });
  const { seconds, cpuSeconds, result } = timed(() =>
    spawnSync(process.execPath, ['--import', preload, bin, ...args], {
      cwd: dir,
      env: { ...process.env, EROPAF_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    }),
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`eropaf ${args.join(' ')} ended with ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  const rssKiB = Number(fs.readFileSync(rssFile, 'utf8'));
  return { seconds, cpuSeconds, rssMiB: rssKiB / 1024, stdout: result.stdout };
}

export function hasSqlite3(): boolean {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** The floor: the sqlite3 shell's `.import` of the file into a bare table of a fresh database. */
export function floor(dir: string, file: string): Timed {
  const db = path.join(dir, 'floor.db');
  removeDatabase(db);
  const { seconds, cpuSeconds, result } = timed(() =>
    spawnSync('sqlite3', [db, '-cmd', '.mode csv', '-cmd', '.separator ;', `.import ${file} signalen`], { encoding: 'utf8' }),
  );
  if (result.error || result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  removeDatabase(db);
  return { seconds, cpuSeconds };
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Removes a database file and its write-ahead log, so the next step starts from nothing. */
export function removeDatabase(db: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(db + suffix, { force: true });
}

/** Copies a closed database (and a log that was left behind), so that a step can run on a fresh copy. */
export function copyDatabase(from: string, to: string): void {
  removeDatabase(to);
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}
