// `npm run bench`: how fast and how lean eropaf is, against the floor of the plain `sqlite3
// .import` of the same file.
//
// The list (bench-list.ts) is the project's seeded synthetic list in the Dutch dialect with every
// column a real export has and about 2% exact duplicate rows. At each size the floor and the
// import into a fresh database run interleaved, `--runs` times each, so that a burst of other work
// on the machine hits both; then the same file is imported again into the imported database (it
// is recognised and skipped). A list of 125,000 rows gives a month of just over 100,000
// meldingen: it is triaged on a fresh copy of the imported database each run, and its table
// printed. Ten years of a big city are imported and triaged month by month, and the table over
// all of it is timed. Every step runs eropaf as a child process; its peak memory (RSS, all
// threads) comes from a preloaded module (bench-rss.ts). Each step is reported as the median and
// the spread (min–max) of its runs.
//
//   npm run bench                          100k and 1,000,000 rows, the triage month, ten years
//   npm run bench -- --rows 300000         100k and 300,000 rows, …
//   npm run bench -- --runs 5              five runs of each step (default 3)
//   npm run bench -- --imports-only        only the imports (floor, import, the same file again)
//   npm run bench -- --quick               100k imports only
//
// EROPAF_BENCH_KEEP=1 keeps the temporary directory and prints its path.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Month } from '../core/types.js';
import { DUPLICATE_SHARE, writeList } from './bench-list.js';
import { type Line, type Measurement, printPerRow, printSummary, type SizeResult } from './bench-report.js';
import { copyDatabase, eropaf, floor, hasSqlite3, removeDatabase, type RunResult, type Timed } from './bench-run.js';
import { buildTenYears } from './bench-ten-years.js';

const SMALL_ROWS = 100_000;
/** A list of this many rows gives one month of just over 100,000 meldingen with this generator. */
const TRIAGE_MONTH_ROWS = 125_000;
const SEED = 20_240_601;

interface Options {
  rows: number;
  runs: number;
  importsOnly: boolean;
}

/** Every step measured so far, in the order the summary shows them. */
const measurements: Measurement[] = [];

const out: Line = (line = '') => {
  process.stdout.write(`${line}\n`);
};
const thousands = (n: number): string => n.toLocaleString('en-US');

function wholeNumber(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} expects a whole number above 0`);
  return value;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { rows: 1_000_000, runs: 3, importsOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') Object.assign(options, { rows: SMALL_ROWS, importsOnly: true });
    else if (arg === '--imports-only') options.importsOnly = true;
    else if (arg === '--rows') options.rows = wholeNumber(arg, argv[++i]);
    else if (arg === '--runs') options.runs = wholeNumber(arg, argv[++i]);
    else throw new Error(`unknown option ${arg}; use --rows N, --runs N, --imports-only or --quick`);
  }
  return options;
}

function measurement(step: string, count: number | null, unit: string, withRss = true): Measurement {
  return { step, count, unit, seconds: [], cpuSeconds: [], rssMiB: withRss ? 0 : null };
}

function record(m: Measurement, run: Timed & { rssMiB?: number }): void {
  m.seconds.push(run.seconds);
  if (run.cpuSeconds !== null) m.cpuSeconds.push(run.cpuSeconds);
  if (run.rssMiB !== undefined) m.rssMiB = Math.max(m.rssMiB ?? 0, run.rssMiB);
}

const cpu = (run: Timed): string => (run.cpuSeconds === null ? '' : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`);
const showRun = (run: RunResult): string => `${run.seconds.toFixed(2)} s${cpu(run)}, ${run.rssMiB.toFixed(0)} MiB`;

interface ImportJson {
  rowsRead: number;
  signals: { new: number; duplicateInFile: number; duplicateKnown: number; rejected: number };
  meldingen: { created: number };
}

/** Fails the bench when the import lost or invented rows. */
function checkImport(stdout: string, rows: number): ImportJson {
  const summary = JSON.parse(stdout) as ImportJson;
  const { signals } = summary;
  if (summary.rowsRead !== rows || signals.new + signals.duplicateInFile + signals.duplicateKnown + signals.rejected !== rows) {
    throw new Error(`import of ${thousands(rows)} rows: ${JSON.stringify(summary)}`);
  }
  return summary;
}

/** Generates a list and imports it `runs` times into a fresh database, interleaved with the floor. */
function importSize(dir: string, rows: number, runs: number, withFloor: boolean): SizeResult {
  const label = thousands(rows);
  const file = path.join(dir, `lijst-${rows}.csv`);
  out(`Generating ${label} rows (about ${(DUPLICATE_SHARE * 100).toFixed(0)}% exact duplicates) …`);
  const list = writeList(file, rows, SEED);
  out(`  ${(list.bytes / 1024 / 1024).toFixed(0)} MiB, signal dates ${list.first} to ${list.last}`);
  const db = path.join(dir, `bench-${rows}.db`);
  const floorM = withFloor ? measurement(`sqlite3 .import ${label}`, rows, 'rows', false) : null;
  const importM = { ...measurement(`import ${label}`, rows, 'rows'), ...(floorM !== null && { floor: floorM }) };
  let summary: ImportJson | null = null;
  for (let run = 1; run <= runs; run++) {
    const parts: string[] = [];
    if (floorM !== null) {
      const floored = floor(dir, file);
      record(floorM, floored);
      parts.push(`floor ${floored.seconds.toFixed(2)} s${cpu(floored)}`);
    }
    removeDatabase(db);
    const imported = eropaf(dir, ['--db', db, 'import', file, '--month', list.last, '--format', 'json']);
    summary = checkImport(imported.stdout, rows);
    record(importM, imported);
    parts.push(`import ${showRun(imported)}`);
    out(`  run ${run}/${runs}: ${parts.join(' · ')}`);
  }
  const { signals, meldingen } = summary!;
  out(
    `  ${thousands(signals.new)} new, ${thousands(signals.duplicateInFile)} duplicate in the file, ` +
      `${thousands(signals.duplicateKnown)} already known, ${thousands(signals.rejected)} rejected; ${thousands(meldingen.created)} meldingen`,
  );

  const againM = { ...measurement(`the same file again ${label}`, rows, 'rows'), ...(floorM !== null && { floor: floorM }) };
  const again: string[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = eropaf(dir, ['--db', db, 'import', file, '--month', list.last, '--format', 'json']);
    if ((JSON.parse(result.stdout) as { alreadyImported?: boolean }).alreadyImported !== true) {
      throw new Error(`importing ${file} again was not recognised as already imported:\n${result.stdout}`);
    }
    record(againM, result);
    again.push(result.seconds.toFixed(2));
  }
  out(`  the same file again: ${again.join(', ')} s`);
  fs.rmSync(file);
  removeDatabase(db);
  measurements.push(...[floorM, importM, againM].filter((m): m is Measurement => m !== null));
  return { rows, floor: floorM, imported: importM, again: againM };
}

interface Imported {
  db: string;
  month: Month;
  meldingen: number;
}

/** The list for the triage month, imported once (its import is not what is measured here). */
function importTriageMonth(dir: string): Imported {
  const file = path.join(dir, `lijst-${TRIAGE_MONTH_ROWS}.csv`);
  const list = writeList(file, TRIAGE_MONTH_ROWS, SEED);
  const db = path.join(dir, 'triage-month.db');
  const imported = eropaf(dir, ['--db', db, 'import', file, '--month', list.last, '--format', 'json']);
  const summary = checkImport(imported.stdout, TRIAGE_MONTH_ROWS);
  fs.rmSync(file);
  return { db, month: list.last, meldingen: summary.meldingen.created };
}

/** Two workers; the month's triage `runs` times, each on a fresh copy of the untriaged database; its table. */
function triageMonth(dir: string, imported: Imported, runs: number): void {
  const label = thousands(imported.meldingen);
  out(`Triage and table of ${imported.month} (${label} meldingen) …`);
  eropaf(dir, ['--db', imported.db, 'workers', 'add', 'Anna de Vries', '--capacity', '1700']);
  eropaf(dir, ['--db', imported.db, 'workers', 'add', 'Bert Jansen', '--capacity', '1300']);
  const copy = path.join(dir, 'triage.db');
  const triage = measurement(`triage, ${label} meldingen`, imported.meldingen, 'meldingen');
  const table = measurement(`table, ${label} meldingen`, imported.meldingen, 'meldingen');
  for (let run = 1; run <= runs; run++) {
    copyDatabase(imported.db, copy);
    const triaged = eropaf(dir, ['--db', copy, 'triage', '--month', imported.month]);
    record(triage, triaged);
    const tabled = eropaf(dir, ['--db', copy, 'table', '--from', imported.month, '--to', imported.month]);
    record(table, tabled);
    out(`  run ${run}/${runs}: triage ${showRun(triaged)} · table ${showRun(tabled)}`);
  }
  removeDatabase(copy);
  measurements.push(triage, table);
}

function tenYears(dir: string, runs: number): void {
  out('Ten years of a big city: 120 monthly lists, imported and triaged one by one (this takes a while) …');
  const built = buildTenYears(dir, SEED, out);
  measurements.push(
    { step: 'import 120 city months (sum)', count: built.rows, unit: 'rows', seconds: [built.importSeconds], cpuSeconds: [], rssMiB: built.importPeakMiB },
    { step: 'triage 120 city months (sum)', count: built.meldingen, unit: 'meldingen', seconds: [built.triageSeconds], cpuSeconds: [], rssMiB: built.triagePeakMiB },
  );
  const variants: { step: string; args: string[]; count: number | null }[] = [
    { step: 'table, ten years', args: [], count: built.meldingen },
    { step: 'table --per-month, ten years', args: ['--per-month'], count: built.meldingen },
  ];
  for (const variant of variants) {
    const m = measurement(variant.step, variant.count, 'meldingen');
    for (let run = 1; run <= runs; run++) record(m, eropaf(dir, ['--db', built.db, 'table', '--from', built.from, '--to', built.to, ...variant.args]));
    out(`  ${variant.step}: ${m.seconds.map((s) => s.toFixed(2)).join(', ')} s`);
    measurements.push(m);
  }
  const compare = measurement('table --compare, two half-years', null, '');
  for (let run = 1; run <= runs; run++) {
    record(compare, eropaf(dir, ['--db', built.db, 'table', '--from', '2022-01', '--to', '2022-06', '--compare', '2021-05:2021-12']));
  }
  measurements.push(compare);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-bench-'));
  const keep = process.env.EROPAF_BENCH_KEEP === '1';
  const withFloor = hasSqlite3();
  const started = new Date();
  out(`eropaf bench ${started.toISOString()}: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out(`${options.runs} runs of every step; floor and import interleaved.`);
  if (!withFloor) out('sqlite3 is not on PATH: no floor, no ratio.');
  try {
    const sizes = [...new Set([Math.min(SMALL_ROWS, options.rows), options.rows])];
    const results = sizes.map((rows) => importSize(dir, rows, options.runs, withFloor));
    if (!options.importsOnly) {
      out(`Generating and importing a list of ${thousands(TRIAGE_MONTH_ROWS)} rows for the triage month …`);
      triageMonth(dir, importTriageMonth(dir), options.runs);
      tenYears(dir, options.runs);
    }
    out();
    printSummary(out, measurements);
    out();
    printPerRow(out, results);
    out();
    out(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} minutes in all.`);
  } finally {
    if (keep) out(`\nKept: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
