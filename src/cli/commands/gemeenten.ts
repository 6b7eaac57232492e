import type { Command } from 'commander';
import type { Io } from '../../terminal/io.js';

export function registerGemeenten(program: Command, io: Io): void {
  const gemeenten = program
    .command('gemeenten')
    .alias('municipalities')
    .description('Beheer de gemeenten waarvoor het team werkt (elk met een eigen lijst, tabel en levering).')
    .usage('<opdracht> [opties]');

  gemeenten
    .command('add')
    .alias('toevoegen')
    .description('Voeg een gemeente toe.')
    .argument('<code>', 'de CBS-gemeentecode, vier cijfers (bijvoorbeeld 0397)')
    .argument('<naam>', 'de naam van de gemeente (bijvoorbeeld Heemstede)')
    .action(async (code: string, name: string, _options: unknown, command: Command) => {
      const { runAddGemeente } = await import('../actions/gemeenten.js');
      await runAddGemeente(io, code, name, command);
    });

  gemeenten
    .command('list')
    .alias('lijst')
    .description('Toon de gemeenten.')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string }, command: Command) => {
      const { runListGemeenten } = await import('../actions/gemeenten.js');
      await runListGemeenten(io, options, command);
    });

  gemeenten
    .command('set')
    .alias('wijzig')
    .description('Geef de gemeente van een bestaande database haar code en naam, of verbeter de naam bij een code.')
    .argument('<code>', 'de CBS-gemeentecode, vier cijfers')
    .argument('<naam>', 'de naam van de gemeente')
    .action(async (code: string, name: string, _options: unknown, command: Command) => {
      const { runSetGemeente } = await import('../actions/gemeenten.js');
      await runSetGemeente(io, code, name, command);
    });
}
