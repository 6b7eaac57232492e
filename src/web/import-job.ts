import { importList, type ImportOutcome } from '../app/import-list.js';
import { serializeError, type SerializedError } from '../app/import/read-list.js';
import type { Month } from '../core/types.js';
import type { AuditContext } from '../store/store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

// One import of an uploaded list, as the web app runs it off the request path: on a connection of
// its own to the database (SQLite's lock orders its writes with the server's), through the very
// same use case as `eropaf import`. A preview is that use case's dry run on a read-only
// connection: the plan the import applies, computed by the same code.

export interface ImportJobSpec {
  database: string;
  busyTimeoutMs: number;
  file: string;
  month?: Month;
  dryRun: boolean;
  replace: boolean;
  skipInvalid: boolean;
  aanvulling: boolean;
  rejectsFile?: string;
  today: string;
  /** The moment the import is recorded at (the web app's clock when it was started). */
  now: string;
  /** Who imports: the signed-in account, for the audit trail. */
  audit: AuditContext;
}

export type ImportJobMessage =
  | { kind: 'progress'; bytesRead: number; totalBytes: number }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'error'; error: SerializedError };

export async function runImportJob(spec: ImportJobSpec, report: (message: ImportJobMessage) => void): Promise<void> {
  let store: SqliteStore | null = null;
  try {
    store = SqliteStore.open(spec.database, { readonly: spec.dryRun, busyTimeoutMs: spec.busyTimeoutMs, now: () => spec.now, audit: spec.audit });
    const outcome = await importList(store, {
      file: spec.file,
      ...(spec.month !== undefined && { month: spec.month }),
      dryRun: spec.dryRun,
      replace: spec.replace,
      force: false,
      ...(spec.aanvulling && { aanvulling: true }),
      skipInvalid: spec.skipInvalid,
      ...(spec.rejectsFile !== undefined && { rejectsFile: spec.rejectsFile }),
      today: spec.today,
      now: () => spec.now,
      onProgress: (bytesRead, totalBytes) => report({ kind: 'progress', bytesRead, totalBytes }),
    });
    report({ kind: 'done', outcome });
  } catch (error) {
    report({ kind: 'error', error: serializeError(error) });
  } finally {
    await store?.close();
  }
}
