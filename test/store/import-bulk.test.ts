// The import's bulk write path (src/store/sqlite/import-session.ts) at sizes where rows are
// written many at a time and households recur over months: what is stored must be exactly what
// the domain rules give, computed here independently from the generated rows, and the database
// must be consistent (foreign keys, integrity) after every step.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importList } from '../../src/app/import-list.js';
import { monthIndex } from '../../src/core/month.js';
import type { ImportSummary } from '../../src/core/import/summary.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from '../../src/synthetic/dialect.js';
import { generateMonthlyLists, type MonthlyList } from '../../src/synthetic/lists.js';
import { householdKey, type SignalRow } from '../../src/synthetic/row.js';

const TODAY = '2030-01-01';
const NOW = (): string => '2030-01-01T12:00:00.000Z';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-bulk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Four months of a town with a few hundred households a month, many of them returning. */
const LISTS: readonly MonthlyList[] = generateMonthlyLists({
  seed: 777,
  startMonth: '2022-01',
  months: 4,
  populationSize: 6_000,
  householdsPerMonth: [300, 420],
});

function writeList(rows: readonly SignalRow[]): string {
  const file = path.join(dir, `${counter++}-lijst.csv`);
  fs.writeFileSync(file, encodeUtf8(formatCsv(rows, DUTCH_EXCEL)));
  return file;
}

async function importRows(db: string, month: string, rows: readonly SignalRow[], replace = false, aanvulling = false): Promise<ImportSummary> {
  const store = SqliteStore.open(db, { readonly: false, busyTimeoutMs: 1_000, now: NOW });
  try {
    const outcome = await importList(store, {
      file: writeList(rows),
      month,
      dryRun: false,
      replace,
      force: replace,
      aanvulling,
      skipInvalid: false,
      today: TODAY,
      now: NOW,
    });
    if (outcome.kind !== 'imported') throw new Error('not imported');
    return outcome.summary;
  } finally {
    store.close();
  }
}

function organisation(row: SignalRow): string {
  return `org:${row.schuldeiser.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** What the domain rules say the month's meldingen are, given the months imported before. */
function expectedMeldingen(month: string, rows: readonly SignalRow[], others: ReadonlyMap<string, readonly string[]>) {
  const byHousehold = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = householdKey(row);
    const organisations = byHousehold.get(key) ?? new Set<string>();
    organisations.add(organisation(row));
    byHousehold.set(key, organisations);
  }
  const index = monthIndex(month);
  // Sequence numbers follow the household key, as the import plans households in key order.
  return [...byHousehold.keys()].sort().map((key, i) => {
    const months = (others.get(key) ?? []).map(monthIndex);
    return {
      household: key,
      seq: i + 1,
      category: byHousehold.get(key)!.size >= 2 ? 'meervoudig' : 'enkelvoudig',
      on_last_month: months.includes(index - 1) ? 1 : 0,
      opeenvolgend: months.some((m) => index - m >= 1 && index - m <= 6) ? 1 : 0,
      signals: rows.filter((row) => householdKey(row) === key).length,
    };
  });
}

function storedMeldingen(db: string, month: string): unknown[] {
  const connection = new Database(db, { readonly: true });
  try {
    return connection
      .prepare(
        `SELECT h.postcode || '|' || h.huisnummer || '|' || h.toevoeging AS household, m.seq, m.category,
                m.on_last_month, m.opeenvolgend,
                (SELECT count(*) FROM signals s WHERE s.melding_id = m.id) AS signals
         FROM meldingen m JOIN households h ON h.id = m.household_id
         WHERE m.month = ? ORDER BY household`,
      )
      .all(month);
  } finally {
    connection.close();
  }
}

function consistency(db: string): { foreignKeys: unknown[]; integrity: unknown; households: number; addresses: number } {
  const connection = new Database(db, { readonly: true });
  try {
    return {
      foreignKeys: connection.pragma('foreign_key_check') as unknown[],
      integrity: connection.pragma('integrity_check', { simple: true }),
      households: connection.prepare('SELECT count(*) FROM households').pluck().get() as number,
      addresses: connection
        .prepare('SELECT count(*) FROM (SELECT DISTINCT postcode, huisnummer, toevoeging FROM households)')
        .pluck()
        .get() as number,
    };
  } finally {
    connection.close();
  }
}

describe('the bulk write path of the import', () => {
  it('stores month after month exactly what the rules give, with recurring households and a consistent database', async () => {
    expect(LISTS).toHaveLength(4);
    const db = path.join(dir, 'maanden.db');
    const seen = new Map<string, string[]>();
    for (const list of LISTS) {
      const summary = await importRows(db, list.month, list.rows);
      const expected = expectedMeldingen(list.month, list.rows, seen);
      expect(summary.signals).toEqual({ new: list.rows.length, duplicateInFile: 0, duplicateKnown: 0, rejected: 0 });
      expect(summary.meldingen.created).toBe(expected.length);
      expect(storedMeldingen(db, list.month)).toEqual(
        expected.map(({ household, seq, category, on_last_month, opeenvolgend, signals }) => ({
          household,
          seq,
          category,
          on_last_month,
          opeenvolgend,
          signals,
        })),
      );
      for (const row of list.rows) seen.set(householdKey(row), [...(seen.get(householdKey(row)) ?? []), list.month]);
      const check = consistency(db);
      expect(check.foreignKeys).toEqual([]);
      expect(check.integrity).toBe('ok');
      expect(check.households).toBe(check.addresses);
      expect(check.households).toBe(seen.size);
    }
  });

  it('adds a supplementary list to a month: known rows are duplicates, new rows join or create meldingen', async () => {
    const db = path.join(dir, 'aanvulling.db');
    const [first] = LISTS;
    const rows = first!.rows;
    const half = Math.floor(rows.length / 2);
    await importRows(db, first!.month, rows.slice(0, half));
    // The second file repeats a quarter of the first and brings the rest.
    const summary = await importRows(db, first!.month, rows.slice(Math.floor(half / 2)), false, true);
    expect(summary.signals.duplicateKnown).toBe(half - Math.floor(half / 2));
    expect(summary.signals.new).toBe(rows.length - half);
    const whole = path.join(dir, 'in-een-keer.db');
    await importRows(whole, first!.month, rows);
    const strip = (meldingen: unknown[]): unknown[] => meldingen.map((m) => ({ ...(m as object), seq: 0 }));
    expect(strip(storedMeldingen(db, first!.month))).toEqual(strip(storedMeldingen(whole, first!.month)));
    expect(consistency(db).foreignKeys).toEqual([]);
  });

  it('replaces an earlier month and brings the later months up to date', async () => {
    const db = path.join(dir, 'vervangen.db');
    for (const list of LISTS) await importRows(db, list.month, list.rows);
    // Replace the second month by a list without half of its households.
    const second = LISTS[1]!;
    const keep = new Set([...new Set(second.rows.map(householdKey))].filter((_, i) => i % 2 === 0));
    const smaller = second.rows.filter((row) => keep.has(householdKey(row)));
    await importRows(db, second.month, smaller, true);

    const seen = new Map<string, string[]>();
    const lists = LISTS.map((list) => (list.month === second.month ? { ...list, rows: smaller } : list));
    for (const list of lists) {
      const expected = expectedMeldingen(list.month, list.rows, seen);
      const stored = storedMeldingen(db, list.month) as Array<{ household: string; category: string; on_last_month: number; opeenvolgend: number }>;
      expect(stored.map(({ household, category, on_last_month, opeenvolgend }) => ({ household, category, on_last_month, opeenvolgend }))).toEqual(
        expected.map(({ household, category, on_last_month, opeenvolgend }) => ({
          household,
          category,
          on_last_month,
          opeenvolgend,
        })),
      );
      for (const row of list.rows) seen.set(householdKey(row), [...(seen.get(householdKey(row)) ?? []), list.month]);
    }
    expect(consistency(db).foreignKeys).toEqual([]);
  });

  it('keeps leading zeros and number-like text as the list writes them', async () => {
    const db = path.join(dir, 'tekst.db');
    const rows = LISTS[0]!.rows.slice(0, 3).map((row, i) => ({
      ...row,
      signaalId: ['0001', '1e5', '00042'][i]!,
      telefoon: '0612345678',
      bsn: null,
    }));
    await importRows(db, LISTS[0]!.month, rows);
    const connection = new Database(db, { readonly: true });
    try {
      const stored = connection.prepare('SELECT signaal_id, telefoon, typeof(telefoon) AS t FROM signals ORDER BY source_line').all();
      expect(stored).toEqual([
        { signaal_id: '0001', telefoon: '0612345678', t: 'text' },
        { signaal_id: '1e5', telefoon: '0612345678', t: 'text' },
        { signaal_id: '00042', telefoon: '0612345678', t: 'text' },
      ]);
    } finally {
      connection.close();
    }
  });
});
