import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOutcome } from '../app/import-list.js';
import { deserializeError } from '../app/import/read-list.js';
import { runImportJob, type ImportJobMessage, type ImportJobSpec } from './import-job.js';
import type { Upload } from './uploads.js';

// The imports (and previews) the web app runs off the request path: each in a worker thread of
// its own, so that the server's thread goes on answering other requests. A job belongs to the
// session that started it; its page (pages/import.tsx) shows its progress until it is done. A
// finished job is forgotten after half an hour, or when the server stops (which also ends any
// job still running: its transaction is then rolled back by SQLite).
//
// The worker is compiled JavaScript next to this module. When it is not there (the TypeScript
// sources run directly, as in unit tests) the job runs in this thread instead, by the very same
// code and on a connection of its own.

const WORKER_URL = new URL('./import-worker.js', import.meta.url);
const KEEP_MS = 30 * 60_000;

export type JobState = 'bezig' | 'klaar' | 'fout';

export interface ImportJob {
  id: string;
  sessionHash: string;
  spec: ImportJobSpec;
  /** The uploaded list it reads. */
  upload: Upload;
  /** Where the rejected rows go, to download (an import that skips them). */
  rejects: Upload | null;
  state: JobState;
  bytesRead: number;
  totalBytes: number;
  outcome: ImportOutcome | null;
  error: Error | null;
  finishedAt: number | null;
}

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly clock: () => Date,
    /** Runs jobs in this thread (the TypeScript sources, without the compiled worker). */
    readonly inThread = !fs.existsSync(fileURLToPath(WORKER_URL)),
  ) {}

  /** Starts a job; `onEnd` runs once it is done (with its outcome or error), before it is shown so. */
  start(input: { spec: ImportJobSpec; upload: Upload; rejects: Upload | null }, sessionHash: string, onEnd: (job: ImportJob) => void): ImportJob {
    this.sweep();
    const { spec } = input;
    const job: ImportJob = {
      id: randomBytes(18).toString('base64url'),
      sessionHash,
      ...input,
      state: 'bezig',
      bytesRead: 0,
      totalBytes: 0,
      outcome: null,
      error: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const receive = (message: ImportJobMessage): void => {
      if (job.state !== 'bezig') return;
      if (message.kind === 'progress') {
        job.bytesRead = message.bytesRead;
        job.totalBytes = message.totalBytes;
        return;
      }
      if (message.kind === 'done') job.outcome = message.outcome;
      else job.error = deserializeError(message.error);
      this.finish(job, onEnd);
    };
    if (this.inThread) void runImportJob(spec, receive);
    else this.inWorker(spec, receive);
    return job;
  }

  private inWorker(spec: ImportJobSpec, receive: (message: ImportJobMessage) => void): void {
    const worker = new Worker(WORKER_URL, { workerData: spec });
    this.workers.add(worker);
    worker.on('message', receive);
    // A worker that dies without a word (out of memory, a crash) is a fault of eropaf itself.
    worker.on('error', (error) => receive({ kind: 'error', error: { type: 'Error', message: error.message } }));
    worker.on('exit', (code) => {
      this.workers.delete(worker);
      receive({ kind: 'error', error: { type: 'Error', message: `the import thread stopped with code ${code} before it was done` } });
    });
  }

  private finish(job: ImportJob, onEnd: (job: ImportJob) => void): void {
    try {
      onEnd(job);
    } finally {
      job.state = job.error === null ? 'klaar' : 'fout';
      job.finishedAt = this.clock().getTime();
    }
  }

  /** The job of this session under this id. */
  find(id: unknown, sessionHash: string): ImportJob | undefined {
    this.sweep();
    if (typeof id !== 'string') return undefined;
    const job = this.jobs.get(id);
    return job !== undefined && job.sessionHash === sessionHash ? job : undefined;
  }

  /** Forgets a finished job (its preview was confirmed). */
  forget(job: ImportJob): void {
    if (job.state !== 'bezig') this.jobs.delete(job.id);
  }

  /** Forgets finished jobs nobody looked at in time; running ones are kept. */
  sweep(): void {
    const now = this.clock().getTime();
    for (const job of this.jobs.values()) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(job.id);
  }

  /** Ends every worker and forgets every job: at shutdown. */
  async dispose(): Promise<void> {
    this.jobs.clear();
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  /** How many jobs are still running (for tests and the bench). */
  get running(): number {
    return [...this.jobs.values()].filter((job) => job.state === 'bezig').length;
  }
}
