// Issue 11's property: for random sequences of what a team does over a few months (lists imported,
// supplemented with --aanvulling and replaced with --replace, triages, contact attempts, attempts
// corrected and deleted, results, reopenings, pickups of meldingen that were not picked up,
// handovers and months deleted), all through the use cases of src/app, the figures stay right:
//   - the table counts every melding once: received is the number of meldingen, and each melding
//     is in exactly one of opgevolgd, open, deferred, or neither (closed without follow-up, or
//     not triaged), as core/followup.ts defines opgevolgd for a melding in a case;
//   - no melding is both "Niet opgepakt" and opgevolgd;
//   - every DDAS delivery validates against the schema and its cases keep the rules of issue 10;
//   - months delete removes what its dry run said, and the month's meldingen with it;
//   - a supplementary or corrected list keeps the follow-up, worker and decision of every
//     household still on it, and loses exactly what its dry run said; a corrected attempt is not added again; closing again keeps the
//     close date unless another is given;
//   - the worklist over all months holds exactly the unfinished meldingen; a handover moves
//     exactly the worker's worklist, and a worker who left has no open work;
//   - a step the use case refuses changes nothing.
// The figures are checked after every step, the deliveries after every month's round.
// fast-check prints the seed, path and shrunk steps of a failure: EROPAF_SEED=… EROPAF_PATH=…
// replays it (EROPAF_NO_SHRINK=1 reports the first failing sequence as found, which is quicker).

import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteAttempt, listAttempts, reopenMelding } from '../../src/app/correct-followup.js';
import { deleteMonth } from '../../src/app/delete-month.js';
import { handOver } from '../../src/app/handover.js';
import { pickUpMelding } from '../../src/app/pickup.js';
import { recordFollowUp } from '../../src/app/record-followup.js';
import { monthTable, periodTables } from '../../src/app/report-table.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { readWorklist } from '../../src/app/worklist.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import type { FollowUpEntry } from '../../src/core/followup-plan.js';
import {
  CONTACTSOORTEN,
  EINDRESULTATEN,
  isOpgevolgdInCase,
  NOT_PICKED_UP_RESULTS,
  type Contactsoort,
  type Eindresultaat,
} from '../../src/core/followup.js';
import type { Category, Month } from '../../src/core/types.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateMonthlyLists, TOWN } from '../../src/synthetic/lists.js';
import type { SignalRow } from '../../src/synthetic/row.js';
import { Clock, deliveredPeriod, expectCasesAgree, importRows, Scratch } from './month-states.js';

/** Raise with EROPAF_PROPERTY_RUNS=200 for a longer hunt. */
const NUM_RUNS = Number(process.env.EROPAF_PROPERTY_RUNS ?? 12);
const TIMEOUT = 120_000;
const MONTHS: readonly Month[] = ['2022-01', '2022-02', '2022-03', '2022-04'];
const WORKERS = ['Anna de Vries', 'Bram Jansen', 'Cor Bakker'] as const;
/** Work is recorded from June on: every month's list is in by then. */
const START = '2022-06-01T09:00:00.000Z';
/** The day the worklist is judged on (only its contact terms depend on it). */
const TODAY = '2022-06-01';

const scratch = new Scratch('eropaf-corrections-');
afterAll(() => scratch.remove());

/** A few populations, each generated once: generating is not what is tested. */
const SEEDS = [3, 17, 2024] as const;
const listCache = new Map<number, SignalRow[][]>();
function listsOf(seed: number): SignalRow[][] {
  let lists = listCache.get(seed);
  if (lists === undefined) {
    lists = generateMonthlyLists({ seed, startMonth: MONTHS[0]!, months: MONTHS.length, ...TOWN }).map((list) =>
      // Now and then a row without a kenmerk, so that eropaf makes its ID.
      list.rows.map((row, i) => (i % 5 === 0 ? { ...row, signaalId: null } : row)),
    );
    listCache.set(seed, lists);
  }
  return lists;
}

// ---------------------------------------------------------------------------------------------
// The steps. A melding is chosen at the moment of the step from a pool of the meldingen that
// exist then, so that shrinking keeps a step meaningful; the pools favour meldingen in a case
// and meldingen that were not picked up, where the rules of the issue bite.

type Pool = 'any' | 'case' | 'notPickedUp' | 'closed';
interface Target {
  pool: Pool;
  index: number;
}
const targetArb: fc.Arbitrary<Target> = fc.record({
  pool: fc.constantFrom<Pool>('any', 'case', 'case', 'notPickedUp'),
  index: fc.nat(),
});

const SOORTEN = CONTACTSOORTEN.map((c) => c.value as Contactsoort);
const RESULTS = EINDRESULTATEN.map((r) => r.value as Eindresultaat);
const resultArb = fc.oneof(fc.constantFrom<Eindresultaat>(...NOT_PICKED_UP_RESULTS), fc.constantFrom(...RESULTS));
/** Days after the first day of the melding's list month; a few before it, to be refused. */
const dayArb = fc.integer({ min: -3, max: 150 });

type Step =
  | { kind: 'aanvulling'; month: number }
  | { kind: 'replace'; month: number; dropEvery: number; changeEvery: number; force: boolean }
  | { kind: 'reimport'; month: number }
  | { kind: 'triage'; month: number; capacity: number }
  | { kind: 'attempt'; target: Target; soort: Contactsoort; bereikt: boolean; day: number; time: string | null }
  | { kind: 'correct'; target: Target; number: number; withoutTime: boolean }
  | { kind: 'deleteAttempt'; target: Target; number: number }
  | { kind: 'close'; target: Target; resultaat: Eindresultaat; day: number | null }
  | { kind: 'reopen'; target: Target }
  | { kind: 'pickup'; target: Target; worker: number }
  | { kind: 'handover'; from: number; to: number | null; deactivate: boolean }
  | { kind: 'deleteMonth'; month: number; force: boolean };

const monthArb = fc.nat(MONTHS.length - 1);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('aanvulling' as const), month: monthArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      month: monthArb,
      // Every n-th row left out of, or with another amount in, the corrected list (0: none).
      dropEvery: fc.integer({ min: 0, max: 6 }),
      changeEvery: fc.integer({ min: 0, max: 6 }),
      force: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reimport' as const), month: monthArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('triage' as const), month: monthArb, capacity: fc.integer({ min: 0, max: 40 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('attempt' as const),
      target: targetArb,
      soort: fc.constantFrom(...SOORTEN),
      bereikt: fc.boolean(),
      day: dayArb,
      time: fc.option(fc.constantFrom('09:15', '14:30'), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('correct' as const), target: targetArb, number: fc.nat(3), withoutTime: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteAttempt' as const), target: targetArb, number: fc.nat(3) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('close' as const), target: targetArb, resultaat: resultArb, day: fc.option(dayArb, { nil: null }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reopen' as const),
      // Mostly a melding that was closed: one that is open is refused.
      target: fc.record({ pool: fc.constantFrom<Pool>('closed', 'closed', 'case'), index: fc.nat() }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pickup' as const),
      // Mostly a melding that can be picked up: one that was picked up is refused.
      target: fc.record({ pool: fc.constantFrom<Pool>('notPickedUp', 'notPickedUp', 'any'), index: fc.nat() }),
      worker: fc.nat(WORKERS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('handover' as const),
      from: fc.nat(WORKERS.length - 1),
      to: fc.option(fc.nat(WORKERS.length - 1), { nil: null }),
      // Now and then the worker leaves (workers deactivate with --handover or --spread).
      deactivate: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMonth' as const), month: monthArb, force: fc.boolean() }) },
);

/** A month: its list (part of it), triaged at once or not, then what the team does. */
const roundArb = fc.record({
  share: fc.integer({ min: 60, max: 100 }),
  triage: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  capacity: fc.integer({ min: 0, max: 40 }),
  steps: fc.array(stepArb, { maxLength: 10 }),
});

const scenarioArb = fc.record({
  seed: fc.constantFrom(...SEEDS),
  rounds: fc.array(roundArb, { minLength: 2, maxLength: MONTHS.length }),
});

// ---------------------------------------------------------------------------------------------
// What is stored, read on a connection of the test's own.

interface MeldingRow {
  id: number;
  ref: string;
  month: Month;
  category: Category;
  opgevolgd: number;
  kind: string | null;
  caseId: number | null;
  resultaat: Eindresultaat | null;
}

function meldingRows(db: Database.Database): MeldingRow[] {
  return db
    .prepare(
      `SELECT m.id, printf('%s-%03d', m.month, m.seq) AS ref, m.month, m.category, m.opgevolgd, d.kind,
              d.case_melding_id AS caseId, r.resultaat
       FROM meldingen m LEFT JOIN decisions d ON d.melding_id = m.id LEFT JOIN results r ON r.melding_id = m.id
       ORDER BY m.month, m.seq`,
    )
    .all() as MeldingRow[];
}

/** Everything a step may change; a refused step must leave it as it was. */
function fingerprint(db: Database.Database): string {
  return JSON.stringify(
    ['meldingen', 'signals', 'decisions', 'contacts', 'results', 'imports'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()),
  );
}

function pick(db: Database.Database, target: Target): string | null {
  const rows = meldingRows(db);
  const roots = new Set(rows.map((r) => r.caseId).filter((id) => id !== null));
  const pool = rows.filter((r) => {
    if (target.pool === 'case') return r.caseId !== null || roots.has(r.id);
    if (target.pool === 'notPickedUp') return r.kind === 'uitgesteld' || r.kind === 'niet-opgepakt' || r.resultaat?.startsWith('Niet opgepakt');
    if (target.pool === 'closed') return r.resultaat !== null;
    return true;
  });
  const from = pool.length > 0 ? pool : rows;
  return from.length === 0 ? null : from[target.index % from.length]!.ref;
}

function dayOf(month: Month, day: number): string {
  const date = new Date(Date.parse(`${month}-01T00:00:00Z`) + day * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The corrected list of a --replace: some rows left out, some with another amount. */
function corrected(rows: readonly SignalRow[], dropEvery: number, changeEvery: number): SignalRow[] {
  return rows
    .filter((_, i) => dropEvery === 0 || i % dropEvery !== 1)
    .map((row, i) => (changeEvery !== 0 && i % changeEvery === 0 ? { ...row, bedragCents: row.bedragCents + 1_000 } : row));
}

// ---------------------------------------------------------------------------------------------
// The checks.

type Bucket = 'opgevolgd' | 'open' | 'uitgesteld' | 'geen';

/** Each melding's bucket, from what is stored, by core/followup.ts's definition of opgevolgd. */
function buckets(db: Database.Database, rows: readonly MeldingRow[]): Map<number, Bucket> {
  const contacts = db.prepare('SELECT melding_id AS meldingId, datum FROM contacts').all() as Array<{ meldingId: number; datum: string }>;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rootOf = (r: MeldingRow): number => r.caseId ?? r.id;
  const result = new Map<number, Bucket>();
  for (const r of rows) {
    const own = contacts.filter((c) => c.meldingId === r.id).length;
    const caseDates = contacts
      .filter((c) => c.meldingId !== r.id && byId.has(c.meldingId) && rootOf(byId.get(c.meldingId)!) === rootOf(r))
      .map((c) => c.datum);
    const opgevolgd = isOpgevolgdInCase(own, r.resultaat, r.month, caseDates);
    const caseClosed = r.caseId !== null && byId.get(r.caseId)?.resultaat != null;
    let bucket: Bucket = 'geen';
    if (opgevolgd) bucket = 'opgevolgd';
    else if ((r.kind === 'altijd' || r.kind === 'capaciteit') && r.resultaat === null && !caseClosed) bucket = 'open';
    else if (r.kind === 'uitgesteld' && r.resultaat === null) bucket = 'uitgesteld';
    result.set(r.id, bucket);
  }
  return result;
}

async function expectFiguresRight(store: SqliteStore, db: Database.Database): Promise<void> {
  const rows = meldingRows(db);
  // A case is its first melding and the later ones pointing at it (migration 7): never a chain.
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows.filter((r) => r.caseId !== null)) {
    const first = byId.get(r.caseId!);
    expect(first !== undefined && first.caseId === null && first.month < r.month, `${r.ref} points at melding ${r.caseId}`).toBe(true);
  }
  const bucketOf = buckets(db, rows);
  for (const r of rows) {
    const notPickedUp = r.resultaat?.startsWith('Niet opgepakt') === true;
    expect(notPickedUp && (bucketOf.get(r.id) === 'opgevolgd' || r.opgevolgd === 1), `${r.ref} is "${r.resultaat}" and opgevolgd`).toBe(false);
    // What the table counts is kept per melding; say which one is off before the sums do.
    expect(r.opgevolgd === 1, `${r.ref} kept as opgevolgd`).toBe(bucketOf.get(r.id) === 'opgevolgd');
  }
  // A worker who left has no open work: it went to colleagues, and nothing new comes to them.
  for (const worker of (await store.workers()).filter((w) => !w.active)) {
    expect(await store.openWork(worker.id), `${worker.name} left`).toEqual([]);
  }
  // The worklist over all months: every picked melding without a result whose case is not closed
  // (also one with attempts: it is not finished), and nothing else.
  const unfinished = rows.filter(
    (r) => (r.kind === 'altijd' || r.kind === 'capaciteit') && r.resultaat === null && (r.caseId === null || byId.get(r.caseId)!.resultaat === null),
  );
  const worklist = await readWorklist(store, { month: null, workerId: null }, TODAY);
  expect(worklist.map((line) => line.ref).sort()).toEqual(unfinished.map((r) => r.ref).sort());
  const period = { from: MONTHS[0]!, to: MONTHS[MONTHS.length - 1]! };
  const [table] = await periodTables(store, period, null);
  const total = table!.rows.find((row) => row.category === 'totaal')!;
  expect(total.received).toBe(rows.length);
  for (const row of await monthTable(store, period)) {
    const of = rows.filter((r) => r.month === row.month && (row.category === 'totaal' || r.category === row.category));
    const count = (bucket: Bucket): number => of.filter((r) => bucketOf.get(r.id) === bucket).length;
    const where = `${row.month} ${row.category}`;
    expect(row.received, where).toBe(of.length);
    expect(row.followedUp, where).toBe(count('opgevolgd'));
    expect(row.open, where).toBe(count('open'));
    expect(row.deferred, where).toBe(count('uitgesteld'));
  }
}

/** One delivery of every month there is: a case reads the same in it as in a delivery of its month alone. */
async function expectDeliveryValid(store: SqliteStore, db: Database.Database): Promise<void> {
  const months = db.prepare('SELECT DISTINCT month FROM meldingen ORDER BY month').pluck().all() as Month[];
  if (months.length > 0) expectCasesAgree(await deliveredPeriod(store, { from: months[0]!, to: months[months.length - 1]! }));
}

// ---------------------------------------------------------------------------------------------
// Running a scenario.

class Run {
  private imported = 0;
  constructor(
    private readonly store: SqliteStore,
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly lists: SignalRow[][],
  ) {}

  private importedMonth(index: number): Month | null {
    const months = this.db.prepare('SELECT DISTINCT month FROM meldingen ORDER BY month').pluck().all() as Month[];
    return months.length === 0 ? null : months[index % months.length]!;
  }

  /** Per household on the month's list: what was recorded for its melding. */
  private workOfHouseholds(month: Month): Map<number, string> {
    const rows = this.db
      .prepare(
        `SELECT m.household_id, d.kind, d.worker_id, r.resultaat, r.closed_on,
                (SELECT json_group_array(json_array(c.soort, c.bereikt, c.datum, c.tijd)) FROM contacts c WHERE c.melding_id = m.id) AS contacts
         FROM meldingen m LEFT JOIN decisions d ON d.melding_id = m.id LEFT JOIN results r ON r.melding_id = m.id
         WHERE m.month = ?`,
      )
      .raw()
      .all(month) as Array<[number, ...unknown[]]>;
    return new Map(rows.map(([household, ...work]) => [household, JSON.stringify(work)]));
  }

  private listOf(month: Month): SignalRow[] {
    return this.lists[MONTHS.indexOf(month)]!;
  }

  private async record(entry: FollowUpEntry): Promise<void> {
    await recordFollowUp(this.store, [{ entry, source: null }], { dryRun: false, now: this.clock.now, today: this.clock.today() });
  }

  async newMonth(share: number, triage: boolean, capacity: number): Promise<void> {
    if (this.imported >= MONTHS.length) return;
    const month = MONTHS[this.imported++]!;
    const rows = this.listOf(month);
    // A month whose list was deleted takes a list again without a flag.
    expect((await importRows(this.store, scratch, this.clock, rows.slice(0, Math.ceil((rows.length * share) / 100)), month)).kind).toBe('imported');
    if (triage) await this.apply({ kind: 'triage', month: MONTHS.indexOf(month), capacity });
  }

  /** Applies a step; a step the use case refuses must change nothing. */
  async apply(step: Step): Promise<void> {
    const before = fingerprint(this.db);
    try {
      await this.perform(step);
    } catch (error) {
      if (!(error instanceof DataError || error instanceof UsageError)) throw error;
      expect(fingerprint(this.db), `refused ${JSON.stringify(step)} (${error.message}) changed the database`).toBe(before);
    }
  }

  private async perform(step: Step): Promise<void> {
    const store = this.store;
    switch (step.kind) {
      case 'aanvulling':
      case 'reimport':
      case 'replace': {
        const month = this.importedMonth(step.month);
        if (month === null) return;
        const rows = step.kind === 'replace' ? corrected(this.listOf(month), step.dropEvery, step.changeEvery) : this.listOf(month);
        const before = this.workOfHouseholds(month);
        const flags = { aanvulling: step.kind === 'aanvulling', replace: step.kind === 'replace', force: step.kind === 'replace' && step.force };
        const dry = await importRows(store, scratch, this.clock, rows, month, { ...flags, dryRun: true });
        const contactsOf = (): number =>
          this.db.prepare('SELECT count(*) FROM contacts WHERE melding_id IN (SELECT id FROM meldingen WHERE month = ?)').pluck().get(month) as number;
        const contactsBefore = contactsOf();
        const real = await importRows(store, scratch, this.clock, rows, month, flags);
        // Every household still on the month's list keeps its follow-up, worker and decision;
        // what a corrected list loses is what its dry run said.
        for (const [household, work] of this.workOfHouseholds(month)) {
          if (before.has(household)) expect(work, `household ${household} after ${step.kind}`).toEqual(before.get(household));
        }
        if (dry.kind === 'imported' && real.kind === 'imported') {
          const lost = dry.summary.replacement?.lost ?? [];
          expect(real.summary.replacement?.lost ?? []).toEqual(lost);
          expect(contactsBefore - contactsOf()).toBe(lost.reduce((sum, l) => sum + l.contacts, 0));
        }
        return;
      }
      case 'triage': {
        const month = this.importedMonth(step.month);
        if (month === null) return;
        await triageMonth(store, { month, capacity: step.capacity, dryRun: false, today: this.clock.today(), now: this.clock.now });
        return;
      }
      case 'deleteMonth': {
        const month = this.importedMonth(step.month);
        if (month === null) return;
        // The dry run says exactly what the real run then removes.
        const planned = await deleteMonth(store, { month, force: step.force, dryRun: true });
        expect(await deleteMonth(store, { month, force: step.force, dryRun: false })).toEqual(planned);
        expect(this.db.prepare('SELECT count(*) FROM meldingen WHERE month = ?').pluck().get(month)).toBe(0);
        return;
      }
      case 'handover': {
        // Everything on the worker's worklist (over all months) goes, and nothing else.
        const worker = (await store.workers()).find((w) => w.name === WORKERS[step.from])!;
        const worklist = async (): Promise<string[]> =>
          (await readWorklist(store, { month: null, workerId: worker.id }, this.clock.today())).map((line) => line.ref);
        const open = await worklist();
        const outcome = await handOver(store, {
          from: worker.name,
          target: step.to === null ? { kind: 'spread' } : { kind: 'colleague', name: WORKERS[step.to]! },
          deactivate: step.deactivate,
          dryRun: false,
        });
        expect(outcome.moves.map((m) => m.ref).sort()).toEqual(open.sort());
        expect(await worklist()).toEqual([]);
        return;
      }
      default:
    }
    const ref = pick(this.db, step.target);
    if (ref === null) return;
    const month = ref.slice(0, 7) as Month;
    switch (step.kind) {
      case 'attempt':
        await this.record({
          ref,
          contact: { soort: step.soort, bereikt: step.bereikt, datum: this.dated(month, step.day), tijd: step.time, dagdeel: null, notitie: null },
          result: null,
        });
        return;
      case 'correct': {
        // The same attempt read again with another value of bereikt (with its time, or without
        // one: the same date and kind) corrects it rather than adding one.
        const { attempts } = await listAttempts(store, ref);
        const attempt = attempts[step.number % Math.max(1, attempts.length)];
        if (attempt === undefined) return;
        const { id: _, ...same } = attempt;
        await this.record({ ref, contact: { ...same, bereikt: !attempt.bereikt, ...(step.withoutTime && { tijd: null }) }, result: null });
        const after = (await listAttempts(store, ref)).attempts;
        expect(after).toHaveLength(attempts.length);
        expect(after.find((a) => a.id === attempt.id)?.bereikt).toBe(!attempt.bereikt);
        return;
      }
      case 'deleteAttempt':
        await deleteAttempt(store, ref, step.number + 1);
        return;
      case 'close': {
        const closedOn = step.day === null ? null : this.dated(month, step.day);
        const [before] = await store.meldingStates([{ month, seq: Number(ref.slice(8)) }]);
        await this.record({ ref, contact: null, result: { resultaat: step.resultaat, referredTo: null, closedOn } });
        // Closing again changes the result and keeps the close date unless another is given.
        const [after] = await store.meldingStates([{ month, seq: Number(ref.slice(8)) }]);
        expect(after!.resultaat).toBe(step.resultaat);
        if (closedOn !== null) expect(after!.closedOn).toBe(closedOn);
        else if (before!.resultSource === 'medewerker') expect(after!.closedOn).toBe(before!.closedOn);
        return;
      }
      case 'reopen':
        await reopenMelding(store, ref);
        return;
      case 'pickup':
        await pickUpMelding(store, ref, { workerName: WORKERS[step.worker]!, now: this.clock.now });
        return;
    }
  }

  /** A day of the melding's list month or later, no later than today. */
  private dated(month: Month, day: number): string {
    const date = dayOf(month, day);
    const today = this.clock.today();
    return date > today ? today : date;
  }
}

describe('corrections over random month states (issue 11)', () => {
  it('count every melding once, never as both Niet opgepakt and opgevolgd, and deliver valid cases', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const clock = new Clock(START);
        const file = scratch.file('eropaf.db');
        const store = scratch.openStore(clock, file);
        const db = new Database(file, { readonly: true });
        try {
          await store.transaction(async () => {
            for (const [i, name] of WORKERS.entries()) await store.addWorker({ name, capacity: 6 + 4 * i, createdAt: clock.now() });
          });
          const run = new Run(store, db, clock, listsOf(scenario.seed));
          for (const round of scenario.rounds) {
            await run.newMonth(round.share, round.triage, round.capacity);
            for (const step of round.steps) {
              await run.apply(step);
              await expectFiguresRight(store, db);
            }
            await expectDeliveryValid(store, db);
          }
        } finally {
          db.close();
          store.close();
        }
      }),
      {
        numRuns: NUM_RUNS,
        // EROPAF_SEED and EROPAF_PATH replay a failure fast-check printed; EROPAF_NO_SHRINK=1
        // reports the first failing sequence as it was found.
        ...(process.env.EROPAF_SEED !== undefined && { seed: Number(process.env.EROPAF_SEED), path: process.env.EROPAF_PATH }),
        endOnFailure: process.env.EROPAF_NO_SHRINK === '1',
        // A failure is reported with what shrinking found by then, before the test times out.
        interruptAfterTimeLimit: TIMEOUT - 30_000,
        markInterruptAsFailure: true,
      },
    );
  }, TIMEOUT);
});
