// The melding_status view restates core isOpgevolgd in SQL so that reports can count in the
// database; here the two are held to the same answer for every combination that matters.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EINDRESULTATEN, isOpgevolgd, type Eindresultaat } from '../../src/core/followup.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const NOW = '2022-04-01T10:00:00.000Z';

interface Case {
  contacts: number;
  result: Eindresultaat | null;
  source: 'medewerker' | 'triage' | 'sluiting';
  decided: boolean;
}

const RESULTS: Array<Eindresultaat | null> = [null, ...EINDRESULTATEN.map((r) => r.value)];
const SOURCES = ['medewerker', 'triage', 'sluiting'] as const;

const CASES: Case[] = [];
for (const contacts of [0, 1, 2]) {
  for (const [i, result] of RESULTS.entries()) {
    // Vary who set the result and whether there is a decision: neither may change the answer.
    CASES.push({ contacts, result, source: SOURCES[(i + contacts) % 3]!, decided: (i + contacts) % 2 === 0 });
  }
}

let dir: string;
let db: Database.Database;
const idOf = new Map<Case, number>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-status-'));
  const file = path.join(dir, 'eropaf.db');
  SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => NOW }).close();
  db = new Database(file);
  db.pragma('foreign_keys = ON');
  const household = db.prepare('INSERT INTO households (postcode, huisnummer, toevoeging) VALUES (?, ?, ?)');
  const melding = db.prepare(
    `INSERT INTO meldingen (month, month_index, seq, household_id, category, on_last_month, opeenvolgend)
     VALUES ('2022-03', ?, ?, ?, 'enkelvoudig', 0, 0)`,
  );
  const decision = db.prepare(
    `INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, decided_at)
     VALUES (?, 'altijd', 'meervoudig', 'test', NULL, NULL, ?)`,
  );
  const contact = db.prepare(
    `INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at)
     VALUES (?, 'Telefoon', 0, '2022-03-10', NULL, NULL, ?)`,
  );
  const result = db.prepare(
    `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
     VALUES (?, ?, NULL, '2022-03-12', ?, ?)`,
  );
  db.transaction(() => {
    CASES.forEach((c, i) => {
      const h = Number(household.run('2101AA', String(i + 1), '').lastInsertRowid);
      const id = Number(melding.run(2022 * 12 + 2, i + 1, h).lastInsertRowid);
      idOf.set(c, id);
      if (c.decided) decision.run(id, NOW);
      for (let n = 0; n < c.contacts; n++) contact.run(id, NOW);
      if (c.result !== null) result.run(id, c.result, c.source, NOW);
    });
  })();
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('melding_status', () => {
  it('covers 0, 1 and 2 contacts with each of the 16 results and no result', () => {
    expect(RESULTS).toHaveLength(17);
    expect(CASES).toHaveLength(51);
  });

  it.each(CASES.map((c) => [c.contacts, c.result ?? '(geen resultaat)', c] as const))(
    '%i contacts, %s: opgevolgd as isOpgevolgd says',
    (_contacts, _label, c) => {
      const row = db
        .prepare('SELECT opgevolgd, contact_count, resultaat, result_source, decision FROM melding_status WHERE melding_id = ?')
        .get(idOf.get(c)) as { opgevolgd: number; contact_count: number; resultaat: string | null; result_source: string | null; decision: string | null };
      expect(row.contact_count).toBe(c.contacts);
      expect(row.resultaat).toBe(c.result);
      expect(row.result_source).toBe(c.result === null ? null : c.source);
      expect(row.decision).toBe(c.decided ? 'altijd' : null);
      expect(row.opgevolgd === 1).toBe(isOpgevolgd(c.contacts, c.result));
    },
  );

  it('has exactly one row per melding', () => {
    const { rows, meldingen } = db
      .prepare('SELECT (SELECT count(*) FROM melding_status) AS rows, (SELECT count(*) FROM meldingen) AS meldingen')
      .get() as { rows: number; meldingen: number };
    expect(rows).toBe(meldingen);
    expect(rows).toBe(CASES.length);
  });

  it('counts only the three Niet opgepakt results as not followed up when there is no contact', () => {
    const notFollowed = db
      .prepare('SELECT DISTINCT resultaat FROM melding_status WHERE opgevolgd = 0 AND resultaat IS NOT NULL ORDER BY resultaat')
      .pluck()
      .all();
    expect(notFollowed).toEqual([
      'Niet opgepakt: andere reden',
      'Niet opgepakt: herhaalde melding',
      'Niet opgepakt: onterecht signaal',
    ]);
  });
});
