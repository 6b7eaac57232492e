import type Database from 'better-sqlite3';
import { addMonths, monthIndex } from '../../core/month.js';
import { formatRef } from '../../core/reference.js';
import type { DecisionKind, TriageMelding, TriagePlan, TriageSignal } from '../../core/triage/types.js';
import type { Category, IsoDate, Month, Signaalpartner } from '../../core/types.js';
import type { TriageData, TriageRun } from '../store.js';
import { groupBy } from './group-by.js';

// Gathers what the triage rules need about one month, and stores a triage plan. All rules live
// in core/triage; this file only reads and writes.

interface MeldingRow {
  id: number;
  seq: number;
  household_id: number;
  category: Category;
}

interface SignalRow {
  melding_id: number;
  organisation_key: string;
  schuldeiser: string | null;
  signaalpartner: Signaalpartner;
  bedrag_cents: number;
  ontstaansdatum: IsoDate | null;
  crisissignaal: number;
  warme_overdracht: number;
}

interface StatusRow {
  melding_id: number;
  decision: DecisionKind | null;
  worker_id: number | null;
  opgevolgd: number;
  result_source: string | null;
}

export class SqliteTriage {
  constructor(private readonly db: Database.Database) {}

  async triageData(month: Month, repeatMonths: number): Promise<TriageData> {
    const index = monthIndex(month);
    const previous = addMonths(month, -1);
    const meldingen = this.db
      .prepare('SELECT id, seq, household_id, category FROM meldingen WHERE month = ? ORDER BY seq')
      .all(month) as MeldingRow[];

    const signals = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, organisation_key, schuldeiser, signaalpartner, bedrag_cents, ontstaansdatum,
                  crisissignaal, warme_overdracht
           FROM signals WHERE month = ? ORDER BY melding_id, source_line`,
        )
        .all(month) as SignalRow[],
      (row) => row.melding_id,
      (row): TriageSignal => ({
        organisationKey: row.organisation_key,
        schuldeiser: row.schuldeiser,
        signaalpartner: row.signaalpartner,
        bedragCents: row.bedrag_cents,
        ontstaansdatum: row.ontstaansdatum,
        crisissignaal: row.crisissignaal === 1,
        warmeOverdracht: row.warme_overdracht === 1,
      }),
    );

    // Earlier meldingen of this month's households, back as far as the repeat rule looks (and at
    // least last month), with whether they were followed up.
    const lookBack = Math.max(1, repeatMonths);
    const earlier = this.db
      .prepare(
        `SELECT m.id, m.household_id, m.month, s.opgevolgd, s.decision FROM meldingen m
         JOIN melding_status s ON s.melding_id = m.id
         WHERE m.month_index BETWEEN ? AND ?
           AND m.household_id IN (SELECT household_id FROM meldingen WHERE month = ?)`,
      )
      .all(index - lookBack, index - 1, month) as Array<{
      id: number;
      household_id: number;
      month: Month;
      opgevolgd: number;
      decision: DecisionKind | null;
    }>;
    const earlierSignals = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, organisation_key, bedrag_cents FROM signals
           WHERE melding_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(earlier.map((e) => e.id))) as Array<{
        melding_id: number;
        organisation_key: string;
        bedrag_cents: number;
      }>,
      (row) => row.melding_id,
      (row) => ({ organisationKey: row.organisation_key, bedragCents: row.bedrag_cents }),
    );
    const earlierByHousehold = groupBy(earlier, (row) => row.household_id, (row) => row);

    const previousWorker = new Map<number, number>();
    for (const row of this.db
      .prepare(
        `SELECT m.household_id, d.worker_id FROM meldingen m
         JOIN decisions d ON d.melding_id = m.id
         WHERE d.worker_id IS NOT NULL AND m.month_index < ?
           AND m.household_id IN (SELECT household_id FROM meldingen WHERE month = ?)
         ORDER BY m.month_index DESC`,
      )
      .all(index, month) as Array<{ household_id: number; worker_id: number }>) {
      if (!previousWorker.has(row.household_id)) previousWorker.set(row.household_id, row.worker_id);
    }

    const status = new Map(
      (
        this.db
          .prepare('SELECT melding_id, decision, worker_id, opgevolgd, result_source FROM melding_status WHERE month = ?')
          .all(month) as StatusRow[]
      ).map((row) => [row.melding_id, row]),
    );

    const triageMeldingen = meldingen.map((melding): TriageMelding => {
      const history = earlierByHousehold.get(melding.household_id) ?? [];
      const last = history.find((h) => h.month === previous);
      const current = status.get(melding.id);
      return {
        id: melding.id,
        ref: formatRef(month, melding.seq),
        householdId: melding.household_id,
        category: melding.category,
        signals: signals.get(melding.id) ?? [],
        lastMonth: last === undefined ? null : { followedUp: last.opgevolgd === 1, decision: last.decision },
        recent: history
          .filter((h) => monthIndex(h.month) >= index - repeatMonths)
          .map((h) => ({ month: h.month, followedUp: h.opgevolgd === 1, signals: earlierSignals.get(h.id) ?? [] })),
        previousWorkerId: previousWorker.get(melding.household_id) ?? null,
        current:
          current?.decision == null
            ? null
            : {
                decision: current.decision,
                workerId: current.worker_id,
                followedUp: current.opgevolgd === 1,
                // A result the triage itself set is decided afresh; a worker's or a closure is final.
                closed: current.result_source === 'medewerker' || current.result_source === 'sluiting',
              },
      };
    });

    const deferredLastMonth = (
      this.db
        .prepare(
          `SELECT m.id, m.seq, m.household_id FROM meldingen m
           JOIN melding_status s ON s.melding_id = m.id
           WHERE m.month = ? AND s.decision = 'uitgesteld' AND s.opgevolgd = 0 AND s.resultaat IS NULL
           ORDER BY m.seq`,
        )
        .all(previous) as Array<{ id: number; seq: number; household_id: number }>
    ).map((row) => ({ id: row.id, ref: formatRef(previous, row.seq), householdId: row.household_id }));

    return { meldingen: triageMeldingen, deferredLastMonth };
  }

  async triageRun(month: Month): Promise<TriageRun | undefined> {
    const row = this.db
      .prepare('SELECT month, capacity, capacity_overridden, config, triaged_at FROM triage_runs WHERE month = ?')
      .get(month) as
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

  async applyTriage(plan: TriagePlan, run: TriageRun, today: IsoDate): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO triage_runs (month, capacity, capacity_overridden, config, triaged_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (month) DO UPDATE SET capacity = excluded.capacity,
           capacity_overridden = excluded.capacity_overridden, config = excluded.config, triaged_at = excluded.triaged_at`,
      )
      .run(run.month, run.capacity, run.capacityOverridden ? 1 : 0, JSON.stringify(run.config), run.triagedAt);

    // A kept decision gets a worker when it had none, or another when its worker left.
    const assignKeptWorker = this.db.prepare('UPDATE decisions SET worker_id = ? WHERE melding_id = ?');
    const dropTriageResult = this.db.prepare("DELETE FROM results WHERE melding_id = ? AND source = 'triage'");
    const upsertDecision = this.db.prepare(
      `INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (melding_id) DO UPDATE SET kind = excluded.kind, rule = excluded.rule, reason = excluded.reason,
         place = excluded.place, worker_id = excluded.worker_id, decided_at = excluded.decided_at`,
    );
    const insertResult = this.db.prepare(
      `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
       VALUES (?, ?, NULL, ?, ?, ?)`,
    );

    for (const decision of plan.decisions) {
      if (decision.kept) {
        if (decision.workerId !== null) assignKeptWorker.run(decision.workerId, decision.meldingId);
        continue;
      }
      dropTriageResult.run(decision.meldingId);
      upsertDecision.run(
        decision.meldingId,
        decision.kind,
        decision.rule,
        decision.reason,
        decision.place,
        decision.workerId,
        run.triagedAt,
      );
      if (decision.result !== null) {
        insertResult.run(decision.meldingId, decision.result, today, 'triage', run.triagedAt);
      }
    }
    // The closed melding's reason now says why it was closed, not the promise it was deferred with.
    const closeDecision = this.db.prepare('UPDATE decisions SET reason = ? WHERE melding_id = ?');
    for (const closure of plan.closures) {
      insertResult.run(closure.meldingId, closure.result, today, 'sluiting', run.triagedAt);
      closeDecision.run(closure.reason, closure.meldingId);
    }
  }
}
