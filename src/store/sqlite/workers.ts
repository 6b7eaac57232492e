import type Database from 'better-sqlite3';
import type { WorkerRecord, WorkerStore } from '../store.js';

interface WorkerRow {
  id: number;
  name: string;
  capacity: number;
  active: number;
}

const toRecord = (row: WorkerRow): WorkerRecord => ({
  id: row.id,
  name: row.name,
  capacity: row.capacity,
  active: row.active === 1,
});

export class SqliteWorkers implements WorkerStore {
  constructor(private readonly db: Database.Database) {}

  async workers(): Promise<WorkerRecord[]> {
    const rows = this.db.prepare('SELECT id, name, capacity, active FROM workers ORDER BY name').all() as WorkerRow[];
    return rows.map(toRecord);
  }

  async addWorker(worker: { name: string; capacity: number; createdAt: string }): Promise<WorkerRecord> {
    const result = this.db
      .prepare('INSERT INTO workers (name, capacity, active, created_at) VALUES (?, ?, 1, ?)')
      .run(worker.name, worker.capacity, worker.createdAt);
    return { id: Number(result.lastInsertRowid), name: worker.name, capacity: worker.capacity, active: true };
  }

  async updateWorker(id: number, change: { capacity?: number; active?: boolean }): Promise<void> {
    if (change.capacity !== undefined) {
      this.db.prepare('UPDATE workers SET capacity = ? WHERE id = ?').run(change.capacity, id);
    }
    if (change.active !== undefined) {
      this.db.prepare('UPDATE workers SET active = ? WHERE id = ?').run(change.active ? 1 : 0, id);
    }
  }
}
