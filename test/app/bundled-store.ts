// A SQLite store in a temporary folder with the bundled monthly lists imported and two workers
// added: the starting point of the triage and follow-up tests, on a fixed clock.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { importList, type ImportOutcome } from '../../src/app/import-list.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TODAY = '2022-06-30';
export const now = (): string => '2022-06-30T12:00:00.000Z';
export const lijst = (month: string): string => path.join(ROOT, 'fixtures', 'lijsten', `vroegeropaf-${month}.csv`);

export interface BundledStore {
  dir: string;
  file: string;
  store: SqliteStore;
}

export function openStoreFile(file: string, readonly = false): SqliteStore {
  return SqliteStore.open(file, { readonly, busyTimeoutMs: 1000, now });
}

export function importFile(
  store: SqliteStore,
  list: string,
  options: { month?: string; replace?: boolean; force?: boolean; aanvulling?: boolean } = {},
): Promise<ImportOutcome> {
  return importList(store, {
    file: list,
    ...(options.month !== undefined && { month: options.month }),
    dryRun: false,
    replace: options.replace ?? false,
    force: options.force ?? false,
    aanvulling: options.aanvulling ?? false,
    skipInvalid: false,
    today: TODAY,
    now,
  });
}

/** January and February 2022 imported; Anna de Vries and Bram Jansen with the given capacities. */
export async function bundledStore(prefix: string, capacities: { anna: number; bram: number }): Promise<BundledStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'eropaf.db');
  const store = openStoreFile(file);
  for (const month of ['2022-01', '2022-02']) expect((await importFile(store, lijst(month))).kind).toBe('imported');
  await store.transaction(async () => {
    await store.addWorker({ name: 'Anna de Vries', capacity: capacities.anna, createdAt: now() });
    await store.addWorker({ name: 'Bram Jansen', capacity: capacities.bram, createdAt: now() });
  });
  return { dir, file, store };
}

export function removeBundledStore(bundled: BundledStore): void {
  bundled.store.close();
  fs.rmSync(bundled.dir, { recursive: true, force: true });
}

/** The rows of a query on the database file, through a read-only connection of its own. */
export function queryFile<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * Triages January and February, and gives the first household whose February melding joined its
 * January case in progress (rule "lopend"): January's melding and February's.
 */
export async function firstJoinedCase(bundled: BundledStore): Promise<{ janRef: string; febRef: string }> {
  for (const month of ['2022-01', '2022-02']) await triageMonth(bundled.store, { month, dryRun: false, today: TODAY, now });
  const [pair] = queryFile<{ janRef: string; febRef: string }>(
    bundled.file,
    `SELECT printf('%s-%03d', j.month, j.seq) AS janRef, printf('%s-%03d', f.month, f.seq) AS febRef
     FROM decisions df JOIN meldingen f ON f.id = df.melding_id JOIN meldingen j ON j.id = df.case_melding_id
     WHERE df.rule = 'lopend' ORDER BY f.seq LIMIT 1`,
  );
  if (pair === undefined) throw new Error('the fixture lists have no household whose February melding joined its January case');
  return pair;
}
