// `npm run demo`: fourteen months of Vroeg Eropaf (May 2021 to June 2022) on synthetic lists, with
// the real binary in a temporary directory and database, so that what it prints is exactly what a
// user sees. Every month: import the list, triage it with that month's capacity, write the
// worklist as CSV, fill it in as the workers do in Excel, read it back. At the end the month
// overview and the half-year table, which must be the published Heemstede table of the domain
// brief; the demo checks that in the database itself and fails when it is not.
//
// EROPAF_DEMO_KEEP=1 keeps the temporary directory (lists, worklists, database) and prints its path.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describeMonth } from '../core/month.js';
import type { TriagePlan } from '../core/triage/types.js';
import { demoAttempts, type DemoAttempt } from '../synthetic/demo-followup.js';
import {
  demoCapacity,
  demoCsv,
  demoFileName,
  type DemoList,
  type DemoMonthPlan,
  generateDemoYear,
  PUBLISHED_TABLE,
} from '../synthetic/demo-year.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'eropaf.js');

const WORKERS = [
  ['Anna de Vries', 17],
  ['Bert Jansen', 13],
] as const;

/** A step of the demo went wrong: stop, but clean up first. */
class DemoFailure extends Error {}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function quoteArg(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg}"` : arg;
}

/**
 * Runs `eropaf …args` in the work directory. With `capture` stdout is returned instead of shown
 * (stderr, where eropaf writes its warnings and notes, is then shown indented).
 */
function eropaf(workdir: string, env: NodeJS.ProcessEnv, args: readonly string[], options: { capture?: boolean } = {}): string {
  out(`$ eropaf ${args.map(quoteArg).join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: workdir,
    env,
    encoding: 'utf8',
    stdio: options.capture ? 'pipe' : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  // Notes and warnings (stderr) stay visible, indented under the command like the demo's own lines.
  for (const line of (result.stderr ?? '').trimEnd().split('\n')) if (line !== '') out(`  ${line}`);
  if (result.status !== 0) throw new DemoFailure(`eropaf ${args[0]} eindigde met code ${result.status ?? result.signal}`);
  return result.stdout ?? '';
}

interface ImportSummaryJson {
  rowsRead: number;
  signals: { new: number; rejected: number };
  meldingen: { created: number; enkelvoudig: number; meervoudig: number; opeenvolgend: number; onLastMonth: number };
}

function importMonth(workdir: string, env: NodeJS.ProcessEnv, list: DemoList, first: boolean): void {
  const file = path.posix.join('lijsten', demoFileName(list.month));
  if (first) {
    eropaf(workdir, env, ['import', file]);
    return;
  }
  const summary = JSON.parse(eropaf(workdir, env, ['import', file, '--format', 'json'], { capture: true })) as ImportSummaryJson;
  const m = summary.meldingen;
  out(
    `  ${summary.signals.new} signalen ingelezen: ${m.created} meldingen (${m.enkelvoudig} enkelvoudig, ${m.meervoudig} meervoudig), ` +
      `${m.opeenvolgend} opeenvolgend, ${m.onLastMonth} ook op de lijst van vorige maand`,
  );
  if (m.enkelvoudig !== list.plan.enkelvoudig || m.meervoudig !== list.plan.meervoudig || summary.signals.rejected !== 0) {
    throw new DemoFailure(`de lijst van ${list.month} heeft niet de meldingen van het plan`);
  }
}

type TriageJson = TriagePlan & { run: { capacity: number } };

/**
 * Triage with the month's capacity; checks that the capacity decided exactly what the plan says.
 * A household whose earlier case is still open joins that case and takes no capacity place, so
 * the team's capacity for new work is the plan's less those: a dry run counts them first.
 */
function triageMonth(workdir: string, env: NodeJS.ProcessEnv, plan: DemoMonthPlan): number {
  const triageWith = (capacity: number, extra: string[]): TriageJson =>
    JSON.parse(
      eropaf(workdir, env, ['triage', '--month', plan.month, '--capacity', String(capacity), '--format', 'json', ...extra], {
        capture: true,
      }),
    ) as TriageJson;
  const joined = triageWith(demoCapacity(plan), ['--dry-run']).decisions.filter((d) => d.rule === 'lopend').length;
  const capacity = demoCapacity(plan) - joined;
  const triage = triageWith(capacity, []);
  const f = triage.figures;
  const returned = triage.decisions.filter((d) => d.rule === 'vorige-maand-niet-opgevolgd').length;
  const lopend = triage.decisions.filter((d) => d.rule === 'lopend').length;
  // meervoudig that did not join a case: the only other reason for 'altijd' in the demo
  const meervoudigNew = f.alwaysCount - returned - lopend;
  out(
    `  capaciteit ${f.capacity}: altijd ${f.alwaysCount} (${meervoudigNew} meervoudig` +
      `${returned > 0 ? `, ${returned} vorige maand uitgesteld en nu terug` : ''}` +
      `${lopend > 0 ? `, ${lopend} lopend (hoort bij een open zaak)` : ''}), ` +
      `binnen de capaciteit ${f.pickedByCapacity}, uitgesteld ${f.deferred}, niet opgepakt ${f.notPickedUp}` +
      (triage.closures.length > 0 ? `; ${triage.closures.length} uitgestelde meldingen van de vorige maand afgesloten` : ''),
  );
  const picked = f.alwaysCount + f.pickedByCapacity;
  const ok =
    lopend === joined &&
    f.notPickedUp === 0 &&
    f.overCapacityBy === 0 &&
    f.unassigned === 0 &&
    meervoudigNew >= 0 &&
    meervoudigNew <= plan.meervoudig &&
    picked === demoCapacity(plan) &&
    f.deferred === plan.enkelvoudig - plan.enkelvoudigOpgevolgd;
  if (!ok) throw new DemoFailure(`de triage van ${plan.month} wijkt af van het plan (${JSON.stringify(f)})`);
  return picked;
}

/** The worklist as the workers fill it in: one row per contact attempt, the result on the last. */
function fillWorklist(file: string, month: string): { lines: number; attempts: DemoAttempt[]; results: number; reached: number } {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parse(text, { delimiter: ';', relax_column_count: true }) as string[][];
  if (header === undefined) throw new DemoFailure(`${file} is leeg`);
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new DemoFailure(`${file} heeft geen kolom ${name}`);
    return at;
  };
  const refAt = column('melding');
  const fillIn = (['contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie'] as const).map((name) => [name, column(name)] as const);
  const filled: string[][] = [header];
  const all: DemoAttempt[] = [];
  let results = 0;
  let reached = 0;
  for (const row of rows) {
    const attempts = demoAttempts(row[refAt] ?? '', month);
    for (const attempt of attempts) {
      const copy = [...row];
      for (const [name, at] of fillIn) copy[at] = attempt[name];
      filled.push(copy);
    }
    all.push(...attempts);
    if (attempts.some((a) => a.resultaat !== '')) results++;
    if (attempts.some((a) => a.bereikt === 'ja')) reached++;
  }
  // Saved as Dutch Excel does: UTF-8 with BOM, ';', CRLF.
  fs.writeFileSync(file, `\uFEFF${stringify(filled, { delimiter: ';', record_delimiter: '\r\n' })}`, { mode: 0o600 });
  return { lines: rows.length, attempts: all, results, reached };
}

function followUp(workdir: string, env: NodeJS.ProcessEnv, month: string, picked: number): void {
  const file = path.posix.join('werk', `werklijst-${month}.csv`);
  eropaf(workdir, env, ['worklist', '--month', month, '--format', 'csv', '--out', file], { capture: true });
  const filled = fillWorklist(path.join(workdir, file), month);
  if (filled.lines !== picked) throw new DemoFailure(`de werklijst van ${month} heeft ${filled.lines} regels, verwacht ${picked}`);
  const kinds = new Map<string, number>();
  for (const kind of ['telefoon', 'huisbezoek', 'brief']) kinds.set(kind, filled.attempts.filter((a) => a.contact_soort === kind).length);
  out(
    `  ingevuld in Excel: ${filled.attempts.length} pogingen (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
      `${filled.reached} van de ${filled.lines} bereikt, ${filled.results} met een resultaat`,
  );
  const said = eropaf(workdir, env, ['outcomes', file], { capture: true });
  for (const line of said.trimEnd().split('\n')) out(`  ${line}`);
}

interface Counted {
  category: string;
  ontvangen: number;
  opgevolgd: number;
}

/** The published table, counted straight from the database (the melding_status view). */
function verify(dbFile: string): boolean {
  // Not opened read-only: a read-only connection to a WAL database leaves -wal and -shm files behind.
  const db = new Database(dbFile, { fileMustExist: true });
  let ok = true;
  try {
    const query = db.prepare(
      `SELECT category, count(*) AS ontvangen, sum(opgevolgd) AS opgevolgd FROM melding_status
       WHERE month BETWEEN ? AND ? GROUP BY category ORDER BY category`,
    );
    out('Controle in de database (melding_status), tegen de gepubliceerde tabel:');
    for (const period of PUBLISHED_TABLE) {
      const counted = new Map((query.all(period.from, period.to) as Counted[]).map((c) => [c.category, c]));
      const parts = (['enkelvoudig', 'meervoudig'] as const).map((category) => {
        const want = period[category];
        const got = counted.get(category) ?? { ontvangen: 0, opgevolgd: 0 };
        const same = got.ontvangen === want.ontvangen && got.opgevolgd === want.opgevolgd;
        if (!same) ok = false;
        return `${category} ${got.ontvangen} ontvangen / ${got.opgevolgd} opgevolgd${same ? '' : ` (gepubliceerd: ${want.ontvangen} / ${want.opgevolgd})`}`;
      });
      out(`  ${period.from} t/m ${period.to}: ${parts.join(', ')}`);
    }
  } finally {
    db.close();
  }
  out(ok ? 'Klopt: precies de cijfers van de halfjaarrapportage.' : 'KLOPT NIET: de cijfers wijken af van de halfjaarrapportage.');
  return ok;
}

function main(): number {
  const started = Date.now();
  const keep = process.env.EROPAF_DEMO_KEEP === '1';
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-demo-'));
  const dbFile = path.join(workdir, 'demo.db');
  const env: NodeJS.ProcessEnv = { ...process.env, EROPAF_DB: dbFile };
  try {
    const lists = generateDemoYear();
    fs.mkdirSync(path.join(workdir, 'lijsten'), { mode: 0o700 });
    fs.mkdirSync(path.join(workdir, 'werk'), { mode: 0o700 });
    for (const list of lists) fs.writeFileSync(path.join(workdir, 'lijsten', demoFileName(list.month)), demoCsv(list), { mode: 0o600 });
    const signals = lists.reduce((n, l) => n + l.rows.length, 0);
    out(`Demo Vroeg Eropaf, mei 2021 t/m juni 2022, op synthetische lijsten (verzonnen mensen en adressen).`);
    out(`Tijdelijke map ${workdir}: ${lists.length} maandlijsten in lijsten/ (${signals} signalen), database demo.db.`);
    out();
    for (const [name, capacity] of WORKERS) eropaf(workdir, env, ['workers', 'add', name, '--capacity', String(capacity)]);
    // The lists are from 2021-2022, so by today's date every term of the retention policy has
    // passed and eropaf would remind of that at every command; the demo plays in those months.
    out();
    out('De demo speelt in 2021-2022; de bewaartermijnen gaan op het maximum, anders herinnert eropaf bij elke opdracht aan "eropaf purge".');
    for (const key of ['bewaren.niet-opgevolgd', 'bewaren.opgevolgd']) eropaf(workdir, env, ['config', 'set', key, '120']);

    lists.forEach((list, i) => {
      out();
      out(`── ${describeMonth(list.month)} ${'─'.repeat(Math.max(0, 60 - describeMonth(list.month).length))}`);
      importMonth(workdir, env, list, i === 0);
      const picked = triageMonth(workdir, env, list.plan);
      followUp(workdir, env, list.month, picked);
    });

    out();
    eropaf(workdir, env, ['months']);
    out();
    eropaf(workdir, env, ['table', '--from', '2022-01', '--to', '2022-06', '--compare', '2021-05:2021-12']);
    out();
    const ok = verify(dbFile);
    out(`Klaar in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof DemoFailure)) throw error;
    process.stderr.write(`demo gestopt: ${error.message}\n`);
    return 1;
  } finally {
    if (keep) out(`De map blijft staan (EROPAF_DEMO_KEEP=1): ${workdir}`);
    else fs.rmSync(workdir, { recursive: true, force: true });
  }
}

process.exitCode = main();
