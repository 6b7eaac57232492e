import type Database from 'better-sqlite3';
import { historyFlags } from '../../core/import/melding.js';
import type { HouseholdPlan, HouseholdSituation, StagedSignalKeys } from '../../core/import/plan-household.js';
import { OPEENVOLGEND_MONTHS } from '../../core/import/melding.js';
import { monthIndex } from '../../core/month.js';
import type { Category, Month } from '../../core/types.js';
import type { ImportCounts, ImportRecord, ImportSession, ImportWriter, RejectedRow, StagedRow } from '../store.js';
import { groupBy } from './group-by.js';
import { SIGNAL_COLUMN_LIST, SIGNAL_COLUMNS, signalValues } from './signal-columns.js';

// The staging area lives in SQLite's temp schema: it belongs to this connection only, is never
// part of the database file, and works on a read-only connection too, so a dry run stages and
// plans exactly as a real run does.

const STAGING_DDL = `
  CREATE TEMP TABLE staged (
    line INTEGER PRIMARY KEY,
    household_key TEXT NOT NULL,
    postcode TEXT NOT NULL,
    huisnummer TEXT NOT NULL,
    toevoeging TEXT NOT NULL,
    ${SIGNAL_COLUMNS.map((c) => `${c} ANY`).join(',\n    ')}
  );
  CREATE INDEX temp.staged_by_household ON staged (household_key, line);
  CREATE INDEX temp.staged_by_signaal_id ON staged (signaal_id) WHERE signaal_id IS NOT NULL;
  CREATE TEMP TABLE rejected (line INTEGER PRIMARY KEY, reason TEXT NOT NULL);
  CREATE TEMP TABLE touched_households (id INTEGER PRIMARY KEY);
`;

const DROP_STAGING = `
  DROP TABLE IF EXISTS temp.staged;
  DROP TABLE IF EXISTS temp.rejected;
  DROP TABLE IF EXISTS temp.touched_households;
`;

interface HouseholdKeyRow {
  household_key: string;
  postcode: string;
  huisnummer: string;
  toevoeging: string;
}

export class SqliteImportSession implements ImportSession {
  private readonly insertStaged: Database.Statement;
  private readonly insertRejected: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly inTransaction: <T>(work: () => Promise<T>) => Promise<T>,
  ) {
    db.exec(DROP_STAGING);
    db.exec(STAGING_DDL);
    const placeholders = Array(5 + SIGNAL_COLUMNS.length).fill('?').join(', ');
    this.insertStaged = db.prepare(
      `INSERT INTO temp.staged (line, household_key, postcode, huisnummer, toevoeging, ${SIGNAL_COLUMN_LIST}) VALUES (${placeholders})`,
    );
    this.insertRejected = db.prepare('INSERT INTO temp.rejected (line, reason) VALUES (?, ?)');
  }

  async stage(rows: readonly StagedRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const row of rows) {
        const { address } = row.signal;
        this.insertStaged.run(
          row.line,
          row.householdKey,
          address.postcode,
          address.huisnummer,
          address.toevoeging,
          ...signalValues(row),
        );
      }
    })();
  }

  async reject(rows: readonly RejectedRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const row of rows) this.insertRejected.run(row.line, row.reason);
    })();
  }

  async conflictingIds(month: Month): Promise<Array<{ line: number; signaalId: string }>> {
    return this.db
      .prepare(
        `SELECT s.line, s.signaal_id AS signaalId FROM temp.staged s
         WHERE s.signaal_id IS NOT NULL AND (
           EXISTS (SELECT 1 FROM temp.staged o
                   WHERE o.signaal_id = s.signaal_id AND o.household_key <> s.household_key)
           OR EXISTS (SELECT 1 FROM signals x
                      JOIN meldingen m ON m.id = x.melding_id
                      JOIN households h ON h.id = m.household_id
                      WHERE x.month = ? AND x.dedup_key = s.dedup_key
                        AND (h.postcode, h.huisnummer, h.toevoeging) <> (s.postcode, s.huisnummer, s.toevoeging)))
         ORDER BY s.line`,
      )
      .all(month) as Array<{ line: number; signaalId: string }>;
  }

  async unstage(rows: readonly RejectedRow[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM temp.staged WHERE line = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        remove.run(row.line);
        this.insertRejected.run(row.line, row.reason);
      }
    })();
  }

  async *households(
    month: Month,
    options: { batchSize: number; ignoreMonth: boolean },
  ): AsyncIterable<HouseholdSituation[]> {
    const index = monthIndex(month);
    const nextKeys = this.db.prepare(
      `SELECT household_key, postcode, huisnummer, toevoeging FROM temp.staged
       WHERE household_key > ? GROUP BY household_key ORDER BY household_key LIMIT ?`,
    );
    const stagedRows = this.db.prepare(
      `SELECT line, household_key, dedup_key, organisation_key FROM temp.staged
       WHERE household_key BETWEEN ? AND ? ORDER BY household_key, line`,
    );
    // `purged_at IS NULL` matches the partial unique index on the address; without it every
    // lookup scans the whole table and a large import slows down quadratically.
    const householdId = this.db.prepare(
      'SELECT id FROM households WHERE postcode = ? AND huisnummer = ? AND toevoeging = ? AND purged_at IS NULL',
    );
    const meldingenOfMonth = this.db.prepare(
      `SELECT id, household_id, category, on_last_month, opeenvolgend FROM meldingen
       WHERE month = ? AND household_id IN (SELECT value FROM json_each(?))`,
    );
    const signalsOfMeldingen = this.db.prepare(
      `SELECT melding_id, dedup_key, organisation_key FROM signals
       WHERE melding_id IN (SELECT value FROM json_each(?))`,
    );
    const earlierMonths = this.db.prepare(
      `SELECT household_id, month_index FROM meldingen
       WHERE household_id IN (SELECT value FROM json_each(?)) AND month_index BETWEEN ? AND ?`,
    );

    let after = '';
    for (;;) {
      const keys = nextKeys.all(after, options.batchSize) as HouseholdKeyRow[];
      if (keys.length === 0) return;
      after = keys[keys.length - 1]!.household_key;

      const staged = groupBy(
        stagedRows.all(keys[0]!.household_key, after) as Array<{
          line: number;
          household_key: string;
          dedup_key: string;
          organisation_key: string;
        }>,
        (row) => row.household_key,
        (row): StagedSignalKeys => ({ line: row.line, dedupKey: row.dedup_key, organisationKey: row.organisation_key }),
      );
      const ids = new Map<string, number>();
      for (const key of keys) {
        const found = householdId.get(key.postcode, key.huisnummer, key.toevoeging) as { id: number } | undefined;
        if (found) ids.set(key.household_key, found.id);
      }
      const idList = JSON.stringify([...ids.values()]);

      const existing = new Map<number, { id: number; category: Category; onLast: number; opeen: number }>();
      if (!options.ignoreMonth) {
        for (const row of meldingenOfMonth.all(month, idList) as Array<{
          id: number;
          household_id: number;
          category: Category;
          on_last_month: number;
          opeenvolgend: number;
        }>) {
          existing.set(row.household_id, {
            id: row.id,
            category: row.category,
            onLast: row.on_last_month,
            opeen: row.opeenvolgend,
          });
        }
      }
      const existingSignals = groupBy(
        signalsOfMeldingen.all(JSON.stringify([...existing.values()].map((m) => m.id))) as Array<{
          melding_id: number;
          dedup_key: string;
          organisation_key: string;
        }>,
        (row) => row.melding_id,
        (row) => ({ dedupKey: row.dedup_key, organisationKey: row.organisation_key }),
      );
      const otherMonths = groupBy(
        earlierMonths.all(idList, index - OPEENVOLGEND_MONTHS, index - 1) as Array<{
          household_id: number;
          month_index: number;
        }>,
        (row) => row.household_id,
        (row) => row.month_index,
      );

      yield keys.map((key): HouseholdSituation => {
        const id = ids.get(key.household_key) ?? null;
        const melding = id === null ? undefined : existing.get(id);
        return {
          householdKey: key.household_key,
          householdId: id,
          existing: melding
            ? {
                id: melding.id,
                category: melding.category,
                flags: { onLastMonth: melding.onLast === 1, opeenvolgend: melding.opeen === 1 },
                signals: existingSignals.get(melding.id) ?? [],
              }
            : null,
          staged: staged.get(key.household_key) ?? [],
          otherMonths: id === null ? [] : (otherMonths.get(id) ?? []),
        };
      });
    }
  }

  async rejectionOf(line: number): Promise<string | undefined> {
    const row = this.db.prepare('SELECT reason FROM temp.rejected WHERE line = ?').get(line) as
      | { reason: string }
      | undefined;
    return row?.reason;
  }

  async transaction<T>(work: (writer: ImportWriter) => Promise<T>): Promise<T> {
    return this.inTransaction(() => work(new SqliteImportWriter(this.db)));
  }

  dispose(): void {
    this.db.exec(DROP_STAGING);
  }
}

class SqliteImportWriter implements ImportWriter {
  private importId: number | null = null;
  private nextSeq = new Map<Month, number>();

  constructor(private readonly db: Database.Database) {}

  async deleteMonth(month: Month): Promise<void> {
    // The households of the old list may lose their place in later months' history.
    this.db
      .prepare('INSERT OR IGNORE INTO temp.touched_households (id) SELECT household_id FROM meldingen WHERE month = ?')
      .run(month);
    this.db.prepare('DELETE FROM meldingen WHERE month = ?').run(month);
    // The replaced list must be triaged afresh.
    this.db.prepare('DELETE FROM triage_runs WHERE month = ?').run(month);
  }

  async recordImport(record: ImportRecord): Promise<void> {
    const result = this.db
      .prepare(
        `INSERT INTO imports (month, file_name, file_sha256, imported_at, replaced_month)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(record.month, record.fileName, record.fileSha256, record.importedAt, record.replacedMonth ? 1 : 0);
    this.importId = Number(result.lastInsertRowid);
  }

  async applyHouseholds(month: Month, plans: readonly HouseholdPlan[]): Promise<void> {
    const importId = this.importId;
    if (importId === null) throw new Error('recordImport must come before applyHouseholds');
    const index = monthIndex(month);
    const insertHousehold = this.db.prepare(
      `INSERT INTO households (postcode, huisnummer, toevoeging)
       SELECT postcode, huisnummer, toevoeging FROM temp.staged WHERE line = ?`,
    );
    const insertMelding = this.db.prepare(
      `INSERT INTO meldingen (month, month_index, seq, household_id, category, on_last_month, opeenvolgend)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const updateCategory = this.db.prepare('UPDATE meldingen SET category = ? WHERE id = ?');
    const insertSignal = this.db.prepare(
      `INSERT INTO signals (melding_id, import_id, source_line, month, ${SIGNAL_COLUMN_LIST})
       SELECT ?, ?, line, ?, ${SIGNAL_COLUMN_LIST} FROM temp.staged WHERE line = ?`,
    );
    const touch = this.db.prepare('INSERT OR IGNORE INTO temp.touched_households (id) VALUES (?)');

    let seq = this.nextSeq.get(month) ?? this.firstFreeSeq(month);
    for (const plan of plans) {
      const { melding } = plan;
      let meldingId: number;
      if (melding.kind === 'create') {
        const householdId =
          plan.householdId ?? Number(insertHousehold.run(plan.newLines[0]).lastInsertRowid);
        meldingId = Number(
          insertMelding.run(
            month,
            index,
            seq,
            householdId,
            melding.category,
            melding.flags.onLastMonth ? 1 : 0,
            melding.flags.opeenvolgend ? 1 : 0,
          ).lastInsertRowid,
        );
        seq += 1;
        touch.run(householdId);
      } else {
        meldingId = melding.id;
        if (melding.kind === 'update' && melding.category !== melding.previousCategory) {
          updateCategory.run(melding.category, meldingId);
        }
      }
      for (const line of plan.newLines) insertSignal.run(meldingId, importId, month, line);
    }
    this.nextSeq.set(month, seq);
  }

  private firstFreeSeq(month: Month): number {
    const row = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM meldingen WHERE month = ?').get(month) as {
      seq: number;
    };
    return row.seq;
  }

  async refreshLaterFlags(month: Month): Promise<void> {
    const index = monthIndex(month);
    const later = this.db.prepare('SELECT 1 FROM meldingen WHERE month_index > ? LIMIT 1').get(index);
    if (later === undefined) return; // the usual case: this is the newest month
    const rows = this.db
      .prepare(
        `SELECT m.id, m.household_id, m.month_index, m.on_last_month, m.opeenvolgend FROM meldingen m
         JOIN temp.touched_households t ON t.id = m.household_id
         WHERE m.month_index BETWEEN ? AND ?
         ORDER BY m.household_id`,
      )
      .all(index - OPEENVOLGEND_MONTHS, index + OPEENVOLGEND_MONTHS) as Array<{
      id: number;
      household_id: number;
      month_index: number;
      on_last_month: number;
      opeenvolgend: number;
    }>;
    const monthsOf = groupBy(rows, (r) => r.household_id, (r) => r.month_index);
    const update = this.db.prepare('UPDATE meldingen SET on_last_month = ?, opeenvolgend = ? WHERE id = ?');
    for (const row of rows) {
      if (row.month_index <= index) continue;
      const flags = historyFlags(row.month_index, monthsOf.get(row.household_id) ?? []);
      const onLast = flags.onLastMonth ? 1 : 0;
      const opeen = flags.opeenvolgend ? 1 : 0;
      if (onLast !== row.on_last_month || opeen !== row.opeenvolgend) update.run(onLast, opeen, row.id);
    }
  }

  async finishImport(counts: ImportCounts): Promise<void> {
    this.db
      .prepare(
        `UPDATE imports SET rows_read = ?, signals_new = ?, signals_duplicate = ?, rows_rejected = ?
         WHERE id = ?`,
      )
      .run(counts.rowsRead, counts.signalsNew, counts.signalsDuplicate, counts.rowsRejected, this.importId);
  }
}
