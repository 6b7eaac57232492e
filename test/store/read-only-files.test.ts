import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const NOW = (): string => '2022-04-01T00:00:00.000Z';
let dir: string;

function freshDatabase(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-read-only-'));
  const file = path.join(dir, 'eropaf.db');
  SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: NOW }).close();
  return file;
}

const listing = (): string[] => fs.readdirSync(dir).sort();

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a read-only store (a dry run) on an existing WAL database', () => {
  it('leaves no -wal or -shm file once closed', async () => {
    const file = freshDatabase();
    expect(listing()).toEqual(['eropaf.db']);
    const reader = SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: NOW });
    await reader.settings();
    expect(listing()).toEqual(['eropaf.db', 'eropaf.db-shm', 'eropaf.db-wal']);
    reader.close();
    expect(listing()).toEqual(['eropaf.db']);
  });

  it('keeps the files of a connection that is still open meanwhile, with what it wrote', async () => {
    const file = freshDatabase();
    const reader = SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: NOW });
    const writer = SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: NOW });
    await reader.settings();
    await writer.transaction(() => writer.setSetting('termijn.eerste-contact', '21'));
    reader.close();
    expect(listing()).toEqual(['eropaf.db', 'eropaf.db-shm', 'eropaf.db-wal']);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    writer.close();
    const again = SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: NOW });
    expect((await again.settings()).get('termijn.eerste-contact')).toBe('21');
    again.close();
  });

  it('leaves none either when it refuses a database of a newer eropaf', () => {
    const file = freshDatabase();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'van later', '2030-01-01')").run(SCHEMA_VERSION + 1);
    db.close();
    expect(listing()).toEqual(['eropaf.db']);
    expect(() => SqliteStore.open(file, { readonly: true, busyTimeoutMs: 1000, now: NOW })).toThrow(/nieuwere versie van eropaf/);
    expect(listing()).toEqual(['eropaf.db']);
  });
});
