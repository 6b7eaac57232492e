import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deserializeError } from '../app/import/read-list.js';
import { runJob, type AnyJobSpec, type JobKind, type JobKinds, type JobMessage, type JobSpec } from './job-kinds.js';

// The jobs the web app runs off the request path (an import, a triage, their previews): each in a
// worker thread of its own, so that the server's thread goes on answering other requests. A job
// belongs to the session that started it; its page shows its progress until it is done. A
// finished job is forgotten after half an hour, or when the server stops (which also ends any
// job still running: its transaction is then rolled back by SQLite).
//
// The worker is compiled JavaScript next to this module. When it is not there (the TypeScript
// sources run directly, as in unit tests) the job runs in this thread instead, by the very same
// code and on a connection of its own.

const WORKER_URL = new URL('./job-worker.js', import.meta.url);
const KEEP_MS = 30 * 60_000;

export type JobState = 'bezig' | 'klaar' | 'fout';

export type Job<K extends JobKind> = {
  id: string;
  sessionHash: string;
  spec: JobSpec<K>;
  state: JobState;
  /** How far it is, in the kind's own unit (bytes read, meldingen planned); `total` 0: not known. */
  done: number;
  total: number;
  outcome: JobKinds[K]['outcome'] | null;
  error: Error | null;
  finishedAt: number | null;
} & JobKinds[K]['extra'];

type AnyJob = { [K in JobKind]: Job<K> }[JobKind];

export class Jobs {
  private readonly jobs = new Map<string, AnyJob>();
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly clock: () => Date,
    /** Runs jobs in this thread (the TypeScript sources, without the compiled worker). */
    readonly inThread = !fs.existsSync(fileURLToPath(WORKER_URL)),
  ) {}

  /** Starts a job; `onEnd` runs once it is done (with its outcome or error), before it is shown so. */
  start<K extends JobKind>(spec: JobSpec<K>, extra: JobKinds[K]['extra'], sessionHash: string, onEnd: (job: Job<K>) => void = () => {}): Job<K> {
    this.sweep();
    const job = {
      id: randomBytes(18).toString('base64url'),
      sessionHash,
      spec,
      ...extra,
      state: 'bezig',
      done: 0,
      total: 0,
      outcome: null,
      error: null,
      finishedAt: null,
    } as Job<K>;
    this.jobs.set(job.id, job as unknown as AnyJob);
    const receive = (message: JobMessage<unknown>): void => {
      if (job.state !== 'bezig') return;
      if (message.kind === 'progress') {
        job.done = message.done;
        job.total = message.total;
        return;
      }
      if (message.kind === 'done') job.outcome = message.outcome as JobKinds[K]['outcome'];
      else job.error = deserializeError(message.error);
      this.finish(job, onEnd);
    };
    if (this.inThread) void runJob(spec as AnyJobSpec, receive);
    else this.inWorker(spec as AnyJobSpec, receive);
    return job;
  }

  private inWorker(spec: AnyJobSpec, receive: (message: JobMessage<unknown>) => void): void {
    const worker = new Worker(WORKER_URL, { workerData: spec });
    this.workers.add(worker);
    worker.on('message', receive);
    // A worker that dies without a word (out of memory, a crash) is a fault of eropaf itself.
    worker.on('error', (error) => receive({ kind: 'error', error: { type: 'Error', message: error.message } }));
    worker.on('exit', (code) => {
      this.workers.delete(worker);
      receive({ kind: 'error', error: { type: 'Error', message: `the ${spec.kind} thread stopped with code ${code} before it was done` } });
    });
  }

  private finish<K extends JobKind>(job: Job<K>, onEnd: (job: Job<K>) => void): void {
    try {
      onEnd(job);
    } finally {
      job.state = job.error === null ? 'klaar' : 'fout';
      job.finishedAt = this.clock().getTime();
    }
  }

  /** The job of this kind of this session under this id. */
  find<K extends JobKind>(kind: K, id: unknown, sessionHash: string): Job<K> | undefined {
    this.sweep();
    if (typeof id !== 'string') return undefined;
    const job = this.jobs.get(id);
    return job !== undefined && job.spec.kind === kind && job.sessionHash === sessionHash ? (job as unknown as Job<K>) : undefined;
  }

  /** Forgets a finished job (its preview was confirmed). */
  forget(job: { id: string; state: JobState }): void {
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
