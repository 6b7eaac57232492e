import type { ImportOutcome } from '../app/import-list.js';
import type { SerializedError } from '../app/import/read-list.js';
import type { Upload } from './uploads.js';
import { runImportJob, type ImportJobSpec } from './import-job.js';
import { runTriageJob, type TriageJobOutcome, type TriageJobSpec } from './triage-job.js';

// The kinds of job the web app runs off the request path (jobs.ts): for each, what it is given
// (plain data, sent to a worker thread), what it ends with, and what the server keeps beside it.

export interface JobKinds {
  import: { spec: ImportJobSpec; outcome: ImportOutcome; extra: { upload: Upload; rejects: Upload | null } };
  triage: { spec: TriageJobSpec; outcome: TriageJobOutcome; extra: Record<never, never> };
}

export type JobKind = keyof JobKinds;
export type JobSpec<K extends JobKind> = { kind: K } & JobKinds[K]['spec'];
export type AnyJobSpec = { [K in JobKind]: JobSpec<K> }[JobKind];

/** What a job tells the server's thread: how far it is (`total` 0: not known), then its outcome or error. */
export type JobMessage<O> =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; outcome: O }
  | { kind: 'error'; error: SerializedError };

export type JobReport<O> = (message: JobMessage<O>) => void;

/** Runs a job of any kind, on a database connection of its own. */
export function runJob(spec: AnyJobSpec, report: JobReport<unknown>): Promise<void> {
  switch (spec.kind) {
    case 'import':
      return runImportJob(spec, report);
    case 'triage':
      return runTriageJob(spec, report);
  }
}
