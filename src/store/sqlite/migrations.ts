import type Database from 'better-sqlite3';
import { EnvironmentError } from '../../core/errors.js';
import { GEMEENTEN_SQL, scopeSignalIdentityToGemeente } from './migration-gemeenten.js';

// Numbered schema migrations. Each runs in its own transaction together with the row that
// records it, so a database is always at exactly one version. Never edit a released migration:
// add the next number.

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What SQL alone cannot do, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

// Part of migration 4 (never edit). Whether a melding is 'opgevolgd' restates core/followup.ts
// isOpgevolgd: at least one contact attempt, or a result other than the three 'Niet opgepakt'
// values; a test holds the two to the same answers.
const COUNTS_AS_FOLLOW_UP = (resultaat: string): string => `${resultaat} NOT LIKE 'Niet opgepakt:%'`;
const RENEW_OPGEVOLGD = `
        UPDATE meldingen SET opgevolgd = (
          EXISTS (SELECT 1 FROM contacts c WHERE c.melding_id = meldingen.id)
          OR coalesce((SELECT ${COUNTS_AS_FOLLOW_UP('r.resultaat')} FROM results r WHERE r.melding_id = meldingen.id), 0)
        )`;

// Part of migration 7 (never edit). A melding that joined a case in progress (rule 'lopend')
// points at the case's first melding (decisions.case_melding_id); the case is that melding and
// every melding pointing at it. Whether a melding is opgevolgd restates core/followup.ts
// isOpgevolgdInCase: isOpgevolgd of its own, or an attempt on any melding of its case dated on
// or after the first day of its own list month; a test holds the two to the same answers.
const CASE_ROOT = (melding: string): string =>
  `coalesce((SELECT case_melding_id FROM decisions WHERE melding_id = ${melding}), ${melding})`;
const CASE_MEMBERS = (melding: string): string =>
  `SELECT ${CASE_ROOT(melding)} UNION SELECT melding_id FROM decisions WHERE case_melding_id = ${CASE_ROOT(melding)}`;
const RENEW_OPGEVOLGD_IN_CASE = `
        UPDATE meldingen SET opgevolgd = (
          EXISTS (SELECT 1 FROM contacts c WHERE c.melding_id = meldingen.id)
          OR coalesce((SELECT ${COUNTS_AS_FOLLOW_UP('r.resultaat')} FROM results r WHERE r.melding_id = meldingen.id), 0)
          OR EXISTS (
            SELECT 1 FROM contacts c
            WHERE c.melding_id IN (${CASE_MEMBERS('meldingen.id')}) AND c.datum >= meldingen.month || '-01'
          )
        )`;

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

      -- A purged household loses its house number (personal data) and can no longer be found by
      -- address: a later signal for that address starts a new household.
      CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        postcode TEXT NOT NULL,
        huisnummer TEXT,
        toevoeging TEXT,
        purged_at TEXT,
        CHECK ((purged_at IS NULL) = (huisnummer IS NOT NULL AND toevoeging IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX households_by_address ON households (postcode, huisnummer, toevoeging)
        WHERE purged_at IS NULL;

      CREATE TABLE meldingen (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        month_index INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        household_id INTEGER NOT NULL REFERENCES households (id),
        category TEXT NOT NULL CHECK (category IN ('enkelvoudig', 'meervoudig')),
        on_last_month INTEGER NOT NULL CHECK (on_last_month IN (0, 1)),
        opeenvolgend INTEGER NOT NULL CHECK (opeenvolgend IN (0, 1)),
        purged_at TEXT,
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
        -- kept when personal data is purged, for the age figures
        leeftijdsgroep TEXT NOT NULL,
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
  {
    version: 2,
    name: 'settings, workers, triage, follow-up',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE workers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      -- One row per triaged month: the capacity and configuration that decided it.
      CREATE TABLE triage_runs (
        month TEXT PRIMARY KEY,
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        capacity_overridden INTEGER NOT NULL CHECK (capacity_overridden IN (0, 1)),
        config TEXT NOT NULL,
        triaged_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE decisions (
        melding_id INTEGER PRIMARY KEY REFERENCES meldingen (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('altijd', 'capaciteit', 'niet-opgepakt', 'uitgesteld')),
        rule TEXT NOT NULL,
        reason TEXT NOT NULL,
        place INTEGER,
        worker_id INTEGER REFERENCES workers (id),
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_by_worker ON decisions (worker_id);

      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        melding_id INTEGER NOT NULL REFERENCES meldingen (id) ON DELETE CASCADE,
        soort TEXT NOT NULL,
        bereikt INTEGER NOT NULL CHECK (bereikt IN (0, 1)),
        datum TEXT NOT NULL,
        dagdeel TEXT CHECK (dagdeel IN ('Ochtend', 'Middag', 'Avond')),
        notitie TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_melding ON contacts (melding_id);

      -- source: 'medewerker' (recorded by a worker), 'triage' (not picked up at triage; decided
      -- afresh when the month is triaged again), 'sluiting' (a deferred melding closed as not
      -- picked up by the next month's triage; a returning household goes on in its new melding).
      CREATE TABLE results (
        melding_id INTEGER PRIMARY KEY REFERENCES meldingen (id) ON DELETE CASCADE,
        resultaat TEXT NOT NULL,
        referred_to TEXT,
        closed_on TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('medewerker', 'triage', 'sluiting')),
        recorded_at TEXT NOT NULL
      ) STRICT;

      -- The follow-up state of every melding, defined once for every report. 'opgevolgd'
      -- restates core/followup.ts isOpgevolgd (at least one contact attempt, or a result other
      -- than the three 'Niet opgepakt' values) so reports can count in SQL; a test holds the two
      -- to the same answers. 'open': picked, not followed up, no result yet. 'uitgesteld':
      -- deferred and still waiting (the next month's triage closes it).
      CREATE VIEW melding_status AS
        SELECT
          base.*,
          coalesce(decision IN ('altijd', 'capaciteit') AND opgevolgd = 0 AND resultaat IS NULL, 0) AS open,
          coalesce(decision = 'uitgesteld' AND opgevolgd = 0 AND resultaat IS NULL, 0) AS uitgesteld
        FROM (
          SELECT
            m.id AS melding_id,
            m.month,
            m.category,
            d.kind AS decision,
            d.worker_id,
            (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contact_count,
            r.resultaat,
            r.source AS result_source,
            CASE
              WHEN EXISTS (SELECT 1 FROM contacts c WHERE c.melding_id = m.id) THEN 1
              WHEN r.resultaat IS NOT NULL AND r.resultaat NOT LIKE 'Niet opgepakt:%' THEN 1
              ELSE 0
            END AS opgevolgd
          FROM meldingen m
          LEFT JOIN decisions d ON d.melding_id = m.id
          LEFT JOIN results r ON r.melding_id = m.id
        ) AS base;
    `,
  },
  {
    version: 3,
    name: 'audit trail, deliveries',
    sql: `
      -- Who changed what, when: never personal data, never removed by purge.
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL,
        command TEXT NOT NULL,
        options TEXT NOT NULL,
        counts TEXT NOT NULL,
        input_sha256 TEXT
      ) STRICT;

      -- National deliveries made, so purge can warn about a period that was never delivered.
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        delivered_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'opgevolgd kept per melding',
    sql: `
      -- A report over ten years counts half a million meldingen, and melding_status looked in
      -- contacts for each of them: seconds. So each melding keeps whether it is opgevolgd, the
      -- triggers below renew that whenever one of its contacts or results changes, and the index
      -- lets a report count meldingen per month and category without reading them. A result
      -- that says 'Niet opgepakt' cannot make a melding opgevolgd, so the results triage writes
      -- (thousands a month) leave the triggers alone.
      ALTER TABLE meldingen ADD COLUMN opgevolgd INTEGER NOT NULL DEFAULT 0 CHECK (opgevolgd IN (0, 1));
      ${RENEW_OPGEVOLGD};
      CREATE INDEX meldingen_by_month ON meldingen (month, category, opgevolgd);

      CREATE TRIGGER contacts_inserted_renew_opgevolgd AFTER INSERT ON contacts BEGIN
        ${RENEW_OPGEVOLGD} WHERE id = NEW.melding_id;
      END;
      CREATE TRIGGER contacts_moved_renew_opgevolgd AFTER UPDATE OF melding_id ON contacts BEGIN
        ${RENEW_OPGEVOLGD} WHERE id IN (OLD.melding_id, NEW.melding_id);
      END;
      CREATE TRIGGER contacts_deleted_renew_opgevolgd AFTER DELETE ON contacts BEGIN
        ${RENEW_OPGEVOLGD} WHERE id = OLD.melding_id;
      END;
      CREATE TRIGGER results_inserted_renew_opgevolgd AFTER INSERT ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('NEW.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD} WHERE id = NEW.melding_id;
      END;
      CREATE TRIGGER results_updated_renew_opgevolgd AFTER UPDATE OF melding_id, resultaat ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('OLD.resultaat')} OR ${COUNTS_AS_FOLLOW_UP('NEW.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD} WHERE id IN (OLD.melding_id, NEW.melding_id);
      END;
      CREATE TRIGGER results_deleted_renew_opgevolgd AFTER DELETE ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('OLD.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD} WHERE id = OLD.melding_id;
      END;

      -- The follow-up state of every melding, defined once for every report, as in migration 2
      -- but with 'opgevolgd' read from the melding instead of looked up in contacts. 'open':
      -- picked, not followed up, no result yet. 'uitgesteld': deferred and still waiting (the
      -- next month's triage closes it).
      DROP VIEW melding_status;
      CREATE VIEW melding_status AS
        SELECT
          m.id AS melding_id,
          m.month,
          m.category,
          d.kind AS decision,
          d.worker_id,
          (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contact_count,
          r.resultaat,
          r.source AS result_source,
          m.opgevolgd,
          coalesce(d.kind IN ('altijd', 'capaciteit') AND m.opgevolgd = 0 AND r.resultaat IS NULL, 0) AS open,
          coalesce(d.kind = 'uitgesteld' AND m.opgevolgd = 0 AND r.resultaat IS NULL, 0) AS uitgesteld
        FROM meldingen m
        LEFT JOIN decisions d ON d.melding_id = m.id
        LEFT JOIN results r ON r.melding_id = m.id;
    `,
  },
  {
    version: 5,
    name: 'delivery IDs kept per signal, deliveries described',
    sql: `
      -- The ID of each signal in the national delivery, decided once when the signal is stored
      -- (store/sqlite/import-session.ts) and never changed after: CBS links deliveries by it.
      -- Existing signals get exactly the ID the export gave them until now, so deliveries already
      -- made stay valid: the list's kenmerk, with the month appended when the kenmerk is used in
      -- more than one month, or 'eropaf-' and the signal's own number. Purge keeps it.
      ALTER TABLE signals ADD COLUMN ddas_id TEXT;
      UPDATE signals SET ddas_id = CASE
        WHEN signaal_id IS NULL THEN 'eropaf-' || id
        WHEN signaal_id IN (SELECT signaal_id FROM signals WHERE signaal_id IS NOT NULL
                            GROUP BY signaal_id HAVING count(DISTINCT month) > 1) THEN signaal_id || '-' || month
        ELSE signaal_id
      END;
      CREATE INDEX signals_by_ddas_id ON signals (ddas_id);

      -- What each delivery held, so that a result recorded later shows the period has changed.
      ALTER TABLE deliveries ADD COLUMN gemeentecode TEXT;
      ALTER TABLE deliveries ADD COLUMN vroegsignalen INTEGER;
      ALTER TABLE deliveries ADD COLUMN vroegsignaalzaken INTEGER;
      ALTER TABLE deliveries ADD COLUMN parts INTEGER;
      ALTER TABLE deliveries ADD COLUMN content_sha256 TEXT;
    `,
  },
  {
    version: 6,
    name: 'time of a contact attempt',
    sql: `
      -- An attempt is identified by its melding, date, time and kind (reading a corrected
      -- worklist corrects it rather than adding one), so the clock time a worker typed is kept;
      -- NULL when only a date (and maybe a part of day) was given.
      ALTER TABLE contacts ADD COLUMN tijd TEXT CHECK (tijd IS NULL OR tijd GLOB '[0-2][0-9]:[0-5][0-9]');
    `,
  },
  {
    version: 7,
    name: 'a new melding joins the household\'s case in progress',
    sql: `
      -- A new melding of a household whose earlier melding is assigned and not closed joins that
      -- case (rule 'lopend'): it points at the case's first melding. Every existing decision
      -- points nowhere, so the opgevolgd column needs no renewal here; the triggers of migration
      -- 4 are replaced by ones that also renew the other meldingen of a case.
      ALTER TABLE decisions ADD COLUMN case_melding_id INTEGER REFERENCES meldingen (id) ON DELETE SET NULL;
      CREATE INDEX decisions_by_case ON decisions (case_melding_id) WHERE case_melding_id IS NOT NULL;

      DROP TRIGGER contacts_inserted_renew_opgevolgd;
      DROP TRIGGER contacts_moved_renew_opgevolgd;
      DROP TRIGGER contacts_deleted_renew_opgevolgd;
      DROP TRIGGER results_inserted_renew_opgevolgd;
      DROP TRIGGER results_updated_renew_opgevolgd;
      DROP TRIGGER results_deleted_renew_opgevolgd;

      CREATE TRIGGER contacts_inserted_renew_opgevolgd AFTER INSERT ON contacts BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (${CASE_MEMBERS('NEW.melding_id')});
      END;
      CREATE TRIGGER contacts_moved_renew_opgevolgd AFTER UPDATE OF melding_id, datum ON contacts BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (${CASE_MEMBERS('OLD.melding_id')}) OR id IN (${CASE_MEMBERS('NEW.melding_id')});
      END;
      CREATE TRIGGER contacts_deleted_renew_opgevolgd AFTER DELETE ON contacts BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (${CASE_MEMBERS('OLD.melding_id')});
      END;
      CREATE TRIGGER results_inserted_renew_opgevolgd AFTER INSERT ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('NEW.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id = NEW.melding_id;
      END;
      CREATE TRIGGER results_updated_renew_opgevolgd AFTER UPDATE OF melding_id, resultaat ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('OLD.resultaat')} OR ${COUNTS_AS_FOLLOW_UP('NEW.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (OLD.melding_id, NEW.melding_id);
      END;
      CREATE TRIGGER results_deleted_renew_opgevolgd AFTER DELETE ON results
      WHEN ${COUNTS_AS_FOLLOW_UP('OLD.resultaat')} BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id = OLD.melding_id;
      END;

      -- Joining or leaving a case changes which attempts count. The triage writes thousands of
      -- decisions a month; only those that point at a case wake these triggers.
      CREATE TRIGGER decisions_inserted_renew_opgevolgd AFTER INSERT ON decisions
      WHEN NEW.case_melding_id IS NOT NULL BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (${CASE_MEMBERS('NEW.melding_id')});
      END;
      CREATE TRIGGER decisions_case_changed_renew_opgevolgd AFTER UPDATE OF case_melding_id ON decisions
      WHEN OLD.case_melding_id IS NOT NEW.case_melding_id BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE}
        WHERE id = OLD.melding_id OR id IN (${CASE_MEMBERS('OLD.case_melding_id')}) OR id IN (${CASE_MEMBERS('NEW.melding_id')});
      END;
      CREATE TRIGGER decisions_deleted_renew_opgevolgd AFTER DELETE ON decisions
      WHEN OLD.case_melding_id IS NOT NULL BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id = OLD.melding_id OR id IN (${CASE_MEMBERS('OLD.case_melding_id')});
      END;

      -- As in migration 4, with the case: a melding that joined a case is no longer open once
      -- the case is closed; it went with the case.
      DROP VIEW melding_status;
      CREATE VIEW melding_status AS
        SELECT
          m.id AS melding_id,
          m.month,
          m.category,
          d.kind AS decision,
          d.worker_id,
          (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contact_count,
          r.resultaat,
          r.source AS result_source,
          m.opgevolgd,
          coalesce(
            d.kind IN ('altijd', 'capaciteit') AND m.opgevolgd = 0 AND r.resultaat IS NULL
            AND NOT EXISTS (SELECT 1 FROM results cr WHERE cr.melding_id = d.case_melding_id),
            0
          ) AS open,
          coalesce(d.kind = 'uitgesteld' AND m.opgevolgd = 0 AND r.resultaat IS NULL, 0) AS uitgesteld,
          d.case_melding_id
        FROM meldingen m
        LEFT JOIN decisions d ON d.melding_id = m.id
        LEFT JOIN results r ON r.melding_id = m.id;
    `,
  },
  {
    version: 8,
    name: 'accounts, sessions, login attempts',
    sql: `
      -- Who may sign in to the web app. Only a scrypt hash of the password is kept, with its
      -- salt and parameters. A medewerker's account may be tied to a worker: their worklist.
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('coordinator', 'medewerker')),
        worker_id INTEGER REFERENCES workers (id),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        locked_until TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Signed-in browsers. The cookie holds a random id; only its SHA-256 is stored, so a copy
      -- of the database cannot be used to take over a session.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_account ON sessions (account_id);

      -- Wrong passwords per account, for the lock-out; cleared by a good sign-in or a lock.
      CREATE TABLE login_attempts (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX login_attempts_by_account ON login_attempts (account_id, at);

      -- The web app's changes are audited with the account that made them.
      ALTER TABLE audit ADD COLUMN account TEXT;
    `,
  },
  {
    version: 9,
    name: 'several gemeenten in one database',
    sql: GEMEENTEN_SQL,
    run: scopeSignalIdentityToGemeente,
  },
  {
    version: 10,
    name: 'moving a decision to another melding renews opgevolgd of its case',
    sql: `
      -- import --replace carries a household's decision over to its melding on the new list. A
      -- melding that joined a case is opgevolgd through the case's attempts, so the move must
      -- renew it as joining does (migration 7 woke no trigger for it).
      CREATE TRIGGER decisions_moved_renew_opgevolgd AFTER UPDATE OF melding_id ON decisions
      WHEN OLD.melding_id IS NOT NEW.melding_id AND NEW.case_melding_id IS NOT NULL BEGIN
        ${RENEW_OPGEVOLGD_IN_CASE} WHERE id IN (${CASE_MEMBERS('NEW.melding_id')});
      END;
    `,
  },
  {
    version: 11,
    name: 'the imports of a melding read from the index',
    sql: `
      -- When a melding was listed (its first import, store/sqlite/listed-at.ts) is asked for
      -- every open melding by the month overview and the worklist; with the import in the index
      -- that is answered without reading each signal's row (personal data, wide). Same name, so
      -- that a large import still drops and rebuilds it (store/sqlite/import-session.ts).
      DROP INDEX signals_by_melding;
      CREATE INDEX signals_by_melding ON signals (melding_id, import_id);
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
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    // The version is read again under the write lock: two eropafs opening a new database at
    // the same moment must not both apply the same migration.
    db.transaction(() => {
      if (currentVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      migration.run?.(db);
      record.run(migration.version, migration.name, now());
    }).immediate();
  }
}
