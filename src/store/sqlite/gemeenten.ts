import type Database from 'better-sqlite3';
import type { Gemeente } from '../../core/gemeente.js';
import type { GemeenteStore } from '../store.js';

export class SqliteGemeenten implements GemeenteStore {
  constructor(private readonly db: Database.Database) {}

  async gemeenten(): Promise<Gemeente[]> {
    return this.db.prepare('SELECT id, code, name FROM gemeenten ORDER BY code, id').all() as Gemeente[];
  }

  async addGemeente(gemeente: { code: string | null; name: string | null }): Promise<Gemeente> {
    const result = this.db.prepare('INSERT INTO gemeenten (code, name) VALUES (?, ?)').run(gemeente.code, gemeente.name);
    return { id: Number(result.lastInsertRowid), code: gemeente.code, name: gemeente.name };
  }

  async nameGemeente(id: number, name: { code: string; name: string }): Promise<void> {
    this.db.prepare('UPDATE gemeenten SET code = ?, name = ? WHERE id = ?').run(name.code, name.name, id);
  }
}
