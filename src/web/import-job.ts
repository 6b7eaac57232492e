import { importList, type ImportOutcome } from '../app/import-list.js';
import type { Month } from '../core/types.js';
import { onOwnConnection, type JobConnection } from './job-connection.js';
import type { JobReport } from './job-kinds.js';

// One import of an uploaded list, as the web app runs it off the request path: on a connection of
// its own to the database, through the very same use case as `eropaf import`. A preview is that
// use case's dry run on a read-only connection: the plan the import applies, computed by the same
// code.

export interface ImportJobSpec extends JobConnection {
  file: string;
  month?: Month;
  dryRun: boolean;
  replace: boolean;
  skipInvalid: boolean;
  aanvulling: boolean;
  rejectsFile?: string;
  today: string;
}

export function runImportJob(spec: ImportJobSpec, report: JobReport<ImportOutcome>): Promise<void> {
  return onOwnConnection(spec, spec.dryRun, report, (store) =>
    importList(store, {
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
      onProgress: (bytesRead, totalBytes) => report({ kind: 'progress', done: bytesRead, total: totalBytes }),
    }),
  );
}
