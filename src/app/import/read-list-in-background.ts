// Runs read-list.ts in a worker thread, so that parsing and normalising the list (one core) go on
// while this thread writes the rows to SQLite (the other). The batches arrive in order; an error
// in the worker arrives as the same error (DataError, UsageError, EnvironmentError: same class,
// message, hint and details), after the batches before it.
//
// The worker is compiled JavaScript next to this module. When it is not there (the TypeScript
// sources run directly, as in unit tests) the list is read in this thread instead, by the very
// same code.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deserializeError, readList, type ListJob, type ListMessage, type SerializedError } from './read-list.js';

type WorkerMessage = ListMessage | { kind: 'end' } | { kind: 'error'; error: SerializedError };

const WORKER_URL = new URL('./read-list-worker.js', import.meta.url);

/**
 * The worker's heap, in MiB. What it holds at any time is a few batches of rows, so a small old
 * generation is plenty, and keeps the memory of the whole import flat and low.
 */
const WORKER_YOUNG_GENERATION_MIB = 32;
const WORKER_OLD_GENERATION_MIB = 64;

export function readListInBackground(job: ListJob): AsyncGenerator<ListMessage> {
  return fs.existsSync(fileURLToPath(WORKER_URL)) ? fromWorker(job) : readList(job);
}

async function* fromWorker(job: ListJob): AsyncGenerator<ListMessage> {
  const worker = new Worker(WORKER_URL, {
    workerData: job,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MIB },
  });
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    signal();
  });
  worker.on('error', (error: Error) => {
    failure ??= error;
    signal();
  });
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) failure ??= new Error(`the import's reader thread stopped with code ${code}`);
    signal();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if (failure !== null) throw failure;
        if (exited) throw new Error("the import's reader thread stopped before the end of the list");
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'end') return;
      if (message.kind === 'error') throw deserializeError(message.error);
      yield message;
      if (message.kind === 'rows') worker.postMessage('taken');
    }
  } finally {
    if (!exited) await worker.terminate();
  }
}
