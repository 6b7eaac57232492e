// `npm run bench:web`: how fast the web app answers a team on a big database, and while a big
// list is being imported through it. Not a test: it prints figures, it asserts nothing.
//
// A ten-year database of a big city (120 monthly lists of some 4,300 signals, each imported and
// triaged, by the same use cases as the command line) is built in a temporary folder, or reused
// with --db FILE (built there when the file does not exist yet). `eropaf serve` then runs on
// 127.0.0.1 in a process of its own, with a signed-in coordinator. With 20 concurrent clients
// (autocannon) it measures the overview `/`, a worklist of about 500 meldingen and the table
// over a year; then the same pages while a list of 100,000 rows is uploaded, previewed and
// imported through the web app's "Lijst inlezen". Targets: p95 < 200 ms, and < 500 ms during
// the import.
//
//   npm run bench:web                          build, measure 10 s a page
//   npm run bench:web -- --db /tmp/stad.db     reuse (or build and keep) the ten-year database
//   npm run bench:web -- --seconds 5           measure 5 s a page

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { addAccount } from '../app/accounts.js';
import { importList } from '../app/import-list.js';
import { signIn } from '../app/sessions.js';
import { triageMonth } from '../app/triage-month.js';
import type { Month } from '../core/types.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { nextMonth } from '../synthetic/demo-year.js';
import { csvLines, DUTCH_EXCEL } from '../synthetic/dialect.js';
import { CITY, signalRows } from '../synthetic/lists.js';
import { rowsByMonth } from '../synthetic/row.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '..', '..', 'bin', 'eropaf.js');

/** autocannon has no types of its own; this is the part of its programmatic API used here. */
interface Cannon {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  stop(): void;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; headers: Record<string, string> },
  done: (error: Error | null, result: { timeouts: number; errors: number }) => void,
) => Cannon;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SEED = 20_240_601;
const START: Month = '2013-01';
const MONTHS = 120;
const CONNECTIONS = 20;
const IMPORT_ROWS = 100_000;
const PASSWORD = 'bench-wachtwoord-lang-genoeg';
/** Anna's capacity a month: her worklist of one month is about this long. */
const ANNA_CAPACITY = 500;

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const nowIso = (): string => new Date().toISOString();

function parseArgs(argv: readonly string[]): { db: string | null; seconds: number } {
  const options = { db: null as string | null, seconds: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') options.db = path.resolve(argv[++i] ?? '');
    else if (arg === '--seconds') options.seconds = Number(argv[++i]);
    else if (arg === '--web') continue;
    else throw new Error(`unknown option ${arg}; use --db FILE or --seconds N`);
  }
  if (!(options.seconds > 0)) throw new Error('--seconds wants a positive number');
  return options;
}


/** Ten years of a big city, imported and triaged month by month; the last month of it. */
async function buildTenYears(file: string, dir: string): Promise<void> {
  out(`Building ten years of a big city in ${file} (${MONTHS} lists, imported and triaged one by one) …`);
  const started = performance.now();
  const store = SqliteStore.open(file, { readonly: false, busyTimeoutMs: 10_000, now: nowIso });
  try {
    await store.transaction(async (tx) => {
      await tx.addWorker({ name: 'Anna de Vries', capacity: ANNA_CAPACITY, createdAt: nowIso() });
      await tx.addWorker({ name: 'Bert Jansen', capacity: 1_200, createdAt: nowIso() });
    });
    const list = { seed: SEED, startMonth: START, months: MONTHS, ...CITY, householdsPerMonth: [3_600, 3_900] as const };
    let rows = 0;
    for (const { month, rows: monthRows } of rowsByMonth(signalRows(list))) {
      const csv = path.join(dir, `lijst-${month}.csv`);
      fs.writeFileSync(csv, [...csvLines(monthRows, DUTCH_EXCEL)].join(''), { mode: 0o600 });
      // The day after the month: every signal of the list lies before it.
      const today = `${nextMonth(month)}-01`;
      await importList(store, { file: csv, month, dryRun: false, replace: false, force: false, skipInvalid: false, today, now: nowIso });
      await triageMonth(store, { month, dryRun: false, today, now: nowIso });
      fs.rmSync(csv);
      rows += monthRows.length;
      if (month.endsWith('-12')) out(`  ${month}: ${rows.toLocaleString('en-US')} signals (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    await addAccount(store, { name: 'coord', role: 'coordinator', password: PASSWORD, createdAt: nowIso() });
  } finally {
    await store.close();
  }
}

/** A signed-in coordinator (the session cookie and its form token), Anna, and the last triaged month. */
async function signInCoordinator(file: string): Promise<{ cookie: string; csrf: string; annaId: number; lastMonth: Month; lastImported: Month }> {
  const store = SqliteStore.open(file, { readonly: false, busyTimeoutMs: 10_000, now: nowIso });
  try {
    const signedIn = await signIn(store, { name: 'coord', password: PASSWORD, now: new Date() }, () => store);
    if (signedIn === null) throw new Error('the bench database has no account coord with the bench password');
    const anna = (await store.workers()).find((w) => w.name === 'Anna de Vries');
    const overview = await store.monthOverview();
    const last = (months: Month[]): Month => months.sort()[months.length - 1]!;
    return {
      cookie: `eropaf_sessie=${signedIn.token}`,
      csrf: signedIn.session.csrfToken,
      annaId: anna!.id,
      lastMonth: last(overview.filter((m) => m.triaged).map((m) => m.month)),
      lastImported: last(overview.map((m) => m.month)),
    };
  } finally {
    await store.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServe(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, '--db', file, 'serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('De webapp draait op')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`eropaf serve stopped (${code}): ${said}`)));
  });
  child.once('exit', (code, signal) => out(`(eropaf serve ended: ${signal ?? `exit code ${code}`})`));
  return child;
}

/** Stops `eropaf serve` as Ctrl+C does, and for good when it has not stopped after 5 s. */
async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface Sample {
  latencies: number[];
  failures: number;
  /** Requests not answered within REQUEST_TIMEOUT_S: counted as slower than any answer. */
  timeouts: number;
  seconds: number;
}

const REQUEST_TIMEOUT_S = 30;

/**
 * The time the server takes for one request of `url` with nobody else asking: the median of a
 * few. Requests are answered one after another, so with CONNECTIONS clients each waits for about
 * CONNECTIONS of these.
 */
async function serviceTime(url: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: { cookie } })).text();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** Requests `url` with `connections` clients for `seconds`, or until `stop` says so. */
function measure(url: string, cookie: string, seconds: number, connections = CONNECTIONS, stop: () => boolean = () => false): Promise<Sample> {
  const sample: Sample = { latencies: [], failures: 0, timeouts: 0, seconds: 0 };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: REQUEST_TIMEOUT_S, headers: { cookie } }, (error, result) => {
      clearInterval(watch);
      sample.seconds = (performance.now() - started) / 1000;
      sample.timeouts = result?.timeouts ?? 0;
      if (error === null) resolve(sample);
      else reject(error);
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) sample.latencies.push(ms);
      else sample.failures += 1;
    });
    const watch = setInterval(() => {
      if (stop()) instance.stop();
    }, 100);
  });
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(label: string, sample: Sample, targetMs: number): void {
  const all = [...sample.latencies, ...Array<number>(sample.timeouts).fill(Number.POSITIVE_INFINITY)];
  if (all.length === 0) return out(`  ${label.padEnd(34)} no answer at all in ${sample.seconds.toFixed(1)} s`);
  const ms = (p: number): string => {
    const value = percentile(all, p);
    return (Number.isFinite(value) ? value.toFixed(0) : `>${REQUEST_TIMEOUT_S * 1000}`).padStart(6);
  };
  const p95 = percentile(all, 95);
  out(
    `  ${label.padEnd(34)} ${String(sample.latencies.length).padStart(6)} answers in ${sample.seconds.toFixed(1).padStart(5)} s` +
      `  p50 ${ms(50)} ms  p95 ${ms(95)} ms  p99 ${ms(99)} ms` +
      `  (${p95 < targetMs ? 'under' : 'OVER'} ${targetMs} ms${sample.timeouts > 0 ? `; ${sample.timeouts} timed out` : ''}${sample.failures > 0 ? `; ${sample.failures} not 200` : ''})`,
  );
}

/**
 * Waits until the server has answered what the clients of the last run left behind: requests are
 * answered one after another, so a stylesheet request comes back only after those.
 */
async function drain(base: string): Promise<void> {
  await fetch(`${base}/static/eropaf.css`);
}

/** Uploads a list through "Lijst inlezen", waits for its preview, confirms it and waits for the import. */
async function importThroughWeb(base: string, session: { cookie: string; csrf: string }, file: string, onPhase: (phase: string) => void): Promise<void> {
  const headers = { cookie: session.cookie, 'sec-fetch-site': 'same-origin' };
  const form = new FormData();
  form.set('_csrf', session.csrf);
  form.set('bestand', new Blob([fs.readFileSync(file)]), path.basename(file));
  const posted = await fetch(`${base}/inlezen`, { method: 'POST', headers, body: form, redirect: 'manual' });
  if (posted.status !== 303) throw new Error(`the upload was refused: ${posted.status}`);
  onPhase('preview');
  const previewHtml = await untilDone(base, posted.headers.get('location')!, session.cookie);
  const job = /name="taak" value="([^"]+)"/.exec(previewHtml);
  if (job === null) throw new Error('the preview did not offer "Inlezen"');
  const confirmed = await fetch(`${base}/inlezen/bevestig`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, taak: job[1]! }).toString(),
    redirect: 'manual',
  });
  if (confirmed.status !== 303) throw new Error(`"Inlezen" was refused: ${confirmed.status}`);
  onPhase('import');
  const doneHtml = await untilDone(base, confirmed.headers.get('location')!, session.cookie);
  if (!doneHtml.includes('Ingelezen:')) throw new Error('the import did not end with its summary');
}

/** A GET that tries again when a kept-alive connection was closed under it (the server's idle timeout). */
async function getText(url: string, cookie: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(url, { headers: { cookie } })).text();
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function untilDone(base: string, jobPath: string, cookie: string): Promise<string> {
  for (;;) {
    const html = await getText(`${base}${jobPath}`, cookie);
    if (!html.includes('http-equiv="refresh"')) return html;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-bench-web-'));
  let server: ChildProcess | null = null;
  try {
    const db = options.db ?? path.join(dir, 'stad.db');
    if (fs.existsSync(db)) out(`Reusing ${db}.`);
    else {
      // Built under another name first, so that a bench stopped halfway leaves nothing to reuse.
      await buildTenYears(`${db}.bouw`, dir);
      fs.renameSync(`${db}.bouw`, db);
    }
    // The import below changes the database: it works on a copy, so that a reused one stays as built.
    const copy = path.join(dir, 'kopie.db');
    const original = new Database(db, { readonly: true });
    await original.backup(copy);
    await original.close();
    const session = await signInCoordinator(copy);
    const port = await freePort();
    server = await startServe(copy, port);
    const base = `http://127.0.0.1:${port}`;
    const year = Number(session.lastMonth.slice(0, 4));
    const pages: Array<[string, string]> = [
      ['overview /', '/'],
      [`worklist (Anna, ${session.lastMonth})`, `/werklijst?maand=${session.lastMonth}&medewerker=${session.annaId}&staat=alle`],
      [`table /tabel ${year}`, `/tabel?van=${year}-01&tot=${year}-12&vergelijk=${year - 1}-01:${year - 1}-12`],
    ];
    const worklist = await (await fetch(`${base}${pages[1]![1]}`, { headers: { cookie: session.cookie } })).text();
    out(`Worklist size: ${(worklist.match(/href="\/melding\//g) ?? []).length} meldingen linked on the page.`);

    out();
    out(`Idle server, ${CONNECTIONS} concurrent clients, ${options.seconds} s a page:`);
    for (const [label, url] of pages) {
      out(`  ${label.padEnd(34)} one client alone: ${(await serviceTime(`${base}${url}`, session.cookie)).toFixed(0)} ms a request (median of 5)`);
      report(label, await measure(`${base}${url}`, session.cookie, options.seconds), 200);
      await drain(base);
    }

    const listMonth = nextMonth(session.lastImported);
    const list = path.join(dir, `lijst-${listMonth}.csv`);
    fs.writeFileSync(
      list,
      [...csvLines(signalRows({ seed: SEED + 1, startMonth: listMonth, months: 1, maxRows: IMPORT_ROWS, populationSize: 676_000, householdsPerMonth: [90_000, 90_000] }), DUTCH_EXCEL)].join(''),
      { mode: 0o600 },
    );
    const rows = fs.readFileSync(list, 'latin1').split('\n').length - 2;
    out();
    out(`${CONNECTIONS} clients shared among the three pages, during the preview and import of an uploaded list of ${rows.toLocaleString('en-US')} rows (${(fs.statSync(list).size / 1024 / 1024).toFixed(1)} MB) through the web app:`);
    let done = false;
    let received = false;
    let phase = 'upload';
    const phases: string[] = [];
    const started = performance.now();
    const importing = importThroughWeb(base, session, list, (next) => {
      phases.push(`${phase} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      phase = next;
      received = true;
    }).finally(() => {
      phases.push(`${phase} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      done = true;
    });
    // Measured from when the upload is in: its preview and the import run in the background.
    const failed = importing.then(() => null, (error: unknown) => error);
    while (!received && !done) await new Promise((resolve) => setTimeout(resolve, 100));
    // The three pages at once, the 20 clients shared among them, until the import is done.
    const during = await Promise.all(
      pages.map(([, url], i) => measure(`${base}${url}`, session.cookie, 3_600, Math.floor((CONNECTIONS + i) / pages.length), () => done)),
    );
    const failure = await failed;
    if (failure !== null) throw failure;
    out(`  (phases: ${phases.join(', then ')}; the whole import took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    pages.forEach(([label], i) => report(label, during[i]!, 500));
    out();
    out(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    if (server !== null) await stopServe(server);
    if (process.env.EROPAF_BENCH_KEEP === '1') out(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
