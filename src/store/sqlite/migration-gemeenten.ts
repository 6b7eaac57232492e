import type Database from 'better-sqlite3';

// Migration 9 (never edit once released): several gemeenten in one database. Each list, and so
// each household, melding and signal, belongs to one gemeente; a kenmerk identifies a signal
// within its gemeente's month only, and a household is an address within its gemeente. A
// database that already holds lists keeps them under one gemeente without code and name
// (`eropaf gemeenten set` gives them). The gemeente columns are added by ALTER TABLE, which
// cannot make a column with a REFERENCES clause NOT NULL: eropaf always fills them.

export const GEMEENTEN_SQL = `
  CREATE TABLE gemeenten (
    id INTEGER PRIMARY KEY,
    code TEXT UNIQUE CHECK (code IS NULL OR (length(code) = 4 AND code GLOB '[0-9][0-9][0-9][0-9]')),
    name TEXT UNIQUE COLLATE NOCASE,
    CHECK ((code IS NULL) = (name IS NULL))
  ) STRICT;
  INSERT INTO gemeenten (id, code, name)
    SELECT 1, NULL, NULL WHERE EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM households);

  ALTER TABLE imports ADD COLUMN gemeente_id INTEGER REFERENCES gemeenten (id);
  UPDATE imports SET gemeente_id = 1;

  ALTER TABLE households ADD COLUMN gemeente_id INTEGER REFERENCES gemeenten (id);
  UPDATE households SET gemeente_id = 1;
  DROP INDEX households_by_address;
  CREATE UNIQUE INDEX households_by_address ON households (postcode, huisnummer, toevoeging, gemeente_id)
    WHERE purged_at IS NULL;

  ALTER TABLE meldingen ADD COLUMN gemeente_id INTEGER REFERENCES gemeenten (id);
  UPDATE meldingen SET gemeente_id = 1;
  CREATE INDEX meldingen_by_gemeente ON meldingen (gemeente_id, month, category, opgevolgd);

  ALTER TABLE signals ADD COLUMN gemeente_id INTEGER REFERENCES gemeenten (id);
  UPDATE signals SET gemeente_id = 1;

  -- A month is triaged per gemeente (or all of them together, one row each).
  CREATE TABLE triage_runs_per_gemeente (
    month TEXT NOT NULL,
    gemeente_id INTEGER NOT NULL REFERENCES gemeenten (id),
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    capacity_overridden INTEGER NOT NULL CHECK (capacity_overridden IN (0, 1)),
    config TEXT NOT NULL,
    triaged_at TEXT NOT NULL,
    PRIMARY KEY (month, gemeente_id)
  ) STRICT;
  INSERT INTO triage_runs_per_gemeente (month, gemeente_id, capacity, capacity_overridden, config, triaged_at)
    SELECT month, 1, capacity, capacity_overridden, config, triaged_at FROM triage_runs;
  DROP TABLE triage_runs;
  ALTER TABLE triage_runs_per_gemeente RENAME TO triage_runs;
`;

const MONTH_UNIQUE = 'UNIQUE (month, dedup_key)';

/**
 * A signal was unique per (month, dedup_key); now per (month, dedup_key, gemeente). SQLite
 * cannot change a table's constraint, so the signals table is rebuilt from its own stored
 * definition, whatever columns, indexes and triggers other migrations gave it. The month stays
 * the first column of the constraint's index: reports and the import find a month's signals by it.
 */
export function scopeSignalIdentityToGemeente(db: Database.Database): void {
  const definition = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'signals'").pluck().get() as string;
  if (!definition.includes(MONTH_UNIQUE)) throw new Error('migration 9: signals has no UNIQUE (month, dedup_key)');
  const dependants = db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'signals' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
  db.exec(
    definition
      .replace(/^CREATE TABLE "?signals"?/, 'CREATE TABLE signals_rebuilt')
      .replace(MONTH_UNIQUE, 'UNIQUE (month, dedup_key, gemeente_id)'),
  );
  db.exec('INSERT INTO signals_rebuilt SELECT * FROM signals ORDER BY id');
  db.exec('DROP TABLE signals');
  db.exec('ALTER TABLE signals_rebuilt RENAME TO signals');
  for (const sql of dependants) db.exec(sql);
}
