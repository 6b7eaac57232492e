import type Database from 'better-sqlite3';
import type { MonthContents } from '../../core/month-removal.js';
import { monthIndex } from '../../core/month.js';
import type { Month } from '../../core/types.js';
import { refreshHistoryAfter } from './history-refresh.js';

/** Restricts a statement on one month to one gemeente's rows (then a second parameter); all gemeenten when undefined. */
function ofGemeente(gemeenteId: number | undefined): string {
  return gemeenteId === undefined ? '' : ' AND gemeente_id = ?';
}

// A month's list as a whole: what it holds, and removing it (months delete).

export class SqliteMonths {
  constructor(private readonly db: Database.Database) {}

  async monthContents(month: Month, gemeenteId?: number): Promise<MonthContents> {
    const params = gemeenteId === undefined ? [month] : [month, gemeenteId];
    const count = (sql: string): number => this.db.prepare(sql).pluck().get(...params) as number;
    const of = ofGemeente(gemeenteId);
    const ofMonth = `melding_id IN (SELECT id FROM meldingen WHERE month = ?${of})`;
    return {
      month,
      meldingen: count(`SELECT count(*) FROM meldingen WHERE month = ?${of}`),
      signals: count(`SELECT count(*) FROM signals WHERE month = ?${of}`),
      imports: count(`SELECT count(*) FROM imports WHERE month = ?${of}`),
      decisions: count(`SELECT count(*) FROM decisions WHERE ${ofMonth}`),
      contacts: count(`SELECT count(*) FROM contacts WHERE ${ofMonth}`),
      workerResults: count(`SELECT count(*) FROM results WHERE source = 'medewerker' AND ${ofMonth}`),
    };
  }

  /**
   * Removes the month's list with everything recorded for it, and brings the later months'
   * history flags up to date (inside the caller's transaction). The households stay: other
   * months may refer to them, and one without meldingen holds nothing but an address that purge
   * handles like any other.
   */
  async deleteMonthList(month: Month, gemeenteId?: number): Promise<void> {
    const params = gemeenteId === undefined ? [month] : [month, gemeenteId];
    const of = ofGemeente(gemeenteId);
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS removed_households (id INTEGER PRIMARY KEY)');
    this.db.exec('DELETE FROM temp.removed_households');
    this.db
      .prepare(`INSERT OR IGNORE INTO temp.removed_households (id) SELECT household_id FROM meldingen WHERE month = ?${of}`)
      .run(...params);
    // A later melding that joined a case of this month no longer belongs to one.
    this.db
      .prepare(`UPDATE decisions SET case_melding_id = NULL WHERE case_melding_id IN (SELECT id FROM meldingen WHERE month = ?${of})`)
      .run(...params);
    for (const dependant of ['signals', 'decisions', 'contacts', 'results']) {
      this.db.prepare(`DELETE FROM ${dependant} WHERE melding_id IN (SELECT id FROM meldingen WHERE month = ?${of})`).run(...params);
    }
    this.db.prepare(`DELETE FROM meldingen WHERE month = ?${of}`).run(...params);
    this.db.prepare(`DELETE FROM imports WHERE month = ?${of}`).run(...params);
    this.db.prepare(`DELETE FROM triage_runs WHERE month = ?${of}`).run(...params);
    refreshHistoryAfter(this.db, monthIndex(month), { sql: 'SELECT id FROM temp.removed_households', params: [] });
    this.db.exec('DROP TABLE temp.removed_households');
  }
}
