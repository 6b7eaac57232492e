import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

// The web app. Its code (src/web/) is loaded only by this command.

export interface ServeCommandOptions {
  port?: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  behindProxy?: boolean;
}

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .alias('webapp')
    .description('Start de webapp voor het team (standaard op http://127.0.0.1:8080).')
    .usage('[opties]')
    .option('--port <poort>', 'de poort (standaard 8080)')
    .option('--host <adres>', 'het adres om op te luisteren (standaard 127.0.0.1); een ander alleen met TLS of --behind-proxy')
    .option('--tls-cert <bestand>', 'het TLS-certificaat (PEM), voor https')
    .option('--tls-key <bestand>', 'de sleutel bij het certificaat (PEM)')
    .option('--behind-proxy', 'achter een reverse proxy die https afhandelt')
    .action(async (options: ServeCommandOptions, command: Command) => {
      const { runServe } = await import('../actions/serve.js');
      await runServe(io, options, command);
    });
}
