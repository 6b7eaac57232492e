import fs from 'node:fs';
import type { Command } from 'commander';
import { DataError, EnvironmentError, UsageError } from '../../core/errors.js';
import { writeLine, type Io } from '../../terminal/io.js';
import { inCwd, openStore } from '../context.js';
import type { ServeCommandOptions } from '../commands/serve.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

export function parsePort(text: string): number {
  const port = Number(text.trim());
  if (/^\d{1,5}$/.test(text.trim()) && port <= 65535) return port;
  throw new UsageError(`--port ${text} is geen poortnummer.`, { hint: 'Geef een getal van 1 tot en met 65535, bijvoorbeeld --port 8080.' });
}

function readable(io: Io, option: string, given: string): string {
  const file = inCwd(io, given);
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return file;
  } catch {
    throw new EnvironmentError(`${option} ${file} bestaat niet of is niet leesbaar.`, { hint: 'Controleer het pad en de rechten van het bestand.' });
  }
}

export async function runServe(io: Io, options: ServeCommandOptions, command: Command): Promise<void> {
  const port = parsePort(options.port ?? '8080');
  const host = (options.host ?? '127.0.0.1').trim();
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw new UsageError('--tls-cert en --tls-key horen bij elkaar.', { hint: 'Geef allebei, of geen van beide.' });
  }
  const tls = options.tlsCert === undefined ? null : { cert: readable(io, '--tls-cert', options.tlsCert), key: readable(io, '--tls-key', options.tlsKey!) };
  const behindProxy = options.behindProxy === true;
  // Without TLS, passwords and session cookies would cross the network readable: only this
  // computer may then connect, unless a proxy in front of it does the TLS.
  if (!LOOPBACK.test(host) && tls === null && !behindProxy) {
    throw new UsageError(`--host ${host} zonder TLS zou wachtwoorden onversleuteld over het netwerk sturen.`, {
      hint: 'Geef --tls-cert en --tls-key, of --behind-proxy als een reverse proxy https afhandelt. Zonder die opties luistert eropaf alleen op 127.0.0.1.',
    });
  }
  const store = openStore(command, io, 'write');
  try {
    if ((await store.accounts()).length === 0) {
      throw new DataError('Er is nog geen gebruiker, dus niemand kan inloggen in de webapp.', {
        hint: 'Maak eerst een account voor de coördinator: eropaf users add NAAM --role coordinator (het wachtwoord wordt gevraagd). Start daarna opnieuw: eropaf serve',
      });
    }
    const { startServer } = await import('../../web/server.js');
    await new Promise<void>((resolve, reject) => {
      const serveOptions = { store, host, port, tls, behindProxy, clock: io.now, osUser: io.osUser, reportFault: (line: string) => writeLine(io.stderr, line) };
      const { server, stop: stopServer } = startServer(serveOptions, (info) => {
        const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
        writeLine(io.stdout, `De webapp draait op ${tls === null && !behindProxy ? 'http' : 'https'}://${shown}:${info.port} — stop met Ctrl+C.`);
      });
      server.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new EnvironmentError(`De webapp kan niet starten op ${host}:${port} (${error.code ?? 'onbekende fout'}).`, {
            hint: error.code === 'EADDRINUSE' ? 'Die poort is al in gebruik; kies een andere met --port.' : 'Controleer --host en --port.',
          }),
        ),
      );
      const stop = (): void => stopServer(resolve);
      io.onInterrupt(stop);
    });
  } finally {
    await store.close();
  }
}
