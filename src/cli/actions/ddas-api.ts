import fs from 'node:fs';
import type { Command } from 'commander';
import { EnvironmentError } from '../../core/errors.js';
import { writeLine, type Io } from '../../terminal/io.js';
import type { DdasApiCommandOptions } from '../commands/ddas-api.js';
import { databasePath, inCwd, openStore } from '../context.js';
import { parsePort } from './serve.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

export async function runDdasApi(io: Io, options: DdasApiCommandOptions, command: Command): Promise<void> {
  const port = parsePort(options.port ?? '8443');
  const host = (options.host ?? '127.0.0.1').trim();
  const clock = io.now;
  // Refused before anything listens: a missing key, one that is not RSA or not the certificate's.
  const { loadBodySigner } = await import('../../ddas-api/signing.js');
  const reportFault = (line: string): void => writeLine(io.stderr, line);
  const sign = loadBodySigner(inCwd(io, options.signingKey), inCwd(io, options.signingCert), clock, reportFault);
  const { loadTrustAnchors, requestVerifier } = await import('../../ddas-api/verify-request.js');
  const verifyRequest = options.trustAnchors === undefined ? undefined : requestVerifier(loadTrustAnchors(inCwd(io, options.trustAnchors)), clock);
  const file = databasePath(command, io);
  if (!fs.existsSync(file)) {
    throw new EnvironmentError(`De database ${file} bestaat niet.`, { hint: 'Controleer --db of EROPAF_DB.' });
  }
  const store = openStore(command, io, 'write');
  try {
    const { apiDeliverySetup } = await import('../../app/ddas/delivery-page.js');
    // Refused at start too: the organisation, contact and gemeentecodes every page needs.
    await apiDeliverySetup(store);
    const { startDdasApi } = await import('../../ddas-api/server.js');
    await new Promise<void>((resolve, reject) => {
      const server = startDdasApi(
        { store, sign, clock, osUser: io.osUser, host, port, reportFault, verifyRequest },
        (info) => {
          const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
          writeLine(io.stdout, `De DDAS-API draait op http://${shown}:${info.port}/gegevens — stop met Ctrl+C.`);
          if (verifyRequest === undefined) {
            writeLine(io.stdout, 'De handtekening van verzoeken wordt niet gecontroleerd: laat de FSC-inway dat doen, of geef --trust-anchors ca.pem.');
          }
          if (!LOOPBACK.test(host)) writeLine(io.stdout, 'Zorg dat alleen de FSC-inway deze poort kan bereiken: de levering bevat volledige BSN’s.');
        },
      );
      server.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          new EnvironmentError(`De DDAS-API kan niet starten op ${host}:${port} (${error.code ?? 'onbekende fout'}).`, {
            hint: error.code === 'EADDRINUSE' ? 'Die poort is al in gebruik; kies een andere met --port.' : 'Controleer --host en --port.',
          }),
        ),
      );
      const stop = (): void => {
        server.close(() => resolve());
      };
      io.onInterrupt(stop);
    });
  } finally {
    await store.close();
  }
}
