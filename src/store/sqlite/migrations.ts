import type Database from 'better-sqlite3';
import { EnvironmentError } from '../../core/errors.js';

// Numbered schema migrations. Each runs in its own transaction together with the row that
// records it, so a database is always at exactly one version. Never edit a released migration:
// add the next number.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'imports, households, meldingen, signals',
    sql: `
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        replaced_month INTEGER NOT NULL CHECK (replaced_month IN (0, 1)),
        rows_read INTEGER NOT NULL DEFAULT 0,
        signals_new INTEGER NOT NULL DEFAULT 0,
        signals_duplicate INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX imports_by_sha256 ON imports (file_sha256);

      CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        postcode TEXT NOT NULL,
        huisnummer TEXT NOT NULL,
        toevoeging TEXT NOT NULL,
        UNIQUE (postcode, huisnummer, toevoeging)
      ) STRICT;

      CREATE TABLE meldingen (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        month_index INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        household_id INTEGER NOT NULL REFERENCES households (id),
        category TEXT NOT NULL CHECK (category IN ('enkelvoudig', 'meervoudig')),
        on_last_month INTEGER NOT NULL CHECK (on_last_month IN (0, 1)),
        opeenvolgend INTEGER NOT NULL CHECK (opeenvolgend IN (0, 1)),
        UNIQUE (month, household_id),
        UNIQUE (month, seq)
      ) STRICT;
      CREATE INDEX meldingen_by_household ON meldingen (household_id, month_index);

      CREATE TABLE signals (
        id INTEGER PRIMARY KEY,
        melding_id INTEGER NOT NULL REFERENCES meldingen (id) ON DELETE CASCADE,
        import_id INTEGER NOT NULL REFERENCES imports (id),
        source_line INTEGER NOT NULL,
        month TEXT NOT NULL,
        dedup_key TEXT NOT NULL,
        organisation_key TEXT NOT NULL,
        signaal_id TEXT,
        signaaldatum TEXT NOT NULL,
        ontstaansdatum TEXT,
        signaalpartner TEXT NOT NULL,
        schuldeiser TEXT,
        bedrag_cents INTEGER NOT NULL CHECK (bedrag_cents >= 0),
        crisissignaal INTEGER NOT NULL CHECK (crisissignaal IN (0, 1)),
        warme_overdracht INTEGER NOT NULL CHECK (warme_overdracht IN (0, 1)),
        bsn TEXT,
        voorletters TEXT,
        voorvoegsel TEXT,
        achternaam TEXT,
        naam TEXT,
        geboortedatum TEXT,
        geslacht TEXT,
        straatnaam TEXT,
        plaatsnaam TEXT,
        telefoon TEXT,
        email TEXT,
        UNIQUE (month, dedup_key)
      ) STRICT;
      CREATE INDEX signals_by_melding ON signals (melding_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

const MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`;

export function currentVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/** Refuses a database from a newer eropaf: its schema may mean things this version cannot know. */
export function assertNotNewer(db: Database.Database, file: string): void {
  const version = currentVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new EnvironmentError(
      `De database ${file} is gemaakt door een nieuwere versie van eropaf (schemaversie ${version}; deze versie kent tot en met ${SCHEMA_VERSION}).`,
      { hint: 'Werk eropaf bij naar de nieuwste versie (git pull en npm install) en probeer het opnieuw.' },
    );
  }
}

export function migrate(db: Database.Database, now: () => string): void {
  db.exec(MIGRATIONS_TABLE);
  const version = currentVersion(db);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    }).immediate();
  }
}
