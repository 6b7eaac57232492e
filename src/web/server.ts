import fs from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve, type ServerType } from '@hono/node-server';
import { currentOsUser, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './app.js';

// Starting the web app for `eropaf serve`: one store for the process, TLS when given.

export interface ServeOptions {
  store: SqliteStore;
  host: string;
  port: number;
  tls: { cert: string; key: string } | null;
  behindProxy: boolean;
}

export function startServer(options: ServeOptions, onListening: (address: { address: string; port: number }) => void): ServerType {
  const app = createApp({
    store: options.store,
    clock: () => new Date(),
    secure: options.tls !== null || options.behindProxy,
    behindProxy: options.behindProxy,
    osUser: currentOsUser(),
  });
  const common = { fetch: app.fetch, hostname: options.host, port: options.port };
  const server =
    options.tls === null
      ? serve(common, (info) => onListening(info))
      : serve(
          { ...common, createServer: createHttpsServer, serverOptions: { cert: fs.readFileSync(options.tls.cert), key: fs.readFileSync(options.tls.key) } },
          (info) => onListening(info),
        );
  return server;
}
