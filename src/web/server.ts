import fs from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve, type ServerType } from '@hono/node-server';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './app.js';
import { Jobs } from './jobs.js';
import { Uploads } from './uploads.js';

// Starting the web app for `eropaf serve`: one store for the process, TLS when given.

export interface ServeOptions {
  store: SqliteStore;
  host: string;
  port: number;
  tls: { cert: string; key: string } | null;
  behindProxy: boolean;
  /** The clock, the operating-system account and where faults are reported: the command's own. */
  clock: () => Date;
  osUser: string;
  reportFault: (line: string) => void;
}

/** How long a job's thread (an import, a triage) waits for a write of the server (or the command line) to end. */
const JOB_BUSY_TIMEOUT_MS = 30_000;

/** Starts listening; `stop` ends running jobs, closes the server and removes uploads. */
export function startServer(
  options: ServeOptions,
  onListening: (address: { address: string; port: number }) => void,
): { server: ServerType; stop: (done: () => void) => void } {
  const { clock } = options;
  // Uploads a previous server left behind (it was killed) are removed now.
  Uploads.removeAbandoned(clock);
  const uploads = new Uploads(clock);
  const jobs = new Jobs(clock);
  const app = createApp({
    uploads,
    background: { jobs, database: options.store.file, busyTimeoutMs: JOB_BUSY_TIMEOUT_MS },
    store: options.store,
    clock,
    secure: options.tls !== null || options.behindProxy,
    behindProxy: options.behindProxy,
    osUser: options.osUser,
    reportFault: options.reportFault,
  });
  const common = { fetch: app.fetch, hostname: options.host, port: options.port };
  const server =
    options.tls === null
      ? serve(common, (info) => onListening(info))
      : serve(
          { ...common, createServer: createHttpsServer, serverOptions: { cert: fs.readFileSync(options.tls.cert), key: fs.readFileSync(options.tls.key) } },
          (info) => onListening(info),
        );
  return {
    server,
    stop: (done) => {
      // Jobs still running end first (SQLite rolls their transaction back), then their files go.
      void jobs.dispose().then(() => {
        uploads.dispose();
        server.close(() => done());
      });
    },
  };
}
