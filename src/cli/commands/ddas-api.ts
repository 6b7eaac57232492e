import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

// The DDAS supplier API that CBS calls. Its code (src/ddas-api/) is loaded only by this command.

export interface DdasApiCommandOptions {
  port?: string;
  host?: string;
  signingKey: string;
  signingCert: string;
  trustAnchors?: string;
}

export function registerDdasApi(program: Command, io: Io): void {
  program
    .command('ddas-api')
    .description(
      'Start de DDAS-leveranciers-API: het CBS haalt de landelijke levering op met POST /gegevens, ondertekend (JAdES, PS256). Mutual TLS doet de FSC-inway ervoor.',
    )
    .usage('--port 8443 --signing-key sleutel.pem --signing-cert certificaat.pem [opties]')
    .requiredOption('--signing-key <bestand>', 'de RSA-privésleutel van het ondertekeningscertificaat (PEM, zonder wachtwoord)')
    .requiredOption('--signing-cert <bestand>', 'het PKIoverheid-ondertekeningscertificaat (PEM), eventueel gevolgd door de tussenliggende certificaten')
    .option('--trust-anchors <bestand>', 'CA-certificaten (PEM) waaraan de handtekening van een verzoek moet ketenen; zonder deze optie controleert eropaf verzoeken niet')
    .option('--port <poort>', 'de poort (standaard 8443)')
    .option('--host <adres>', 'het adres om op te luisteren (standaard 127.0.0.1); een ander alleen als de FSC-inway op een andere machine draait')
    .action(async (options: DdasApiCommandOptions, command: Command) => {
      const { runDdasApi } = await import('../actions/ddas-api.js');
      await runDdasApi(io, options, command);
    });
}
