import type Database from 'better-sqlite3';
import { addMonths, monthIndex } from '../../core/month.js';
import { formatRef } from '../../core/reference.js';
import type { DecisionKind, PlannedMonth, TriageMelding, TriageSignal } from '../../core/triage/types.js';
import type { Category, IsoDate, Month, Signaalpartner } from '../../core/types.js';
import type { TriageData, TriageRun } from '../store.js';
import { groupBy } from './group-by.js';
import { inChunks } from './triage-chunks.js';

// Gathers what the triage rules need about one month, and stores a triage plan. All rules live
// in core/triage; this file only reads and writes. A month can have half a million meldingen:
// rows are read as arrays (.raw()), a page of meldingen at a time; narrow changes (worker ids,
// results) are written as one JSON array per statement (json_each), decisions a row at a time.

/** Meldingen per read: enough to keep the per-query cost small, few enough to keep memory flat. */
const READ_BATCH = 2000;
/** Decisions per write statement. */
const WRITE_BATCH = 2000;
/**
 * The page cache while a month is read (KiB). Its signals are read melding by melding, scattered
 * over the signals table; a cache that holds them reads each page once instead of once per
 * signal (measured: a tenth of the triage of 100,000 meldingen).
 */
const READ_CACHE_KIB = 64 * 1024;

type MeldingRow = [id: number, seq: number, householdId: number, category: Category, gemeenteId: number];
type SignalRow = [
  meldingId: number,
  organisationKey: string,
  schuldeiser: string | null,
  signaalpartner: Signaalpartner,
  bedragCents: number,
  ontstaansdatum: IsoDate | null,
  crisissignaal: number,
  warmeOverdracht: number,
];
type EarlierRow = [id: number, householdId: number, month: Month, opgevolgd: number, decision: DecisionKind | null];
type StatusRow = [
  meldingId: number,
  decision: DecisionKind,
  workerId: number | null,
  opgevolgd: number,
  resultSource: string | null,
  caseMeldingId: number | null,
];
type EarlierCaseRow = [householdId: number, id: number, month: Month, seq: number, workerId: number | null, closed: number, joined: number];

/** The values in a `json_each(?)` parameter. */
const IN_JSON = 'SELECT value FROM json_each(?)';

/**
 * Whether a melding (`column`: its gemeente id) is one of the gemeenten a triage is about; two
 * parameters, both `scopeOf(gemeenteIds)`: null for all gemeenten.
 */
const IN_SCOPE = (column: string): string => `(? IS NULL OR ${column} IN (SELECT value FROM json_each(?)))`;
const scopeOf = (gemeenteIds: readonly number[] | undefined): string | null =>
  gemeenteIds === undefined ? null : JSON.stringify(gemeenteIds);

export class SqliteTriage {
  constructor(private readonly db: Database.Database) {}

  async triageData(month: Month, repeatMonths: number, gemeenteIds?: readonly number[]): Promise<TriageData> {
    const previous = addMonths(month, -1);
    const scope = scopeOf(gemeenteIds);
    const deferredLastMonth = (
      this.db
        .prepare(
          `SELECT m.id, m.seq, m.household_id FROM meldingen m
           JOIN melding_status s ON s.melding_id = m.id
           WHERE m.month = ? AND s.decision = 'uitgesteld' AND s.opgevolgd = 0 AND s.resultaat IS NULL
             AND ${IN_SCOPE('m.gemeente_id')}
           ORDER BY m.seq`,
        )
        .raw()
        .all(previous, scope, scope) as Array<[number, number, number]>
    ).map(([id, seq, householdId]) => ({ id, ref: formatRef(previous, seq), householdId }));
    return { meldingen: this.meldingBatches(month, repeatMonths, scope), deferredLastMonth };
  }

  /** The month's meldingen in pages by seq, each page with its signals and history. */
  private async *meldingBatches(month: Month, repeatMonths: number, scope: string | null): AsyncGenerator<TriageMelding[]> {
    const page = this.db
      .prepare(
        `SELECT id, seq, household_id, category, gemeente_id FROM meldingen
         WHERE month = ? AND seq > ? AND ${IN_SCOPE('gemeente_id')} ORDER BY seq LIMIT ?`,
      )
      .raw();
    const history = this.historyReader(month, repeatMonths);
    const cacheBefore = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = -${READ_CACHE_KIB}`);
    try {
      let after = 0;
      for (;;) {
        const rows = page.all(month, after, scope, scope, READ_BATCH) as MeldingRow[];
        if (rows.length === 0) return;
        yield history(rows);
        after = rows[rows.length - 1]![1];
      }
    } finally {
      this.db.pragma(`cache_size = ${cacheBefore}`);
    }
  }

  /** Reads, for one page of meldingen, their signals, their households' history and their current decision. */
  private historyReader(month: Month, repeatMonths: number): (rows: readonly MeldingRow[]) => TriageMelding[] {
    const index = monthIndex(month);
    const previous = addMonths(month, -1);
    // Earlier meldingen of the households, back as far as the repeat rule looks (and at least
    // last month), with whether they were followed up.
    const lookBack = Math.max(1, repeatMonths);
    const signals = this.db
      .prepare(
        `SELECT melding_id, organisation_key, schuldeiser, signaalpartner, bedrag_cents, ontstaansdatum,
                crisissignaal, warme_overdracht
         FROM signals WHERE melding_id IN (${IN_JSON})`,
      )
      .raw();
    const earlier = this.db
      .prepare(
        `SELECT m.id, m.household_id, m.month, s.opgevolgd, s.decision FROM meldingen m
         JOIN melding_status s ON s.melding_id = m.id
         WHERE m.household_id IN (${IN_JSON}) AND m.month_index BETWEEN ? AND ?`,
      )
      .raw();
    const earlierSignals = this.db
      .prepare(`SELECT melding_id, organisation_key, bedrag_cents FROM signals WHERE melding_id IN (${IN_JSON})`)
      .raw();
    // Newest first: the first row of a household is its most recent worker.
    const workers = this.db
      .prepare(
        `SELECT m.household_id, d.worker_id FROM meldingen m
         JOIN decisions d ON d.melding_id = m.id
         WHERE d.worker_id IS NOT NULL AND m.month_index < ? AND m.household_id IN (${IN_JSON})
         ORDER BY m.month_index DESC`,
      )
      .raw();
    const status = this.db
      .prepare(
        `SELECT melding_id, decision, worker_id, opgevolgd, result_source, case_melding_id FROM melding_status
         WHERE melding_id IN (${IN_JSON}) AND decision IS NOT NULL`,
      )
      .raw();

    // The households' earlier picked meldingen: the case a new melding may join (core/triage/always.ts).
    const cases = this.db
      .prepare(
        `SELECT m.household_id, m.id, m.month, m.seq, d.worker_id,
                EXISTS (SELECT 1 FROM results r WHERE r.melding_id = m.id), d.case_melding_id IS NOT NULL
         FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE m.household_id IN (${IN_JSON}) AND m.month_index < ? AND d.kind IN ('altijd', 'capaciteit')`,
      )
      .raw();

    return (rows) => {
      const ids = JSON.stringify(rows.map((r) => r[0]));
      const households = JSON.stringify(rows.map((r) => r[2]));
      const signalsOf = groupBy(
        signals.all(ids) as SignalRow[],
        (row) => row[0],
        (row): TriageSignal => ({
          organisationKey: row[1],
          schuldeiser: row[2],
          signaalpartner: row[3],
          bedragCents: row[4],
          ontstaansdatum: row[5],
          crisissignaal: row[6] === 1,
          warmeOverdracht: row[7] === 1,
        }),
      );
      const earlierRows = earlier.all(households, index - lookBack, index - 1) as EarlierRow[];
      const inRepeatWindow = earlierRows.filter((row) => monthIndex(row[2]) >= index - repeatMonths);
      const earlierSignalsOf = groupBy(
        earlierSignals.all(JSON.stringify(inRepeatWindow.map((row) => row[0]))) as Array<[number, string, number]>,
        (row) => row[0],
        (row) => ({ organisationKey: row[1], bedragCents: row[2] }),
      );
      const earlierByHousehold = groupBy(earlierRows, (row) => row[1], (row) => row);
      const previousWorker = new Map<number, number>();
      for (const [household, worker] of workers.all(index, households) as Array<[number, number]>) {
        if (!previousWorker.has(household)) previousWorker.set(household, worker);
      }
      const current = new Map((status.all(ids) as StatusRow[]).map((row) => [row[0], row]));
      const casesOf = groupBy(
        cases.all(households, index) as EarlierCaseRow[],
        (row) => row[0],
        ([, meldingId, caseMonth, seq, workerId, closed, joined]) => ({
          meldingId,
          ref: formatRef(caseMonth, seq),
          workerId,
          closed: closed === 1,
          joined: joined === 1,
        }),
      );

      return rows.map(([id, seq, householdId, category, gemeenteId]): TriageMelding => {
        const history = earlierByHousehold.get(householdId) ?? [];
        const last = history.find((h) => h[2] === previous);
        const now = current.get(id);
        return {
          id,
          ref: formatRef(month, seq),
          householdId,
          gemeenteId,
          category,
          signals: signalsOf.get(id) ?? [],
          lastMonth: last === undefined ? null : { followedUp: last[3] === 1, decision: last[4] },
          recent: history
            .filter((h) => monthIndex(h[2]) >= index - repeatMonths)
            .map((h) => ({ month: h[2], followedUp: h[3] === 1, signals: earlierSignalsOf.get(h[0]) ?? [] })),
          previousWorkerId: previousWorker.get(householdId) ?? null,
          current:
            now === undefined
              ? null
              : {
                  decision: now[1],
                  workerId: now[2],
                  followedUp: now[3] === 1,
                  // A result the triage itself set is decided afresh; a worker's or a closure is final.
                  closed: now[4] === 'medewerker' || now[4] === 'sluiting',
                  joined: now[5] !== null,
                },
          earlierCases: casesOf.get(householdId) ?? [],
        };
      });
    };
  }

  async triageRun(month: Month, gemeenteIds?: readonly number[]): Promise<TriageRun | undefined> {
    const scope = scopeOf(gemeenteIds);
    const row = this.db
      .prepare(
        `SELECT month, capacity, capacity_overridden, config, triaged_at FROM triage_runs
         WHERE month = ? AND ${IN_SCOPE('gemeente_id')} ORDER BY triaged_at DESC LIMIT 1`,
      )
      .get(month, scope, scope) as
      | { month: Month; capacity: number; capacity_overridden: number; config: string; triaged_at: string }
      | undefined;
    if (row === undefined) return undefined;
    return {
      month: row.month,
      capacity: row.capacity,
      capacityOverridden: row.capacity_overridden === 1,
      config: JSON.parse(row.config) as TriageRun['config'],
      triagedAt: row.triaged_at,
    };
  }

  async applyTriage(
    plan: PlannedMonth,
    run: TriageRun,
    today: IsoDate,
    gemeenteIds?: readonly number[],
    shares: ReadonlyMap<number, number> = new Map(),
  ): Promise<void> {
    // One row for each gemeente whose list was triaged, with its own share when it has one.
    const scope = scopeOf(gemeenteIds);
    this.db
      .prepare(
        `INSERT INTO triage_runs (month, gemeente_id, capacity, capacity_overridden, config, triaged_at)
         SELECT DISTINCT ?, gemeente_id, coalesce((SELECT s.value ->> 1 FROM json_each(@shares) AS s WHERE s.value ->> 0 = gemeente_id), @capacity),
                ?, ?, ? FROM meldingen WHERE month = ? AND ${IN_SCOPE('gemeente_id')}
         ON CONFLICT (month, gemeente_id) DO UPDATE SET capacity = excluded.capacity,
           capacity_overridden = excluded.capacity_overridden, config = excluded.config, triaged_at = excluded.triaged_at`,
      )
      .run(run.month, run.capacityOverridden ? 1 : 0, JSON.stringify(run.config), run.triagedAt, run.month, scope, scope, {
        shares: JSON.stringify([...shares]),
        capacity: run.capacity,
      });

    // A kept decision gets a worker when it had none, or another when its worker left.
    const assignKeptWorkers = this.db.prepare(
      `UPDATE decisions SET worker_id = j.value ->> 1 FROM json_each(?) AS j WHERE decisions.melding_id = j.value ->> 0`,
    );
    // A decision made afresh replaces the result an earlier triage gave it.
    const dropTriageResults = this.db.prepare(`DELETE FROM results WHERE source = 'triage' AND melding_id IN (${IN_JSON})`);
    // One row per run: for rows this wide (a reason is a sentence), binding them one by one was
    // measured faster than unpacking a JSON array in SQL.
    const upsertDecision = this.db.prepare(
      `INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, case_melding_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (melding_id) DO UPDATE SET kind = excluded.kind, rule = excluded.rule, reason = excluded.reason,
         place = excluded.place, worker_id = excluded.worker_id, case_melding_id = excluded.case_melding_id,
         decided_at = excluded.decided_at`,
    );
    const insertResults = this.db.prepare(
      `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
       SELECT value ->> 0, value ->> 1, NULL, ?, ?, ? FROM json_each(?)`,
    );

    for (const chunk of inChunks(plan.decisions, WRITE_BATCH)) {
      const kept: Array<[number, number]> = [];
      const fresh: Array<[number, string, string, string, number | null, number | null, number | null]> = [];
      const results: Array<[number, string]> = [];
      for (const d of chunk) {
        if (d.kept) {
          if (d.workerId !== null) kept.push([d.meldingId, d.workerId]);
          continue;
        }
        fresh.push([d.meldingId, d.kind, d.rule, d.reason, d.place, d.workerId, d.caseMeldingId]);
        if (d.result !== null) results.push([d.meldingId, d.result]);
      }
      if (kept.length > 0) assignKeptWorkers.run(JSON.stringify(kept));
      if (fresh.length > 0) {
        dropTriageResults.run(JSON.stringify(fresh.map((f) => f[0])));
        for (const f of fresh) upsertDecision.run(...f, run.triagedAt);
      }
      if (results.length > 0) insertResults.run(today, 'triage', run.triagedAt, JSON.stringify(results));
    }

    // The closed melding's reason now says why it was closed, not the promise it was deferred with.
    const closeDecisions = this.db.prepare(
      `UPDATE decisions SET reason = j.value ->> 1 FROM json_each(?) AS j WHERE decisions.melding_id = j.value ->> 0`,
    );
    for (const chunk of inChunks(plan.closures, WRITE_BATCH)) {
      insertResults.run(today, 'sluiting', run.triagedAt, JSON.stringify(chunk.map((c) => [c.meldingId, c.result])));
      closeDecisions.run(JSON.stringify(chunk.map((c) => [c.meldingId, c.reason])));
    }
  }

  async assignedElsewhere(month: Month, gemeenteIds: readonly number[]): Promise<Map<number, number>> {
    const rows = this.db
      .prepare(
        `SELECT d.worker_id, count(*) FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE m.month = ? AND d.worker_id IS NOT NULL AND d.kind IN ('altijd', 'capaciteit')
           AND m.gemeente_id NOT IN (SELECT value FROM json_each(?))
         GROUP BY d.worker_id`,
      )
      .raw()
      .all(month, JSON.stringify(gemeenteIds)) as Array<[number, number]>;
    return new Map(rows);
  }
}
