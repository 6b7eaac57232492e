// The worker thread of an import: reads and normalises the list (read-list.ts) and posts the
// batches to the thread that writes them to SQLite. At most MAX_IN_FLIGHT batches are on their
// way at any time, so memory stays flat when the writer is the slower of the two.

import { parentPort, workerData } from 'node:worker_threads';
import { readList, serializeError, type ListJob } from './read-list.js';

/** Batches posted but not yet taken by the writer, before the reader waits. */
const MAX_IN_FLIGHT = 3;

const port = parentPort;
if (port === null) throw new Error('read-list-worker.js runs as a worker thread only');

let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== 'taken') return;
  inFlight -= 1;
  wake?.();
  wake = null;
});

try {
  for await (const message of readList(workerData as ListJob)) {
    if (message.kind === 'rows') {
      port.postMessage(message, [message.lengths.buffer as ArrayBuffer, message.numbers.buffer as ArrayBuffer]);
      inFlight += 1;
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    } else {
      port.postMessage(message);
    }
  }
  port.postMessage({ kind: 'end' });
} catch (error) {
  port.postMessage({ kind: 'error', error: serializeError(error) });
} finally {
  // Nothing more to wait for: let the thread end (the writer may also end it).
  port.removeAllListeners('message');
  port.unref();
}
