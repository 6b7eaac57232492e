// `npm run bench`: how fast and how lean the import is at a million signals, against the floor of
// the plain `sqlite3 .import` of the same file.
//
// A seeded synthetic list (Dutch dialect: `;`, decimal comma, DD-MM-JJJJ) is streamed to a file in
// a temporary directory, then imported with the real binary into a fresh database, at 100,000 rows
// and at the full size so that linear growth shows (time per row about equal). On the full-size
// database two workers are added, the month is triaged and its table printed. Every step runs
// eropaf as a child process; its peak memory (RSS, all threads) comes from a preloaded module
// (bench-rss.ts) that writes `process.resourceUsage().maxRSS` at exit to a file the bench names.
//
//   npm run bench                     100k and 1,000,000 rows, and the triage of a month of
//                                     100,000 meldingen (a list of 125,000 rows)
//   npm run bench -- --rows 500000    100k and 500,000 rows
//   npm run bench -- --quick          100k only
//   npm run bench -- --ten-years      also: ten years of a big city (4,500 signals a month) and the
//                                     table over all of it
//
// EROPAF_BENCH_KEEP=1 keeps the temporary directory and prints its path.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { Month } from '../core/types.js';
import { csvLines, DUTCH_EXCEL } from '../synthetic/dialect.js';
import { CITY, largeListOptions, signalRows, type ListOptions } from '../synthetic/lists.js';
import { rowMonth, type SignalRow } from '../synthetic/row.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = path.join(root, 'bin', 'eropaf.js');
const preload = pathToFileURL(path.join(here, 'bench-rss.js')).href;

const SMALL_ROWS = 100_000;
/** A list of this many rows gives one month of just over 100,000 meldingen with this generator. */
const TRIAGE_MONTH_ROWS = 125_000;
const SEED = 20_240_601;

interface Options {
  rows: number;
  quick: boolean;
  tenYears: boolean;
}

interface Step {
  step: string;
  /** Rows (or meldingen) the step handled, for the rate; null when a rate means nothing. */
  count: number | null;
  unit: string;
  seconds: number;
  /** Peak RSS in MiB; null when unknown (the sqlite3 shell). */
  rssMiB: number | null;
  /** Ratio to the floor, for imports. */
  ratio?: number;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { rows: 1_000_000, quick: false, tenYears: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--ten-years') options.tenYears = true;
    else if (arg === '--rows') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error('--rows expects a whole number above 0');
      options.rows = value;
    } else {
      throw new Error(`unknown option ${arg}; use --rows N, --quick or --ten-years`);
    }
  }
  return options;
}

/** Streams the list to a file in the Dutch Excel dialect; returns its months (first, last). */
function writeList(file: string, list: ListOptions): { rows: number; first: Month; last: Month; bytes: number } {
  const fd = fs.openSync(file, 'w', 0o600);
  let buffer = '';
  let rows = 0;
  let first: Month | null = null;
  let last: Month | null = null;
  const monthOf = function* (source: Iterable<SignalRow>): Generator<SignalRow> {
    for (const row of source) {
      const month = rowMonth(row);
      first ??= month;
      last = month;
      rows += 1;
      yield row;
    }
  };
  try {
    for (const line of csvLines(monthOf(signalRows(list)), DUTCH_EXCEL)) {
      buffer += line;
      if (buffer.length >= 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = '';
      }
    }
    fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
  if (first === null || last === null) throw new Error('the generator produced no rows');
  return { rows, first, last, bytes: fs.statSync(file).size };
}

interface RunResult {
  seconds: number;
  rssMiB: number;
  stdout: string;
}

/** Runs `eropaf …args` with the peak-memory preload; fails the bench when eropaf fails. */
function eropaf(dir: string, args: readonly string[]): RunResult {
  const rssFile = path.join(dir, 'peak-rss');
  fs.rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', preload, bin, ...args], {
    cwd: dir,
    env: { ...process.env, EROPAF_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`eropaf ${args.join(' ')} ended with ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  const rssKiB = Number(fs.readFileSync(rssFile, 'utf8'));
  return { seconds, rssMiB: rssKiB / 1024, stdout: result.stdout };
}

function hasSqlite3(): boolean {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** The floor: the sqlite3 shell's `.import` of the same file into a bare table of a fresh database. */
function floor(dir: string, file: string): number {
  const db = path.join(dir, 'floor.db');
  fs.rmSync(db, { force: true });
  const start = performance.now();
  const result = spawnSync('sqlite3', [db, '-cmd', '.mode csv', '-cmd', '.separator ;', `.import ${file} signalen`], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error || result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  fs.rmSync(db, { force: true });
  return seconds;
}

interface ImportJson {
  rowsRead: number;
  signals: { new: number; duplicateInFile: number; duplicateKnown: number; rejected: number };
  meldingen: { created: number };
}

/** Generates `rows` rows, imports them into a fresh database, and times the floor. */
function importSize(dir: string, rows: number, withFloor: boolean, steps: Step[]): { db: string; month: Month; meldingen: number } {
  const label = rows.toLocaleString('en-US');
  const file = path.join(dir, `lijst-${rows}.csv`);
  out(`Generating ${label} rows …`);
  const generated = writeList(file, largeListOptions(rows, SEED));
  out(`  ${(generated.bytes / 1024 / 1024).toFixed(0)} MiB, signal dates ${generated.first} to ${generated.last}`);

  let floorSeconds: number | null = null;
  if (withFloor) {
    out('  sqlite3 .import (floor) …');
    floorSeconds = floor(dir, file);
    steps.push({ step: `sqlite3 .import ${label}`, count: rows, unit: 'rows', seconds: floorSeconds, rssMiB: null });
  }

  const db = path.join(dir, `bench-${rows}.db`);
  const month = generated.last;
  out('  eropaf import …');
  const run = eropaf(dir, ['--db', db, 'import', file, '--month', month, '--format', 'json']);
  const summary = JSON.parse(run.stdout) as ImportJson;
  const { signals } = summary;
  if (summary.rowsRead !== rows || signals.new + signals.duplicateInFile + signals.duplicateKnown + signals.rejected !== rows) {
    throw new Error(`import of ${label} rows: ${JSON.stringify(summary)}`);
  }
  out(
    `  ${signals.new} new, ${signals.duplicateInFile + signals.duplicateKnown} duplicate, ${signals.rejected} rejected; ` +
      `${summary.meldingen.created} meldingen`,
  );
  steps.push({
    step: `import ${label}`,
    count: rows,
    unit: 'rows',
    seconds: run.seconds,
    rssMiB: run.rssMiB,
    ...(floorSeconds !== null && { ratio: run.seconds / floorSeconds }),
  });
  fs.rmSync(file);
  return { db, month, meldingen: summary.meldingen.created };
}

/** Two workers, the month's triage, and its table. */
function triageAndTable(dir: string, db: string, month: Month, meldingen: number, label: string, steps: Step[]): void {
  out(`Workers, triage and table of ${month} (${meldingen.toLocaleString('en-US')} meldingen) …`);
  for (const [name, capacity] of [['Anna de Vries', '1700'], ['Bert Jansen', '1300']] as const) {
    const run = eropaf(dir, ['--db', db, 'workers', 'add', name, '--capacity', capacity]);
    steps.push({ step: `workers add (${label})`, count: null, unit: '', seconds: run.seconds, rssMiB: run.rssMiB });
  }
  const triage = eropaf(dir, ['--db', db, 'triage', '--month', month]);
  steps.push({ step: `triage (${label})`, count: meldingen, unit: 'meldingen', seconds: triage.seconds, rssMiB: triage.rssMiB });
  const table = eropaf(dir, ['--db', db, 'table', '--from', month, '--to', month]);
  steps.push({ step: `table (${label})`, count: meldingen, unit: 'meldingen', seconds: table.seconds, rssMiB: table.rssMiB });
}

/**
 * Ten years of a big city: 120 monthly lists imported and triaged one by one with the real binary,
 * then follow-up recorded for most picked-up meldingen (straight into the database: only the
 * table's input matters here), then the table over the ten years timed.
 */
function tenYears(dir: string, steps: Step[]): void {
  const db = path.join(dir, 'tien-jaar.db');
  const months = 120;
  const start: Month = '2013-01';
  out(`Ten years of a big city: ${months} monthly lists, imported and triaged one by one (this takes a while) …`);
  const list: ListOptions = { seed: SEED, startMonth: start, months, ...CITY, householdsPerMonth: [3_600, 3_900] };
  eropaf(dir, ['--db', db, 'workers', 'add', 'Anna de Vries', '--capacity', '1700']);
  eropaf(dir, ['--db', db, 'workers', 'add', 'Bert Jansen', '--capacity', '1300']);
  let importSeconds = 0;
  let triageSeconds = 0;
  let rows = 0;
  let meldingen = 0;
  let peakImport = 0;
  let peakTriage = 0;
  let last: Month = start;
  for (const monthRows of byMonth(signalRows(list))) {
    const month = monthRows.month;
    const file = path.join(dir, `lijst-${month}.csv`);
    fs.writeFileSync(file, [...csvLines(monthRows.rows, DUTCH_EXCEL)].join(''), { mode: 0o600 });
    const imported = eropaf(dir, ['--db', db, 'import', file, '--month', month, '--format', 'json']);
    const summary = JSON.parse(imported.stdout) as ImportJson;
    importSeconds += imported.seconds;
    peakImport = Math.max(peakImport, imported.rssMiB);
    rows += monthRows.rows.length;
    meldingen += summary.meldingen.created;
    const triaged = eropaf(dir, ['--db', db, 'triage', '--month', month]);
    triageSeconds += triaged.seconds;
    peakTriage = Math.max(peakTriage, triaged.rssMiB);
    fs.rmSync(file);
    last = month;
    if (month.endsWith('-12')) out(`  ${month}: ${rows.toLocaleString('en-US')} signals, ${meldingen.toLocaleString('en-US')} meldingen`);
  }
  steps.push({ step: `import 120 city months (sum)`, count: rows, unit: 'rows', seconds: importSeconds, rssMiB: peakImport });
  steps.push({ step: `triage 120 city months (sum)`, count: meldingen, unit: 'meldingen', seconds: triageSeconds, rssMiB: peakTriage });

  recordFollowUp(db);
  const table = eropaf(dir, ['--db', db, 'table', '--from', start, '--to', last]);
  steps.push({ step: 'table, ten years', count: meldingen, unit: 'meldingen', seconds: table.seconds, rssMiB: table.rssMiB });
  const perMonth = eropaf(dir, ['--db', db, 'table', '--from', start, '--to', last, '--per-month']);
  steps.push({ step: 'table --per-month, ten years', count: meldingen, unit: 'meldingen', seconds: perMonth.seconds, rssMiB: perMonth.rssMiB });
  const compare = eropaf(dir, ['--db', db, 'table', '--from', '2022-01', '--to', '2022-06', '--compare', '2021-05:2021-12']);
  steps.push({ step: 'table --compare, two periods', count: null, unit: '', seconds: compare.seconds, rssMiB: compare.rssMiB });
}

function* byMonth(rows: Iterable<SignalRow>): Generator<{ month: Month; rows: SignalRow[] }> {
  let current: { month: Month; rows: SignalRow[] } | null = null;
  for (const row of rows) {
    const month = rowMonth(row);
    if (current !== null && current.month !== month) {
      yield current;
      current = null;
    }
    current ??= { month, rows: [] };
    current.rows.push(row);
  }
  if (current !== null) yield current;
}

/** Contact attempts for four in five picked-up meldingen, and a result for half of those. */
function recordFollowUp(file: string): void {
  const db = new Database(file);
  try {
    db.exec(`
      BEGIN;
      INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at)
        SELECT d.melding_id, 'Telefoon', d.melding_id % 3 = 0, m.month || '-20', 'Ochtend', NULL, m.month || '-20T10:00:00'
        FROM decisions d JOIN meldingen m ON m.id = d.melding_id
        WHERE d.kind IN ('altijd', 'capaciteit') AND d.melding_id % 5 <> 0;
      INSERT OR REPLACE INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
        SELECT melding_id, '(Budget)advies en/of quick fix', NULL, substr(datum, 1, 8) || '28', 'medewerker', recorded_at
        FROM contacts WHERE melding_id % 2 = 0;
      COMMIT;
    `);
  } finally {
    db.close();
  }
}

function printTable(steps: readonly Step[]): void {
  const header = ['step', 'count', 'wall s', 'per second', 'µs each', 'peak RSS MiB', 'x floor'];
  const rows = steps.map((s) => [
    s.step,
    s.count === null ? '' : `${s.count.toLocaleString('en-US')} ${s.unit}`,
    s.seconds.toFixed(2),
    s.count === null ? '' : Math.round(s.count / s.seconds).toLocaleString('en-US'),
    s.count === null ? '' : ((s.seconds / s.count) * 1e6).toFixed(1),
    s.rssMiB === null ? '' : s.rssMiB.toFixed(0),
    s.ratio === undefined ? '' : s.ratio.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out(line(row));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-bench-'));
  const keep = process.env.EROPAF_BENCH_KEEP === '1';
  const steps: Step[] = [];
  const withFloor = hasSqlite3();
  out(`eropaf bench: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  if (!withFloor) out('sqlite3 is not on PATH: no floor, no ratio.');
  try {
    const sizes = options.quick ? [SMALL_ROWS] : [...new Set([Math.min(SMALL_ROWS, options.rows), options.rows])];
    let largest: ReturnType<typeof importSize> | null = null;
    for (const rows of sizes) largest = importSize(dir, rows, withFloor, steps);
    if (largest !== null) triageAndTable(dir, largest.db, largest.month, largest.meldingen, sizes[sizes.length - 1]!.toLocaleString('en-US'), steps);
    if (!options.quick) {
      const month = importSize(dir, TRIAGE_MONTH_ROWS, withFloor, steps);
      triageAndTable(dir, month.db, month.month, month.meldingen, TRIAGE_MONTH_ROWS.toLocaleString('en-US'), steps);
    }
    if (options.tenYears) tenYears(dir, steps);
    out();
    printTable(steps);
    const sizeLabels = sizes.map((rows) => `import ${rows.toLocaleString('en-US')}`);
    const imports = steps.filter((s) => sizeLabels.includes(s.step));
    if (imports.length === 2) {
      const [small, large] = imports as [Step, Step];
      const perRow = (s: Step): number => s.seconds / s.count!;
      out();
      out(`Time per row at ${large.count!.toLocaleString('en-US')} rows is ${(perRow(large) / perRow(small)).toFixed(2)} times that at ${small.count!.toLocaleString('en-US')} rows (1.00 = linear; startup weighs more in the small run).`);
    }
  } finally {
    if (keep) out(`\nKept: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
