// Migration 5 gives every stored signal the delivery ID the export gave it before IDs were
// stored, so that deliveries already made stay valid: the kenmerk; the kenmerk and its month when
// the lists used the kenmerk in more than one month; 'eropaf-' and the signal's number without one.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-backfill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database at schema version 4, as the previous release left it, with signals in three months. */
function version4Database(file: string): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2022-01-01T00:00:00.000Z');
    }
    db.exec(`
      INSERT INTO imports (id, month, file_name, file_sha256, imported_at, replaced_month) VALUES
        (1, '2022-01', 'a.csv', 'x', '2022-01-05T10:00:00.000Z', 0),
        (2, '2022-02', 'b.csv', 'y', '2022-02-05T10:00:00.000Z', 0),
        (3, '2022-03', 'c.csv', 'z', '2022-03-05T10:00:00.000Z', 0);
      INSERT INTO households (id, postcode, huisnummer, toevoeging) VALUES (1, '2101AB', '12', ''), (2, '2102CD', '7', 'A');
      INSERT INTO meldingen (id, month, month_index, seq, household_id, category, on_last_month, opeenvolgend) VALUES
        (1, '2022-01', 24264, 1, 1, 'enkelvoudig', 0, 0),
        (2, '2022-02', 24265, 1, 1, 'enkelvoudig', 1, 1),
        (3, '2022-03', 24266, 1, 2, 'meervoudig', 0, 0);
    `);
    const signal = db.prepare(
      `INSERT INTO signals (id, melding_id, import_id, source_line, month, dedup_key, organisation_key, signaal_id, signaaldatum,
         signaalpartner, bedrag_cents, crisissignaal, warme_overdracht, leeftijdsgroep)
       VALUES (?, ?, ?, 2, ?, ?, 'type:Huur', ?, ?, 'Huur', 1000, 0, 0, 'onbekend')`,
    );
    signal.run(11, 1, 1, '2022-01', 'id:K1', 'K1', '2022-01-03');
    signal.run(12, 2, 2, '2022-02', 'id:K1', 'K1', '2022-02-03'); // K1 again: both get their month
    signal.run(13, 2, 2, '2022-02', 'id:K2', 'K2', '2022-02-04'); // used once: kept as it is
    signal.run(14, 3, 3, '2022-03', 'row:a', null, '2022-03-04'); // no kenmerk
    signal.run(15, 3, 3, '2022-03', 'gewist:15', null, '2022-03-05'); // purged: its kenmerk is gone
  } finally {
    db.close();
  }
}

describe('migration 5', () => {
  it('stores for each signal exactly the ID the export gave it until now', () => {
    const file = path.join(dir, 'v4.db');
    version4Database(file);
    SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => '2022-04-01T00:00:00.000Z' }).close();
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT id, ddas_id FROM signals ORDER BY id').all();
      expect(rows).toEqual([
        { id: 11, ddas_id: 'K1-2022-01' },
        { id: 12, ddas_id: 'K1-2022-02' },
        { id: 13, ddas_id: 'K2' },
        { id: 14, ddas_id: 'eropaf-14' },
        { id: 15, ddas_id: 'eropaf-15' },
      ]);
      expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBeGreaterThanOrEqual(5);
    } finally {
      db.close();
    }
  });
});
