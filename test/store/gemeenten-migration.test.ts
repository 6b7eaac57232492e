// The migration that lets one database hold several gemeenten: a database made before it keeps
// its lists, households, meldingen, signals and triage runs under one gemeente without code and
// name, loses nothing (not the delivery IDs another migration added to signals, nor the signals'
// indexes), and from then on a kenmerk is unique per gemeente and month instead of per month.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-gemeenten-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const GEMEENTEN_VERSION = MIGRATIONS.find((m) => m.name === 'several gemeenten in one database')!.version;

/** A database at the schema version before gemeenten, with one month triaged. */
function previousVersionDatabase(file: string): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    for (const migration of MIGRATIONS.filter((m) => m.version < GEMEENTEN_VERSION)) {
      db.exec(migration.sql);
      migration.run?.(db);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2022-01-01T00:00:00.000Z');
    }
    db.exec(`
      INSERT INTO imports (id, month, file_name, file_sha256, imported_at, replaced_month) VALUES
        (1, '2022-01', 'a.csv', 'x', '2022-01-05T10:00:00.000Z', 0);
      INSERT INTO households (id, postcode, huisnummer, toevoeging) VALUES (1, '2101AB', '12', ''), (2, '2102CD', '7', 'A');
      INSERT INTO meldingen (id, month, month_index, seq, household_id, category, on_last_month, opeenvolgend) VALUES
        (1, '2022-01', 24264, 1, 1, 'enkelvoudig', 0, 0),
        (2, '2022-01', 24264, 2, 2, 'meervoudig', 0, 0);
      INSERT INTO workers (id, name, capacity, created_at) VALUES (1, 'Anna de Vries', 10, 'x');
      INSERT INTO triage_runs (month, capacity, capacity_overridden, config, triaged_at) VALUES ('2022-01', 10, 0, '{}', '2022-01-06T10:00:00.000Z');
      INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, decided_at) VALUES
        (1, 'capaciteit', 'prioriteit', 'r', 1, 1, 'x'), (2, 'altijd', 'meervoudig', 'r', NULL, 1, 'x');
      INSERT INTO contacts (melding_id, soort, bereikt, datum, recorded_at) VALUES (2, 'Telefoon', 1, '2022-01-10', 'x');
    `);
    const signal = db.prepare(
      `INSERT INTO signals (id, melding_id, import_id, source_line, month, dedup_key, organisation_key, signaal_id, signaaldatum,
         signaalpartner, bedrag_cents, crisissignaal, warme_overdracht, leeftijdsgroep)
       VALUES (?, ?, 1, ?, '2022-01', ?, ?, ?, '2022-01-03', 'Huur', 1000, 0, 0, '27-44')`,
    );
    signal.run(11, 1, 2, 'id:K1', 'type:Huur', 'K1');
    signal.run(12, 2, 3, 'id:K2', 'org:a', 'K2');
    signal.run(13, 2, 4, 'id:K3', 'org:b', 'K3');
  } finally {
    db.close();
  }
}

function openStore(file: string): SqliteStore {
  return SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => '2022-04-01T00:00:00.000Z' });
}

describe('the gemeenten migration', () => {
  const file = path.join(dir, 'old.db');
  previousVersionDatabase(file);
  const before = new Database(file, { readonly: true });
  const signalsBefore = before.prepare('SELECT * FROM signals ORDER BY id').all();
  const indexesBefore = before.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signals' AND sql IS NOT NULL ORDER BY name").pluck().all();
  before.close();

  it('keeps every list under one gemeente without code and name, and the reports as they were', async () => {
    const store = openStore(file);
    try {
      expect(await store.gemeenten()).toEqual([{ id: 1, code: null, name: null }]);
      const period = { from: '2022-01', to: '2022-01' };
      const all = await store.followUpCounts(period);
      expect(all).toEqual([
        { month: '2022-01', enkelvoudig: { received: 1, followedUp: 0 }, meervoudig: { received: 1, followedUp: 1 } },
      ]);
      expect(await store.followUpCounts(period, 1)).toEqual(all);
      expect(await store.triageRun('2022-01')).toMatchObject({ capacity: 10 });
      expect(await store.triageRun('2022-01', [1])).toMatchObject({ capacity: 10 });
      expect((await store.monthOverview()).map((m) => [m.month, m.received, m.triaged])).toEqual([['2022-01', 2, true]]);
    } finally {
      store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      // Every column of every signal as it was (those of other migrations too), plus its gemeente.
      expect(db.prepare('SELECT * FROM signals ORDER BY id').all()).toEqual(
        (signalsBefore as Array<Record<string, unknown>>).map((row) => ({ ...row, gemeente_id: 1 })),
      );
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signals' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual(indexesBefore);
      for (const table of ['imports', 'households', 'meldingen']) {
        expect(db.prepare(`SELECT DISTINCT gemeente_id FROM ${table}`).pluck().all()).toEqual([1]);
      }
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('makes a kenmerk unique per gemeente and month: another gemeente may reuse it, the same gemeente may not', async () => {
    const store = openStore(file);
    try {
      await store.transaction(async () => {
        await store.nameGemeente(1, { code: '0397', name: 'Heemstede' });
        await store.addGemeente({ code: '0377', name: 'Bloemendaal' });
      });
    } finally {
      store.close();
    }
    const db = new Database(file);
    try {
      const insert = db.prepare(
        `INSERT INTO signals (melding_id, import_id, source_line, month, dedup_key, organisation_key, signaal_id, signaaldatum,
           signaalpartner, bedrag_cents, crisissignaal, warme_overdracht, leeftijdsgroep, gemeente_id)
         VALUES (1, 1, 9, '2022-01', 'id:K1', 'type:Huur', 'K1', '2022-01-03', 'Huur', 1000, 0, 0, '27-44', ?)`,
      );
      expect(() => insert.run(2)).not.toThrow();
      expect(() => insert.run(1)).toThrow(/UNIQUE/);
      // An address is a household within its gemeente.
      const household = db.prepare("INSERT INTO households (postcode, huisnummer, toevoeging, gemeente_id) VALUES ('2101AB', '12', '', ?)");
      expect(() => household.run(2)).not.toThrow();
      expect(() => household.run(1)).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
