// meldingen.opgevolgd (migration 4) keeps, per melding, whether it is followed up, so that the
// reports need not look in contacts for every melding; triggers renew it (migration 7: also
// across a case that later meldingen joined). Here random decisions, contacts (of several
// dates), results and joined cases are written, changed and removed, before and after the
// migration fills the column, and then:
//   (a) every melding's opgevolgd is what core/followup.ts isOpgevolgdInCase says of it now;
//   (b) the table's counts (followUpCounts from the index; monthCounts, which looks up open and
//       uitgesteld only for meldingen that are not opgevolgd) are what melding_status counts.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EINDRESULTATEN, isOpgevolgdInCase, type Eindresultaat } from '../../src/core/followup.js';
import type { CategoryCounts, FollowUpCounts, MonthCounts } from '../../src/core/report/table.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** Raise with EROPAF_PROPERTY_RUNS=500 for a longer hunt. */
const NUM_RUNS = Number(process.env.EROPAF_PROPERTY_RUNS ?? 60);
const NOW = '2022-06-01T10:00:00.000Z';
const MONTHS = ['2022-01', '2022-02', '2022-03'] as const;
const MELDINGEN = 5;
const FOLLOWUP_MIGRATION = 4;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-opgevolgd-column-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let counter = 0;

type Op =
  | { op: 'decide'; melding: number; kind: 'altijd' | 'capaciteit' | 'niet-opgepakt' | 'uitgesteld' }
  | { op: 'undecide'; melding: number }
  | { op: 'contact'; melding: number; datum: string }
  | { op: 'join'; melding: number; to: number }
  | { op: 'unjoin'; melding: number }
  | { op: 'uncontact'; melding: number }
  | { op: 'move-contact'; melding: number; to: number }
  | { op: 'close'; melding: number; resultaat: string; source: 'medewerker' | 'triage' | 'sluiting' }
  | { op: 'reopen'; melding: number }
  | { op: 'drop'; melding: number };

const melding = fc.integer({ min: 1, max: MELDINGEN });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('decide' as const), melding, kind: fc.constantFrom('altijd', 'capaciteit', 'niet-opgepakt', 'uitgesteld') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('undecide' as const), melding }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('contact' as const), melding, datum: fc.constantFrom('2022-01-10', '2022-02-10', '2022-03-10') }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('join' as const), melding, to: melding }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('unjoin' as const), melding }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('uncontact' as const), melding }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('move-contact' as const), melding, to: melding }), weight: 2 },
  {
    // Closed, and closed again, with a 'Niet opgepakt' result as often as with another.
    arbitrary: fc.record({
      op: fc.constant('close' as const),
      melding,
      resultaat: fc.oneof(
        fc.constantFrom(...EINDRESULTATEN.filter((r) => r.value.startsWith('Niet opgepakt')).map((r) => r.value)),
        fc.constantFrom(...EINDRESULTATEN.filter((r) => !r.value.startsWith('Niet opgepakt')).map((r) => r.value)),
      ),
      source: fc.constantFrom('medewerker', 'triage', 'sluiting'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('reopen' as const), melding }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), melding }), weight: 1 },
);

const meldingenArb = fc.array(fc.record({ month: fc.constantFrom(...MONTHS), category: fc.constantFrom('enkelvoudig', 'meervoudig') }), {
  minLength: MELDINGEN,
  maxLength: MELDINGEN,
});

/** A database at the version before the follow-up column, with the given meldingen (ids 1, 2, …). */
function createBeforeFollowupColumn(file: string, meldingen: ReadonlyArray<{ month: string; category: string }>): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  for (const migration of MIGRATIONS.filter((m) => m.version < FOLLOWUP_MIGRATION)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, NOW);
  }
  const household = db.prepare("INSERT INTO households (postcode, huisnummer, toevoeging) VALUES ('2101AA', ?, '')");
  const insert = db.prepare(
    `INSERT INTO meldingen (id, month, month_index, seq, household_id, category, on_last_month, opeenvolgend)
     VALUES (?, ?, 0, ?, ?, ?, 0, 0)`,
  );
  meldingen.forEach((m, i) => insert.run(i + 1, m.month, i + 1, Number(household.run(String(i + 1)).lastInsertRowid), m.category));
  db.close();
}

/** Writes the operations the way eropaf does (upserts, cascades); ones that do not apply are skipped. */
function apply(file: string, ops: readonly Op[]): void {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  const exists = (id: number): boolean => db.prepare('SELECT 1 FROM meldingen WHERE id = ?').get(id) !== undefined;
  const hasCases = (db.pragma('table_info(decisions)') as Array<{ name: string }>).some((c) => c.name === 'case_melding_id');
  const caseOf = (id: number): number | null =>
    (db.prepare('SELECT case_melding_id FROM decisions WHERE melding_id = ?').pluck().get(id) as number | null | undefined) ?? null;
  const hasMembers = (id: number): boolean => db.prepare('SELECT 1 FROM decisions WHERE case_melding_id = ?').get(id) !== undefined;
  for (const o of ops) {
    if (!exists(o.melding)) continue;
    if (o.op === 'decide') {
      db.prepare(
        `INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, decided_at) VALUES (?, ?, 'test', 'test', NULL, NULL, ?)
         ON CONFLICT (melding_id) DO UPDATE SET kind = excluded.kind`,
      ).run(o.melding, o.kind, NOW);
    } else if (o.op === 'undecide') {
      db.prepare('DELETE FROM decisions WHERE melding_id = ?').run(o.melding);
    } else if (o.op === 'contact') {
      db.prepare(
        `INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at) VALUES (?, 'Telefoon', 0, ?, NULL, NULL, ?)`,
      ).run(o.melding, o.datum, NOW);
    } else if (o.op === 'join') {
      // As the triage links them: one level deep, to a melding that is no part of another case.
      if (!hasCases || !exists(o.to) || o.to === o.melding || caseOf(o.to) !== null || hasMembers(o.melding)) continue;
      db.prepare(
        `INSERT INTO decisions (melding_id, kind, rule, reason, place, worker_id, case_melding_id, decided_at)
         VALUES (?, 'altijd', 'lopend', 'test', NULL, NULL, ?, ?)
         ON CONFLICT (melding_id) DO UPDATE SET case_melding_id = excluded.case_melding_id`,
      ).run(o.melding, o.to, NOW);
    } else if (o.op === 'unjoin') {
      if (hasCases) db.prepare('UPDATE decisions SET case_melding_id = NULL WHERE melding_id = ?').run(o.melding);
    } else if (o.op === 'uncontact') {
      db.prepare('DELETE FROM contacts WHERE id = (SELECT min(id) FROM contacts WHERE melding_id = ?)').run(o.melding);
    } else if (o.op === 'move-contact') {
      if (exists(o.to)) db.prepare('UPDATE contacts SET melding_id = ? WHERE id = (SELECT min(id) FROM contacts WHERE melding_id = ?)').run(o.to, o.melding);
    } else if (o.op === 'close') {
      db.prepare(
        `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at) VALUES (?, ?, NULL, '2022-03-12', ?, ?)
         ON CONFLICT (melding_id) DO UPDATE SET resultaat = excluded.resultaat, source = excluded.source`,
      ).run(o.melding, o.resultaat, o.source, NOW);
    } else if (o.op === 'reopen') {
      db.prepare('DELETE FROM results WHERE melding_id = ?').run(o.melding);
    } else {
      db.prepare('DELETE FROM meldingen WHERE id = ?').run(o.melding);
    }
  }
  db.close();
}

function keptAgainstCore(file: string): Array<{ id: number; kept: boolean; core: boolean }> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT m.id, m.month, m.opgevolgd, (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts, r.resultaat,
                d.case_melding_id
         FROM meldingen m LEFT JOIN results r ON r.melding_id = m.id LEFT JOIN decisions d ON d.melding_id = m.id ORDER BY m.id`,
      )
      .all() as Array<{ id: number; month: string; opgevolgd: number; contacts: number; resultaat: Eindresultaat | null; case_melding_id: number | null }>;
    const contacts = db.prepare('SELECT melding_id, datum FROM contacts').all() as Array<{ melding_id: number; datum: string }>;
    const rootOf = (id: number): number => rows.find((r) => r.id === id)?.case_melding_id ?? id;
    return rows.map((row) => {
      const root = rootOf(row.id);
      const members = new Set([root, ...rows.filter((r) => r.case_melding_id === root).map((r) => r.id)]);
      members.delete(row.id);
      const caseDates = contacts.filter((c) => members.has(c.melding_id)).map((c) => c.datum);
      return { id: row.id, kept: row.opgevolgd === 1, core: isOpgevolgdInCase(row.contacts, row.resultaat, row.month, caseDates) };
    });
  } finally {
    db.close();
  }
}

/** monthCounts as melding_status counts it over all meldingen. */
function viewMonthCounts(file: string): MonthCounts[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT month, category, count(*) AS received, sum(opgevolgd) AS followedUp, sum(open) AS open, sum(uitgesteld) AS deferred
         FROM melding_status GROUP BY month, category ORDER BY month`,
      )
      .all() as Array<{ month: string; category: 'enkelvoudig' | 'meervoudig'; received: number; followedUp: number; open: number; deferred: number }>;
    const months = new Map<string, MonthCounts>();
    for (const { month, category, ...counts } of rows) {
      const empty = { received: 0, followedUp: 0, open: 0, deferred: 0 };
      const entry = months.get(month) ?? { month, enkelvoudig: { ...empty }, meervoudig: { ...empty } };
      entry[category] = counts;
      months.set(month, entry);
    }
    return [...months.values()];
  } finally {
    db.close();
  }
}

describe('meldingen.opgevolgd', () => {
  it('is what isOpgevolgd says, and the table counts what melding_status counts', async () => {
    await fc.assert(
      fc.asyncProperty(meldingenArb, fc.array(opArb, { maxLength: 25 }), fc.array(opArb, { maxLength: 25 }), async (meldingen, before, after) => {
        const file = path.join(dir, `${counter++}.db`);
        createBeforeFollowupColumn(file, meldingen);
        apply(file, before);
        // The migration fills the column for what is there already; the triggers do the rest.
        SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: () => NOW }).close();
        apply(file, after);

        for (const row of keptAgainstCore(file)) expect(row.kept, `melding ${row.id}`).toBe(row.core);
        const store = SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: () => NOW });
        try {
          const period = { from: MONTHS[0], to: MONTHS[2] };
          const expected = viewMonthCounts(file);
          expect(await store.monthCounts(period)).toEqual(expected);
          const followUp = ({ received, followedUp }: CategoryCounts): FollowUpCounts => ({ received, followedUp });
          expect(await store.followUpCounts(period)).toEqual(
            expected.map((m) => ({ month: m.month, enkelvoudig: followUp(m.enkelvoudig), meervoudig: followUp(m.meervoudig) })),
          );
        } finally {
          store.close();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);
});
