// The worker thread of an import started in the web app (import-jobs.ts): runs the job and posts
// its progress and outcome to the server's thread.

import { parentPort, workerData } from 'node:worker_threads';
import { runImportJob, type ImportJobSpec } from './import-job.js';

const port = parentPort;
if (port === null) throw new Error('import-worker.js runs as a worker thread only');
await runImportJob(workerData as ImportJobSpec, (message) => port.postMessage(message));
