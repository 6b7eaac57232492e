import type Database from 'better-sqlite3';
import type { Month } from '../../core/types.js';
import type { ImportSession, PriorImport, Store } from '../store.js';
import { SqliteImportSession } from './import-session.js';
import { openDatabase, type OpenOptions } from './open.js';

export class SqliteStore implements Store {
  private constructor(
    private readonly db: Database.Database,
    readonly readonly: boolean,
    /** The file mode when the database can be read by group or others, for a warning. */
    readonly tooOpenMode: number | null,
    /** Opening created the database file (first use). */
    readonly created: boolean,
  ) {}

  static open(file: string, options: OpenOptions): SqliteStore {
    const { db, tooOpenMode, created } = openDatabase(file, options);
    return new SqliteStore(db, options.readonly, tooOpenMode, created);
  }

  async findImportByHash(sha256: string): Promise<PriorImport | undefined> {
    return this.db
      .prepare(
        `SELECT month, file_name AS fileName, imported_at AS importedAt FROM imports
         WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(sha256) as PriorImport | undefined;
  }

  async monthHasFollowUp(_month: Month): Promise<boolean> {
    // Follow-up (contact attempts, results) is recorded from schema version 2 on.
    return false;
  }

  async openImportSession(): Promise<ImportSession> {
    return new SqliteImportSession(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
