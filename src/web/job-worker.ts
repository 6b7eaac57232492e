// The worker thread of a job started in the web app (jobs.ts): runs the job and posts its progress
// and outcome to the server's thread.

import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type AnyJobSpec } from './job-kinds.js';

const port = parentPort;
if (port === null) throw new Error('job-worker.js runs as a worker thread only');
await runJob(workerData as AnyJobSpec, (message) => port.postMessage(message));
