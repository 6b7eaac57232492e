import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Io } from '../../terminal/io.js';

// Accounts of the web app (`eropaf serve`). Passwords are read, never given as an option.

export function registerUsers(program: Command, io: Io): void {
  const users = program
    .command('users')
    .alias('gebruikers')
    .description('Beheer de gebruikers van de webapp (eropaf serve).')
    .usage('<opdracht> [opties]');

  users
    .command('add')
    .alias('toevoegen')
    .description('Voeg een gebruiker toe; het wachtwoord wordt gevraagd (of als eerste regel van de invoer gelezen).')
    .argument('<naam>', 'de gebruikersnaam, bv. anna')
    .requiredOption('--role <rol>', 'coordinator of medewerker')
    .option('--worker <naam>', 'de medewerker wiens werklijst deze gebruiker ziet, bv. "Anna de Vries"')
    .action(async (name: string, options: { role: string; worker?: string }, command: Command) => {
      const { runAddUser } = await import('../actions/users.js');
      await runAddUser(io, name, options, command);
    });

  users
    .command('list')
    .alias('lijst')
    .description('Toon de gebruikers.')
    .option('--format <vorm>', 'tabel (standaard) of json')
    .action(async (options: { format?: string }, command: Command) => {
      const { runListUsers } = await import('../actions/users.js');
      await runListUsers(io, options, command);
    });

  for (const [verb, alias, active] of [
    ['deactivate', 'deactiveer', false],
    ['activate', 'activeer', true],
  ] as const) {
    users
      .command(verb)
      .alias(alias)
      .description(active ? 'Laat een gebruiker weer inloggen (heft ook een blokkade op).' : 'Laat een gebruiker niet meer inloggen; wie ingelogd is, wordt uitgelogd.')
      .argument('<naam>', 'de gebruikersnaam')
      .action(async (name: string, _options: unknown, command: Command) => {
        const { runSetUserActive } = await import('../actions/users.js');
        await runSetUserActive(io, name, active, command);
      });
  }

  users
    .command('reset-password')
    .alias('nieuw-wachtwoord')
    .description('Geef een gebruiker een nieuw wachtwoord; wie ingelogd is, wordt uitgelogd.')
    .argument('<naam>', 'de gebruikersnaam')
    .action(async (name: string, _options: unknown, command: Command) => {
      const { runResetPassword } = await import('../actions/users.js');
      await runResetPassword(io, name, command);
    });

  users.action(() => {
    throw new UsageError('Welke gebruikersopdracht?', { hint: 'Kies add, list, deactivate, activate of reset-password; zie eropaf users --help.' });
  });
}
