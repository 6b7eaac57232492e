import type Database from 'better-sqlite3';
import type { HouseholdPlan, HouseholdSituation, StagedSignalKeys } from '../../core/import/plan-household.js';
import { OPEENVOLGEND_MONTHS } from '../../core/import/melding.js';
import { monthIndex } from '../../core/month.js';
import type { Address, Category, Month } from '../../core/types.js';
import type { ImportCounts, ImportRecord, ImportSession, ImportWriter, RejectedRow, StagedRow } from '../store.js';
import type { ReplacedMelding } from '../../core/import/replace.js';
import { formatRef } from '../../core/reference.js';
import { groupBy } from './group-by.js';
import { refreshHistoryAfter } from './history-refresh.js';
import { SIGNAL_COLUMN_LIST, SIGNAL_COLUMNS, signalColumnType } from './signal-columns.js';

// The staging area lives in SQLite's temp schema: it belongs to this connection only, is never
// part of the database file, and works on a read-only connection too, so a dry run stages and
// plans exactly as a real run does.
//
// Built for a million rows: the rows are appended in line order without any index (an index
// built afterwards, by sorting, is far cheaper than one kept up to date row by row); planning
// reads only a covering index of the keys, in household order; and the stored signals are
// copied from staging in one INSERT … SELECT in line order at the end, so that each row's
// payload is handed from JavaScript to SQLite once.

const STAGING_DDL = `
  CREATE TEMP TABLE staged (
    line INTEGER PRIMARY KEY,
    household_key TEXT NOT NULL,
    ${SIGNAL_COLUMNS.map((c) => `${c} ${signalColumnType(c)}`).join(',\n    ')}
  );
  CREATE TEMP TABLE rejected (line INTEGER PRIMARY KEY, reason TEXT NOT NULL);
  CREATE TEMP TABLE touched_households (id INTEGER PRIMARY KEY);
  -- The melding that receives a household's new signals, and the lines that are not stored.
  CREATE TEMP TABLE melding_of (household_key TEXT PRIMARY KEY, melding_id INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TEMP TABLE skipped (line INTEGER PRIMARY KEY);
  -- Delivery IDs: kenmerken another stored signal already has as its ID, and (for --replace) the
  -- IDs of the replaced month's signals, which the same signals in the new list keep.
  CREATE TEMP TABLE taken_ids (ddas_id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TEMP TABLE kept_ids (dedup_key TEXT PRIMARY KEY, ddas_id TEXT NOT NULL) WITHOUT ROWID;
  -- --replace: the replaced meldingen whose work goes to the new melding of a household.
  CREATE TEMP TABLE carried (old_melding_id INTEGER PRIMARY KEY, household_key TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL);
`;

/** Planning reads only this index: the keys of every staged row, in household order. */
const PLANNING_INDEX = 'CREATE INDEX IF NOT EXISTS temp.staged_by_household ON staged (household_key, line, dedup_key, organisation_key)';

const DROP_STAGING = `
  DROP TABLE IF EXISTS temp.staged;
  DROP TABLE IF EXISTS temp.rejected;
  DROP TABLE IF EXISTS temp.touched_households;
  DROP TABLE IF EXISTS temp.melding_of;
  DROP TABLE IF EXISTS temp.skipped;
  DROP TABLE IF EXISTS temp.taken_ids;
  DROP TABLE IF EXISTS temp.kept_ids;
  DROP TABLE IF EXISTS temp.carried;
`;

/**
 * Page cache of the temp schema during an import (KiB): the household-to-melding map of a
 * million-row list fits, and sorting for the planning index mostly stays in memory.
 */
const TEMP_CACHE_KIB = 16 * 1024;
const TEMP_PAGE_BYTES = 16 * 1024;

/** A household key is `postcode|huisnummer|toevoeging` (core/import/keys.ts); neither of the first two holds a `|`. */
function addressOf(householdKey: string): Address {
  const first = householdKey.indexOf('|');
  const second = householdKey.indexOf('|', first + 1);
  return {
    postcode: householdKey.slice(0, first),
    huisnummer: householdKey.slice(first + 1, second),
    toevoeging: householdKey.slice(second + 1),
  };
}

/** The same split in SQL, for the rare query that compares staged addresses with stored ones. */
const STAGED_ADDRESS = `
  substr(s.household_key, 1, instr(s.household_key, '|') - 1),
  substr(substr(s.household_key, instr(s.household_key, '|') + 1), 1,
         instr(substr(s.household_key, instr(s.household_key, '|') + 1), '|') - 1),
  substr(substr(s.household_key, instr(s.household_key, '|') + 1),
         instr(substr(s.household_key, instr(s.household_key, '|') + 1), '|') + 1)`;

type KeyRow = [householdKey: string, line: number, dedupKey: string, organisationKey: string];

/**
 * Buffers rows for one table and writes them many at a time with a multi-row INSERT: for narrow
 * rows the cost of running a statement outweighs that of binding its values.
 */
class BulkInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private values: Array<string | number | null> = [];

  /** `before` runs before rows are written: to write the rows they refer to first. */
  constructor(
    db: Database.Database,
    into: string,
    private readonly width: number,
    private readonly before: () => void = () => {},
  ) {
    const row = `(${Array(width).fill('?').join(', ')})`;
    this.many = db.prepare(`INSERT INTO ${into} VALUES ${Array(BULK_ROWS).fill(row).join(', ')}`);
    this.one = db.prepare(`INSERT INTO ${into} VALUES ${row}`);
  }

  add(...row: Array<string | number | null>): void {
    for (const value of row) this.values.push(value);
    if (this.values.length === BULK_ROWS * this.width) {
      this.before();
      this.many.run(this.values);
      this.values = [];
    }
  }

  flush(): void {
    if (this.values.length > 0) this.before();
    for (let i = 0; i < this.values.length; i += this.width) this.one.run(this.values.slice(i, i + this.width));
    this.values = [];
  }
}

/** Rows per multi-row INSERT. */
const BULK_ROWS = 64;

/**
 * Indexes of signals that nothing reads while the import writes signals (noteTakenIds reads the
 * delivery IDs before). Kept up to date row by row, an index is filled in line order, which for
 * these keys is random access all over it; built once afterwards, it is one sort. That is worth
 * it only when the import adds more signals than the table holds; the constraint's index
 * (month, gemeente, dedup key) stays, as a constraint must.
 */
const DEFERRED_SIGNAL_INDEXES = ['signals_by_melding', 'signals_by_ddas_id'];


export class SqliteImportSession implements ImportSession {
  private readonly insertStaged: Database.Statement;
  private readonly insertRejected: Database.Statement;
  private readonly selectRejection: Database.Statement;
  private readonly previousTempCache: number;

  constructor(
    private readonly db: Database.Database,
    private readonly inTransaction: <T>(work: () => Promise<T>) => Promise<T>,
    /** The gemeente whose list this is; null when the import makes it (nothing is stored for it yet). */
    private readonly gemeenteId: number | null,
  ) {
    db.exec(DROP_STAGING);
    // Takes effect when the temp database is created, at its first table: larger pages make
    // writing and sorting a million staged rows markedly cheaper.
    db.pragma(`temp.page_size = ${TEMP_PAGE_BYTES}`);
    db.exec(STAGING_DDL);
    this.previousTempCache = db.pragma('temp.cache_size', { simple: true }) as number;
    db.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`);
    const placeholders = Array(2 + SIGNAL_COLUMNS.length).fill('?').join(', ');
    this.insertStaged = db.prepare(`INSERT INTO temp.staged (line, household_key, ${SIGNAL_COLUMN_LIST}) VALUES (${placeholders})`);
    this.insertRejected = db.prepare('INSERT INTO temp.rejected (line, reason) VALUES (?, ?)');
    this.selectRejection = db.prepare('SELECT reason FROM temp.rejected WHERE line = ?').pluck();
  }

  async stage(rows: readonly StagedRow[]): Promise<void> {
    const insert = this.insertStaged;
    this.db.transaction(() => {
      // Spread: better-sqlite3 binds separate arguments faster than the elements of one array.
      for (const row of rows) insert.run(...row);
    })();
  }

  async reject(rows: readonly RejectedRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const row of rows) this.insertRejected.run(row.line, row.reason);
    })();
  }

  async conflictingIds(month: Month, options: { ignoreMonth: boolean }): Promise<Array<{ line: number; signaalId: string }>> {
    // One kenmerk at two addresses in this file: a single sort of the kenmerken.
    const inFile = this.db
      .prepare(
        `SELECT signaal_id FROM temp.staged WHERE signaal_id IS NOT NULL
         GROUP BY signaal_id HAVING min(household_key) <> max(household_key)`,
      )
      .pluck()
      .all() as string[];
    const lines = new Map<number, string>();
    if (inFile.length > 0) {
      for (const row of this.db
        .prepare('SELECT line, signaal_id FROM temp.staged WHERE signaal_id IN (SELECT value FROM json_each(?))')
        .raw()
        .all(JSON.stringify(inFile)) as Array<[number, string]>) {
        lines.set(row[0], row[1]);
      }
    }
    // A kenmerk the month already has at another address; only when the month has signals that
    // stay (with --replace they are about to go, and a corrected list may move a kenmerk).
    // A kenmerk identifies a signal within one gemeente: another gemeente's list may reuse it.
    const gemeente = this.gemeenteId;
    if (
      !options.ignoreMonth &&
      gemeente !== null &&
      this.db.prepare('SELECT 1 FROM meldingen WHERE gemeente_id = ? AND month = ? LIMIT 1').get(gemeente, month) !== undefined
    ) {
      for (const row of this.db
        .prepare(
          `SELECT s.line, s.signaal_id FROM temp.staged s
           JOIN signals x ON x.month = ? AND x.dedup_key = s.dedup_key AND x.gemeente_id = ?
           JOIN meldingen m ON m.id = x.melding_id
           JOIN households h ON h.id = m.household_id
           WHERE s.signaal_id IS NOT NULL
             AND (h.postcode, h.huisnummer, h.toevoeging) <> (${STAGED_ADDRESS})`,
        )
        .raw()
        .all(month, gemeente) as Array<[number, string]>) {
        lines.set(row[0], row[1]);
      }
    }
    return [...lines]
      .sort((a, b) => a[0] - b[0])
      .map(([line, signaalId]) => ({ line, signaalId }));
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
    this.db.exec(PLANNING_INDEX);
    const index = monthIndex(month);
    const rowsLimit = Math.max(2, options.batchSize * 2);
    const keysAfter = this.db
      .prepare(
        `SELECT household_key, line, dedup_key, organisation_key FROM temp.staged INDEXED BY staged_by_household
         WHERE household_key > ? ORDER BY household_key, line LIMIT ?`,
      )
      .raw();
    const keysOf = this.db
      .prepare(
        `SELECT household_key, line, dedup_key, organisation_key FROM temp.staged INDEXED BY staged_by_household
         WHERE household_key = ? ORDER BY line`,
      )
      .raw();
    const householdId = this.db
      .prepare(
        'SELECT id FROM households WHERE postcode = ? AND huisnummer = ? AND toevoeging = ? AND gemeente_id = ? AND purged_at IS NULL',
      )
      .pluck();
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
    // What the database already holds is looked up only when it can hold something: the
    // households of this import are each planned once, so rows it adds never answer a lookup.
    // Households and meldingen are the gemeente's own: an address in another gemeente's list is another household.
    const gemeente = this.gemeenteId;
    const anyHousehold =
      gemeente !== null && this.db.prepare('SELECT 1 FROM households WHERE gemeente_id = ? LIMIT 1').get(gemeente) !== undefined;
    const monthHasMeldingen =
      !options.ignoreMonth &&
      gemeente !== null &&
      this.db.prepare('SELECT 1 FROM meldingen WHERE gemeente_id = ? AND month = ? LIMIT 1').get(gemeente, month) !== undefined;

    let after = '';
    for (;;) {
      let rows = keysAfter.all(after, rowsLimit) as KeyRow[];
      if (rows.length === 0) return;
      let end = rows.length;
      if (rows.length === rowsLimit) {
        // The last household may go on past the limit: leave it for the next batch, unless it
        // is the only one, which is then read whole.
        const lastKey = rows[end - 1]![0];
        while (end > 0 && rows[end - 1]![0] === lastKey) end -= 1;
        if (end === 0) {
          rows = keysOf.all(lastKey) as KeyRow[];
          end = rows.length;
        }
      }

      const keys: string[] = [];
      const staged = new Map<string, StagedSignalKeys[]>();
      for (let i = 0; i < end; i++) {
        const [key, line, dedupKey, organisationKey] = rows[i]!;
        let list = staged.get(key);
        if (list === undefined) {
          list = [];
          staged.set(key, list);
          keys.push(key);
        }
        list.push({ line, dedupKey, organisationKey });
      }
      after = keys[keys.length - 1]!;

      const ids = new Map<string, number>();
      if (anyHousehold) {
        for (const key of keys) {
          const address = addressOf(key);
          const found = householdId.get(address.postcode, address.huisnummer, address.toevoeging, gemeente) as number | undefined;
          if (found !== undefined) ids.set(key, found);
        }
      }
      const idList = ids.size === 0 ? null : JSON.stringify([...ids.values()]);

      const existing = new Map<number, { id: number; category: Category; onLast: number; opeen: number }>();
      if (monthHasMeldingen && idList !== null) {
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
      const existingSignals =
        existing.size === 0
          ? new Map<number, Array<{ dedupKey: string; organisationKey: string }>>()
          : groupBy(
              signalsOfMeldingen.all(JSON.stringify([...existing.values()].map((m) => m.id))) as Array<{
                melding_id: number;
                dedup_key: string;
                organisation_key: string;
              }>,
              (row) => row.melding_id,
              (row) => ({ dedupKey: row.dedup_key, organisationKey: row.organisation_key }),
            );
      const otherMonths =
        idList === null
          ? new Map<number, number[]>()
          : groupBy(
              earlierMonths.all(idList, index - OPEENVOLGEND_MONTHS, index - 1) as Array<{
                household_id: number;
                month_index: number;
              }>,
              (row) => row.household_id,
              (row) => row.month_index,
            );

      yield keys.map((key): HouseholdSituation => {
        const id = ids.get(key) ?? null;
        const melding = id === null ? undefined : existing.get(id);
        return {
          householdKey: key,
          householdId: id,
          existing: melding
            ? {
                id: melding.id,
                category: melding.category,
                flags: { onLastMonth: melding.onLast === 1, opeenvolgend: melding.opeen === 1 },
                signals: existingSignals.get(melding.id) ?? [],
              }
            : null,
          staged: staged.get(key) ?? [],
          otherMonths: id === null ? [] : (otherMonths.get(id) ?? []),
        };
      });
    }
  }

  async replacementCandidates(month: Month): Promise<ReplacedMelding[]> {
    // The gemeente's own list of the month is replaced; a new gemeente has none.
    const gemeente = this.gemeenteId;
    if (gemeente === null) return [];
    const worked = this.db
      .prepare('SELECT 1 FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE m.month = ? AND m.gemeente_id = ? LIMIT 1')
      .get(month, gemeente);
    if (worked === undefined) return [];
    this.db.exec(PLANNING_INDEX);
    const rows = this.db
      .prepare(
        `SELECT m.id, m.seq, h.postcode || '|' || coalesce(h.huisnummer, '') || '|' || coalesce(h.toevoeging, '') AS household_key,
                d.melding_id IS NOT NULL AS decided,
                (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts,
                (SELECT count(*) FROM results r WHERE r.melding_id = m.id AND r.source = 'medewerker') AS worker_results
         FROM meldingen m JOIN households h ON h.id = m.household_id LEFT JOIN decisions d ON d.melding_id = m.id
         WHERE m.month = ? AND m.gemeente_id = ?`,
      )
      .all(month, gemeente) as Array<{ id: number; seq: number; household_key: string; decided: number; contacts: number; worker_results: number }>;
    const staged = this.db.prepare('SELECT 1 FROM temp.staged WHERE household_key = ? LIMIT 1').pluck();
    const byKenmerk = groupBy(
      this.db
        .prepare(
          `SELECT DISTINCT x.melding_id, s.household_key FROM signals x JOIN temp.staged s ON s.signaal_id = x.signaal_id
           WHERE x.month = ? AND x.gemeente_id = ? AND x.signaal_id IS NOT NULL`,
        )
        .raw()
        .all(month, gemeente) as Array<[number, string]>,
      (row) => row[0],
      (row) => row[1],
    );
    return rows.map((row) => ({
      meldingId: row.id,
      ref: formatRef(month, row.seq),
      householdKey: row.household_key,
      kenmerkHouseholds: byKenmerk.get(row.id) ?? [],
      householdOnNewList: staged.get(row.household_key) !== undefined,
      decided: row.decided === 1,
      contacts: row.contacts,
      workerResults: row.worker_results,
    }));
  }

  async changedAmounts(month: Month): Promise<number[]> {
    return this.db
      .prepare(
        `SELECT DISTINCT s.line FROM temp.staged s JOIN signals x ON x.month = ? AND x.gemeente_id = ? AND x.signaal_id = s.signaal_id
         WHERE s.signaal_id IS NOT NULL AND x.bedrag_cents <> s.bedrag_cents ORDER BY s.line`,
      )
      .pluck()
      .all(month, this.gemeenteId) as number[];
  }

  async rejectionOf(line: number): Promise<string | undefined> {
    return this.selectRejection.get(line) as string | undefined;
  }

  async transaction<T>(work: (writer: ImportWriter) => Promise<T>): Promise<T> {
    // SQLite's check of each new signal's melding and import took a third of the time of storing
    // a million signals. The writer refers only to rows it has just written or read in this
    // transaction, and removes a replaced month's dependants itself, so the checks are off while
    // it writes (the pragma cannot change inside a transaction, hence around it).
    this.db.pragma('foreign_keys = OFF');
    try {
      return await this.inTransaction(() => work(new SqliteImportWriter(this.db, this.gemeenteId)));
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  dispose(): void {
    this.db.exec(DROP_STAGING);
    this.db.pragma(`temp.cache_size = ${this.previousTempCache}`);
  }
}

class SqliteImportWriter implements ImportWriter {
  private importRecord: { id: number; month: Month; gemeenteId: number } | null = null;
  private nextSeq = new Map<Month, number>();
  /** Whether a later month than the imported one has meldingen; decided before the first write. */
  private laterMonths: boolean | null = null;
  /**
   * The ids the next new household and melding get: one more than the largest, as SQLite would
   * choose them, given here so that the rows can be written many at a time.
   */
  private nextHouseholdId: number | null = null;
  private nextMeldingId: number | null = null;
  /** --replace: the reference (seq) each household keeps whose earlier melding's work is carried over */
  private carriedSeqs: Map<string, number> | null = null;
  private readonly households: BulkInsert;
  private readonly meldingen: BulkInsert;
  private readonly meldingOf: BulkInsert;
  private readonly skipped: BulkInsert;
  private readonly updateCategory: Database.Statement;
  private readonly touch: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    /** the gemeente of the session; null when the import makes it, so that nothing of it is stored yet */
    private readonly sessionGemeenteId: number | null,
  ) {
    this.households = new BulkInsert(db, 'households (id, postcode, huisnummer, toevoeging, gemeente_id)', 5);
    this.meldingen = new BulkInsert(
      db,
      'meldingen (id, month, month_index, seq, household_id, category, on_last_month, opeenvolgend, gemeente_id)',
      9,
      () => this.households.flush(),
    );
    this.meldingOf = new BulkInsert(db, 'temp.melding_of (household_key, melding_id)', 2);
    this.skipped = new BulkInsert(db, 'temp.skipped (line)', 1);
    this.updateCategory = db.prepare('UPDATE meldingen SET category = ? WHERE id = ?');
    this.touch = db.prepare('INSERT OR IGNORE INTO temp.touched_households (id) VALUES (?)');
  }

  async deleteMonth(month: Month, carried: ReadonlyArray<{ meldingId: number; householdKey: string }>): Promise<void> {
    const gemeente = this.sessionGemeenteId;
    if (gemeente === null) return; // a new gemeente has no list to replace
    // The households of the old list may lose their place in later months' history.
    this.db
      .prepare(
        'INSERT OR IGNORE INTO temp.touched_households (id) SELECT household_id FROM meldingen WHERE month = ? AND gemeente_id = ?',
      )
      .run(month, gemeente);
    // A signal the corrected list has again keeps the ID it may already have been delivered with.
    this.db
      .prepare(
        `INSERT OR IGNORE INTO temp.kept_ids (dedup_key, ddas_id)
         SELECT dedup_key, ddas_id FROM signals WHERE month = ? AND gemeente_id = ? AND ddas_id IS NOT NULL`,
      )
      .run(month, gemeente);
    this.db
      .prepare(
        `INSERT INTO temp.carried (old_melding_id, household_key, seq)
         SELECT j.value ->> 0, j.value ->> 1, m.seq FROM json_each(?) AS j JOIN meldingen m ON m.id = j.value ->> 0`,
      )
      .run(JSON.stringify(carried.map((c) => [c.meldingId, c.householdKey])));
    // Only this gemeente's list of the month goes; another gemeente's list of the month stays.
    const gone =
      'SELECT id FROM meldingen WHERE month = ? AND gemeente_id = ? AND id NOT IN (SELECT old_melding_id FROM temp.carried)';
    // Foreign keys are off during an import (see transaction), so nothing cascades: a later
    // melding that joined a case of this month that goes no longer belongs to one.
    this.db.prepare(`UPDATE decisions SET case_melding_id = NULL WHERE case_melding_id IN (${gone})`).run(month, gemeente);
    this.db.prepare('DELETE FROM signals WHERE month = ? AND gemeente_id = ?').run(month, gemeente);
    for (const dependant of ['decisions', 'contacts', 'results']) {
      this.db.prepare(`DELETE FROM ${dependant} WHERE melding_id IN (${gone})`).run(month, gemeente);
    }
    // Carried meldingen keep their reference: the new ones are numbered after the old list. And
    // new meldingen get ids no old one had, so that carrying work over never mistakes one for another.
    if (carried.length > 0) this.nextSeq.set(month, this.firstFreeSeq(month));
    this.nextMeldingId ??= this.nextId('meldingen');
    this.db.prepare('DELETE FROM meldingen WHERE month = ? AND gemeente_id = ?').run(month, gemeente);
    // A replaced list is triaged afresh; one whose work was carried keeps its triage, and a new
    // triage of the month places the households the new list added.
    if (carried.length === 0) this.db.prepare('DELETE FROM triage_runs WHERE month = ? AND gemeente_id = ?').run(month, gemeente);
  }

  async carryOver(): Promise<void> {
    const newId = `(SELECT o.melding_id FROM temp.carried c JOIN temp.melding_of o ON o.household_key = c.household_key
                    WHERE c.old_melding_id = %COLUMN%)`;
    const moved = 'SELECT old_melding_id FROM temp.carried';
    // Decisions first: whether an attempt counts for a case reads them (migration 7's triggers);
    // moving a decision renews the opgevolgd of its case (migration 10).
    this.db.prepare(`UPDATE decisions SET case_melding_id = ${newId.replace('%COLUMN%', 'decisions.case_melding_id')} WHERE case_melding_id IN (${moved})`).run();
    for (const dependant of ['decisions', 'contacts', 'results']) {
      this.db
        .prepare(`UPDATE ${dependant} SET melding_id = ${newId.replace('%COLUMN%', `${dependant}.melding_id`)} WHERE melding_id IN (${moved})`)
        .run();
    }
  }

  async recordImport(record: ImportRecord): Promise<void> {
    const result = this.db
      .prepare(
        `INSERT INTO imports (month, file_name, file_sha256, imported_at, replaced_month, gemeente_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(record.month, record.fileName, record.fileSha256, record.importedAt, record.replacedMonth ? 1 : 0, record.gemeenteId);
    this.importRecord = { id: Number(result.lastInsertRowid), month: record.month, gemeenteId: record.gemeenteId };
  }

  /**
   * Creates the households and meldingen the plans call for, and notes which melding receives
   * each household's new signals; the signals themselves are stored by `finishImport`.
   */
  async applyHouseholds(month: Month, plans: readonly HouseholdPlan[]): Promise<void> {
    if (this.importRecord === null) throw new Error('recordImport must come before applyHouseholds');
    const { gemeenteId } = this.importRecord;
    const index = monthIndex(month);
    this.laterMonths ??= this.db.prepare('SELECT 1 FROM meldingen WHERE month_index > ? LIMIT 1').get(index) !== undefined;
    this.nextHouseholdId ??= this.nextId('households');
    this.nextMeldingId ??= this.nextId('meldingen');
    let seq = this.nextSeq.get(month) ?? this.firstFreeSeq(month);
    // Only a replaced month that carries work over has any: read once, not looked up per row.
    this.carriedSeqs ??= new Map(this.db.prepare('SELECT household_key, seq FROM temp.carried').raw().all() as Array<[string, number]>);
    const carriedSeqs = this.carriedSeqs;
    for (const plan of plans) {
      const { melding } = plan;
      let meldingId: number;
      if (melding.kind === 'create') {
        let householdId = plan.householdId;
        if (householdId === null) {
          const address = addressOf(plan.householdKey);
          householdId = this.nextHouseholdId++;
          this.households.add(householdId, address.postcode, address.huisnummer, address.toevoeging, gemeenteId);
        }
        meldingId = this.nextMeldingId++;
        const kept = carriedSeqs.size === 0 ? undefined : carriedSeqs.get(plan.householdKey);
        this.meldingen.add(
          meldingId,
          month,
          index,
          kept ?? seq,
          householdId,
          melding.category,
          melding.flags.onLastMonth ? 1 : 0,
          melding.flags.opeenvolgend ? 1 : 0,
          gemeenteId,
        );
        if (kept === undefined) seq += 1;
        // Only a later month's history can change; the usual import is of the newest month.
        if (this.laterMonths) this.touch.run(householdId);
      } else {
        meldingId = melding.id;
        if (melding.kind === 'update' && melding.category !== melding.previousCategory) {
          this.updateCategory.run(melding.category, meldingId);
        }
      }
      if (plan.newLines.length > 0) this.meldingOf.add(plan.householdKey, meldingId);
      for (const duplicate of plan.duplicateLines) this.skipped.add(duplicate.line);
    }
    this.households.flush();
    this.meldingen.flush();
    this.meldingOf.flush();
    this.skipped.flush();
    this.nextSeq.set(month, seq);
  }

  private nextId(table: 'households' | 'meldingen'): number {
    return (this.db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number);
  }

  private firstFreeSeq(month: Month): number {
    const row = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM meldingen WHERE month = ?').get(month) as {
      seq: number;
    };
    return row.seq;
  }

  async refreshLaterFlags(month: Month): Promise<void> {
    refreshHistoryAfter(this.db, monthIndex(month), { sql: 'SELECT id FROM temp.touched_households', params: [] });
  }

  /** The staged kenmerken that a stored signal already has as its delivery ID. */
  /** A delivery is per gemeente: only the gemeente's own signals take an ID. */
  private noteTakenIds(gemeenteId: number): void {
    if (this.db.prepare('SELECT 1 FROM signals LIMIT 1').get() === undefined) return; // the first import
    this.db
      .prepare(
        `INSERT OR IGNORE INTO temp.taken_ids (ddas_id)
         SELECT s.signaal_id FROM temp.staged s
         WHERE s.signaal_id IS NOT NULL AND EXISTS (SELECT 1 FROM signals x WHERE x.ddas_id = s.signaal_id AND x.gemeente_id = ?)`,
      )
      .run(gemeenteId);
  }

  /**
   * Drops the deferred indexes of signals when the import adds more signals than the table holds
   * (the first import, say); returns the statements that build them again.
   */
  private deferSignalIndexes(adding: number): string[] {
    // max(id) reads one page; after deletions it overstates the count, which only defers less.
    const held = this.db.prepare('SELECT coalesce(max(id), 0) FROM signals').pluck().get() as number;
    if (adding <= held) return [];
    const rebuild: string[] = [];
    for (const name of DEFERRED_SIGNAL_INDEXES) {
      const sql = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined;
      if (sql === undefined) continue;
      this.db.exec(`DROP INDEX ${name}`);
      rebuild.push(sql);
    }
    return rebuild;
  }

  /** Stores the new signals, straight from staging in line order, and the import's counts. */
  async finishImport(counts: ImportCounts): Promise<void> {
    const record = this.importRecord;
    if (record === null) throw new Error('recordImport must come before finishImport');
    this.noteTakenIds(record.gemeenteId);
    const rebuild = this.deferSignalIndexes(counts.signalsNew);
    // Each signal's delivery ID is decided here, once (see migration 5): the ID the replaced list
    // gave the same signal; else the list's kenmerk, with the month appended when another signal
    // already has the kenmerk as its ID; else 'eropaf-', this import's number and the line.
    const stored = this.db
      .prepare(
        `INSERT INTO signals (melding_id, import_id, source_line, month, gemeente_id, ddas_id, ${SIGNAL_COLUMN_LIST})
         SELECT o.melding_id, @importId, s.line, @month, @gemeenteId,
                coalesce(k.ddas_id, CASE
                  WHEN s.signaal_id IS NULL THEN 'eropaf-' || @importId || '-' || s.line
                  WHEN s.signaal_id IN (SELECT ddas_id FROM temp.taken_ids) THEN s.signaal_id || '-' || @month
                  ELSE s.signaal_id
                END),
                ${SIGNAL_COLUMNS.map((c) => `s.${c}`).join(', ')}
         FROM temp.staged s CROSS JOIN temp.melding_of o ON o.household_key = s.household_key
         LEFT JOIN temp.kept_ids k ON k.dedup_key = s.dedup_key
         WHERE s.line NOT IN (SELECT line FROM temp.skipped)
         ORDER BY s.line`,
      )
      .run({ importId: record.id, month: record.month, gemeenteId: record.gemeenteId }).changes;
    if (stored !== counts.signalsNew) {
      throw new Error(`import bookkeeping: ${stored} signals stored, ${counts.signalsNew} planned`);
    }
    for (const sql of rebuild) this.db.exec(sql);
    this.db
      .prepare(
        `UPDATE imports SET rows_read = ?, signals_new = ?, signals_duplicate = ?, rows_rejected = ?
         WHERE id = ?`,
      )
      .run(counts.rowsRead, counts.signalsNew, counts.signalsDuplicate, counts.rowsRejected, record.id);
  }
}
