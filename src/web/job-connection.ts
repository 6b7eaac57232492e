import { serializeError } from '../app/import/read-list.js';
import type { AuditContext } from '../store/store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { JobReport } from './job-kinds.js';

// What every job of the web app does around its use case: it opens a connection of its own to the
// database (SQLite's lock orders its writes with the server's), read-only when it only looks,
// and reports the use case's outcome, or its error as plain data the server's thread can rebuild.

export interface JobConnection {
  database: string;
  busyTimeoutMs: number;
  /** The moment the job's writes are recorded at (the web app's clock when it was started). */
  now: string;
  /** Who started it: the signed-in account, for the audit trail. */
  audit: AuditContext;
}

export async function onOwnConnection<O>(connection: JobConnection, readonly: boolean, report: JobReport<O>, work: (store: SqliteStore) => Promise<O>): Promise<void> {
  let store: SqliteStore | null = null;
  try {
    store = SqliteStore.open(connection.database, { readonly, busyTimeoutMs: connection.busyTimeoutMs, now: () => connection.now, audit: connection.audit });
    report({ kind: 'done', outcome: await work(store) });
  } catch (error) {
    report({ kind: 'error', error: serializeError(error) });
  } finally {
    await store?.close();
  }
}
