// Schema migrations: recorded once each, never re-run, an old database is brought up to date
// (but not by a read-only open), and a database from a newer eropaf is refused.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-migrations-'));
  file = path.join(dir, 'eropaf.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(now: string, readonly = false): SqliteStore {
  return SqliteStore.open(file, { readonly, busyTimeoutMs: 1000, now: () => now });
}

function migrationRows(): Array<{ version: number; name: string; applied_at: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as Array<{
      version: number;
      name: string;
      applied_at: string;
    }>;
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('are all recorded, with name and time, when a database is created', () => {
    open('2022-01-01T00:00:00.000Z').close();
    expect(migrationRows()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2022-01-01T00:00:00.000Z' })),
    );
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('are not run again by a second open, which keeps the data', async () => {
    const first = open('2022-01-01T00:00:00.000Z');
    await first.transaction(() => first.addWorker({ name: 'Anna de Vries', capacity: 17, createdAt: 'x' }));
    await first.transaction(() => first.setSetting('triage.drempel', '€ 10,00'));
    first.close();
    const before = migrationRows();

    const second = open('2023-06-06T00:00:00.000Z');
    expect(await second.workers()).toEqual([{ id: 1, name: 'Anna de Vries', capacity: 17, active: true }]);
    expect(await second.settings()).toEqual(new Map([['triage.drempel', '€ 10,00']]));
    second.close();
    expect(migrationRows()).toEqual(before);
  });

  it('bring a database of an older version up to date, keeping its rows', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2021-05-01T00:00:00.000Z');
    db.prepare("INSERT INTO households (postcode, huisnummer, toevoeging) VALUES ('2101AA', '1', '')").run();
    db.close();

    // A read-only open (a dry run) works on a migrated copy and leaves the file as it was.
    const bytes = fs.readFileSync(file);
    const readonly = open('2022-02-02T00:00:00.000Z', true);
    expect(await readonly.workers()).toEqual([]);
    expect(await readonly.monthOverview()).toEqual([]);
    readonly.close();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(migrationRows().map((r) => r.version)).toEqual([1]);

    open('2022-03-03T00:00:00.000Z').close();
    const rows = migrationRows();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(rows[0]!.applied_at).toBe('2021-05-01T00:00:00.000Z');
    expect(rows.slice(1).every((r) => r.applied_at === '2022-03-03T00:00:00.000Z')).toBe(true);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM households').pluck().get()).toBe(1);
    check.close();
  });

  // KNOWN BUG (src/store/sqlite/open.ts, openForReading): every database eropaf writes is in WAL
  // mode, and SQLite cannot deserialise a WAL-mode image into memory (SQLITE_CANTOPEN), so a
  // read-only command (months, worklist, triage --dry-run, …) on a database of an older schema
  // version fails with exit 3 until some writing command has migrated it. Fix: set bytes 18 and
  // 19 of the serialised image to 1 (rollback journal) before `new Database(image)`.
  // Turn this into it(…) once open.ts is fixed.
  it('can be read (dry run) in an older database that is in WAL mode', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, '2021-05-01T00:00:00.000Z');
    db.close();
    const readonly = open('2022-02-02T00:00:00.000Z', true);
    try {
      expect(await readonly.monthOverview()).toEqual([]);
    } finally {
      readonly.close();
    }
    expect(migrationRows().map((r) => r.version)).toEqual([1]);
  });

  it('refuse a database from a newer eropaf, and leave it alone', () => {
    open('2022-01-01T00:00:00.000Z').close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'van de toekomst', 'x')").run(SCHEMA_VERSION + 1);
    db.close();
    const bytes = fs.readFileSync(file);
    for (const readonly of [false, true]) {
      expect(() => open('2022-01-02T00:00:00.000Z', readonly)).toThrow(EnvironmentError);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('do not create a database on a read-only open', async () => {
    const store = open('2022-01-01T00:00:00.000Z', true);
    expect(await store.workers()).toEqual([]);
    store.close();
    expect(fs.existsSync(file)).toBe(false);
  });
});
