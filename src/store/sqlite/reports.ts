import type Database from 'better-sqlite3';
import type { Period } from '../../core/report/period.js';
import type { StatsContact, StatsMelding, StatsSignal } from '../../core/report/stats.js';
import type { CategoryCounts, MonthCounts } from '../../core/report/table.js';
import type { Category, Month } from '../../core/types.js';
import type { ReportStore } from '../store.js';

// Counting for the reports. Meldingen are counted in the month of their list; the follow-up
// state comes from the melding_status view, whose 'opgevolgd' follows core/followup.ts.

export class SqliteReports implements ReportStore {
  constructor(private readonly db: Database.Database) {}

  async monthCounts(period: Period): Promise<MonthCounts[]> {
    const rows = this.db
      .prepare(
        `SELECT month, category,
                count(*) AS received,
                sum(opgevolgd) AS followed_up,
                sum(decision IN ('altijd', 'capaciteit') AND opgevolgd = 0 AND resultaat IS NULL) AS open,
                sum(decision = 'uitgesteld' AND opgevolgd = 0) AS deferred
         FROM melding_status WHERE month BETWEEN ? AND ?
         GROUP BY month, category ORDER BY month`,
      )
      .all(period.from, period.to) as Array<{
      month: Month;
      category: Category;
      received: number;
      followed_up: number;
      open: number | null;
      deferred: number | null;
    }>;
    const empty = (): CategoryCounts => ({ received: 0, followedUp: 0, open: 0, deferred: 0 });
    const months = new Map<Month, MonthCounts>();
    for (const row of rows) {
      const month = months.get(row.month) ?? { month: row.month, enkelvoudig: empty(), meervoudig: empty() };
      month[row.category] = {
        received: row.received,
        followedUp: row.followed_up,
        open: row.open ?? 0,
        deferred: row.deferred ?? 0,
      };
      months.set(row.month, month);
    }
    return [...months.values()];
  }

  async statsData(period: Period): Promise<{ meldingen: StatsMelding[]; signals: StatsSignal[]; contacts: StatsContact[] }> {
    const meldingen = (
      this.db
        .prepare(
          `SELECT m.id, m.household_id, m.category, m.opeenvolgend, s.decision, s.worker_id, s.opgevolgd, s.resultaat
           FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
           WHERE m.month BETWEEN ? AND ? ORDER BY m.id`,
        )
        .all(period.from, period.to) as Array<{
        id: number;
        household_id: number;
        category: Category;
        opeenvolgend: number;
        decision: StatsMelding['decision'];
        worker_id: number | null;
        opgevolgd: number;
        resultaat: StatsMelding['resultaat'];
      }>
    ).map(
      (row): StatsMelding => ({
        id: row.id,
        householdId: row.household_id,
        category: row.category,
        opeenvolgend: row.opeenvolgend === 1,
        decision: row.decision,
        workerId: row.worker_id,
        opgevolgd: row.opgevolgd === 1,
        resultaat: row.resultaat,
      }),
    );
    const signals = (
      this.db
        .prepare(
          `SELECT melding_id, signaalpartner, leeftijdsgroep FROM signals
           WHERE month BETWEEN ? AND ? ORDER BY melding_id, source_line`,
        )
        .all(period.from, period.to) as Array<{ melding_id: number; signaalpartner: StatsSignal['signaalpartner']; leeftijdsgroep: StatsSignal['ageGroup'] }>
    ).map((row): StatsSignal => ({ meldingId: row.melding_id, signaalpartner: row.signaalpartner, ageGroup: row.leeftijdsgroep }));
    const contacts = (
      this.db
        .prepare(
          `SELECT c.melding_id, c.soort, c.bereikt FROM contacts c JOIN meldingen m ON m.id = c.melding_id
           WHERE m.month BETWEEN ? AND ?`,
        )
        .all(period.from, period.to) as Array<{ melding_id: number; soort: StatsContact['soort']; bereikt: number }>
    ).map((row): StatsContact => ({ meldingId: row.melding_id, soort: row.soort, bereikt: row.bereikt === 1 }));
    return { meldingen, signals, contacts };
  }

  async importedMonths(): Promise<Set<Month>> {
    const rows = this.db.prepare('SELECT DISTINCT month FROM meldingen').all() as Array<{ month: Month }>;
    return new Set(rows.map((row) => row.month));
  }
}
