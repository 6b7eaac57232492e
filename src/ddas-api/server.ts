import { serve, type ServerType } from '@hono/node-server';
import { createDdasApi, type DdasApiOptions } from './app.js';

// Starting the DDAS supplier API for `eropaf ddas-api`: plain http on the given address; the
// organisation's FSC inway in front of it does the mutual TLS with PKIoverheid certificates.

export function startDdasApi(
  options: DdasApiOptions & { host: string; port: number },
  onListening: (address: { address: string; port: number }) => void,
): ServerType {
  const app = createDdasApi(options);
  return serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => onListening(info));
}
