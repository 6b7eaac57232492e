// The reminder after an import counts the meldingen past their retention term without judging
// each one; here it is held to the purge's own plan, which does judge each one, on a database
// with every kind of follow-up, spread over two years, for many days and both terms.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPastTerm } from '../../src/app/purge.js';
import { planPurge } from '../../src/core/retention.js';
import { retentionPolicyFrom } from '../../src/core/settings.js';
import { monthFromIndex, monthIndex } from '../../src/core/month.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const NOW = '2022-04-01T10:00:00.000Z';
const FIRST_MONTH = monthIndex('2021-01');
const MONTHS = 24;
const pad = (n: number): string => String(n).padStart(2, '0');

let dir: string;
let store: SqliteStore;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-past-term-'));
  const file = path.join(dir, 'eropaf.db');
  SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => NOW }).close();
  const db = new Database(file);
  const household = db.prepare('INSERT INTO households (postcode, huisnummer, toevoeging) VALUES (?, ?, ?)');
  const melding = db.prepare(
    `INSERT INTO meldingen (month, month_index, seq, household_id, category, on_last_month, opeenvolgend, purged_at)
     VALUES (?, ?, ?, ?, 'enkelvoudig', 0, 0, ?)`,
  );
  const contact = db.prepare(
    `INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at)
     VALUES (?, 'Telefoon', 0, ?, NULL, NULL, ?)`,
  );
  const result = db.prepare(
    `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
     VALUES (?, ?, NULL, ?, 'medewerker', ?)`,
  );
  // Every fifth melding has contacts, every third a result (a third of those "not picked up"),
  // every eleventh was purged already; dates fall on any day up to four months after the list.
  const dayAfter = (index: number, n: number): string =>
    `${monthFromIndex(index + (n % 4))}-${pad(1 + ((n * 7) % 28))}`;
  db.transaction(() => {
    for (let i = 0; i < MONTHS * 20; i++) {
      const index = FIRST_MONTH + (i % MONTHS);
      const h = Number(household.run('2101AA', String(i + 1), '').lastInsertRowid);
      const purged = i % 11 === 0 ? NOW : null;
      const id = Number(melding.run(monthFromIndex(index), index, Math.floor(i / MONTHS) + 1, h, purged).lastInsertRowid);
      if (i % 5 === 0) for (let n = 0; n < 1 + (i % 3); n++) contact.run(id, dayAfter(index, i + n), NOW);
      if (i % 3 === 0) {
        const resultaat = i % 9 === 0 ? 'Niet opgepakt: andere reden' : 'Afgerond: geen hulp nodig';
        result.run(id, resultaat, dayAfter(index, i + 2), NOW);
      }
    }
  })();
  db.close();
  store = SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => NOW });
});

afterAll(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('countPastTerm', () => {
  it('gives the number of meldingen a purge would take, on any day and for both terms', async () => {
    const candidates = await store.retentionCandidates();
    const today = fc
      .date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(today, fc.integer({ min: 6, max: 12 }), fc.integer({ min: 6, max: 24 }), async (day, notFollowedUp, followedUp) => {
        await store.setSetting('bewaren.niet-opgevolgd', String(notFollowedUp));
        await store.setSetting('bewaren.opgevolgd', String(followedUp));
        const policy = retentionPolicyFrom(await store.settings());
        expect(await countPastTerm(store, day)).toBe(planPurge(candidates, policy, day).meldingIds.length);
      }),
      { numRuns: 60 },
    );
  });

  it('has both kinds of melding past their term on some day, so the comparison means something', async () => {
    const policy = retentionPolicyFrom(await store.settings());
    const due = planPurge(await store.retentionCandidates(), policy, '2023-06-15').meldingIds.length;
    const followedUpDue = planPurge(await store.retentionCandidates({ followedUpOnly: true }), policy, '2023-06-15');
    expect(followedUpDue.meldingIds.length).toBeGreaterThan(0);
    expect(due).toBeGreaterThan(followedUpDue.meldingIds.length);
  });
});
