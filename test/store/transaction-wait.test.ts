// A transaction that finds the database being written by another connection waits for it
// without blocking its thread (the web app keeps answering during an import), and gives up
// after the busy timeout with the usual Dutch message.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const now = (): string => '2022-06-30T12:00:00.000Z';
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function setUp(busyTimeoutMs: number): { store: SqliteStore; other: Database.Database } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-tx-wait-'));
  const file = path.join(dir, 'eropaf.db');
  const store = SqliteStore.open(file, { readonly: false, busyTimeoutMs, now });
  return { store, other: new Database(file) };
}

describe('a transaction waiting for another connection', () => {
  it('lets the thread go on meanwhile, and starts once the other commits', async () => {
    const { store, other } = setUp(5_000);
    other.exec('BEGIN IMMEDIATE');
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 5);
    let started = false;
    const done = store.transaction(async () => {
      started = true;
      await store.addWorker({ name: 'Anna de Vries', capacity: 3, createdAt: now() });
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(started).toBe(false);
    // The thread was free: the timer ran many times while the transaction waited.
    expect(ticks.length).toBeGreaterThan(5);
    other.exec('COMMIT');
    await done;
    clearInterval(timer);
    expect(started).toBe(true);
    expect((await store.workers()).map((w) => w.name)).toEqual(['Anna de Vries']);
    other.close();
    store.close();
  });

  it('gives up after the busy timeout with the message that the database is in use', async () => {
    const { store, other } = setUp(100);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await expect(store.transaction(async () => undefined)).rejects.toThrow(/is bezet: iemand anders werkt er op dit moment mee/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    other.exec('ROLLBACK');
    // Afterwards the store works normally again.
    await store.transaction(() => store.addWorker({ name: 'Bram Jansen', capacity: 2, createdAt: now() }));
    expect((await store.workers()).map((w) => w.name)).toEqual(['Bram Jansen']);
    other.close();
    store.close();
  });

  it('is skipped at once, when it may be, and then nothing of it is written', async () => {
    const { store, other } = setUp(5_000);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expect(await store.transactionIfFree(() => store.addWorker({ name: 'Anna de Vries', capacity: 3, createdAt: now() }).then(() => undefined))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    other.exec('COMMIT');
    expect(await store.workers()).toEqual([]);
    expect(await store.transactionIfFree(() => store.addWorker({ name: 'Bram Jansen', capacity: 2, createdAt: now() }).then(() => undefined))).toBe(true);
    expect((await store.workers()).map((w) => w.name)).toEqual(['Bram Jansen']);
    other.close();
    store.close();
  });
});
