import type { Command } from 'commander';
import { addAccount, resetPassword, setAccountActive } from '../../app/accounts.js';
import { isLocked, parseRole } from '../../core/accounts.js';
import type { AccountRecord } from '../../store/store.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { readNewPassword } from '../../terminal/password.js';
import { renderTable } from '../../terminal/table.js';
import { now, withStore } from '../context.js';
import { parseFormat, parseOption } from '../options.js';

export async function runAddUser(io: Io, name: string, options: { role: string; worker?: string }, command: Command): Promise<void> {
  const role = parseOption('--role', options.role, parseRole);
  const password = await readNewPassword(io);
  await withStore(command, io, 'write', async (store) => {
    const account = await addAccount(store, { name, role, ...(options.worker !== undefined && { worker: options.worker }), password, createdAt: now(io) });
    writeLine(io.stdout, `Gebruiker ${account.name} toegevoegd (${account.role}${account.workerName === null ? '' : `, werklijst van ${account.workerName}`}).`);
    writeLine(io.stdout, 'Start de webapp met: eropaf serve');
  });
}

export async function runListUsers(io: Io, options: { format?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const list = await store.accounts();
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify(list.map(toJson), null, 2));
      return;
    }
    if (list.length === 0) {
      writeLine(io.stdout, 'Nog geen gebruikers. Voeg er een toe met: eropaf users add NAAM --role coordinator');
      return;
    }
    io.stdout.write(
      renderTable(
        ['gebruiker', 'rol', 'medewerker', 'actief', 'geblokkeerd'],
        list.map((a) => [a.name, a.role, a.workerName ?? '', a.active ? 'ja' : 'nee', isLocked(a.lockedUntil, io.now()) ? 'ja' : 'nee']),
        colourFor(io.stdout, io.env),
      ),
    );
  });
}

function toJson(account: AccountRecord): Record<string, unknown> {
  return { gebruiker: account.name, rol: account.role, medewerker: account.workerName, actief: account.active, aangemaakt: account.createdAt };
}

export async function runSetUserActive(io: Io, name: string, active: boolean, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const account = await setAccountActive(store, name, active);
    writeLine(io.stdout, `${account.name} ${active ? 'kan weer inloggen' : 'kan niet meer inloggen'}.`);
  });
}

export async function runResetPassword(io: Io, name: string, command: Command): Promise<void> {
  const password = await readNewPassword(io);
  await withStore(command, io, 'write', async (store) => {
    const account = await resetPassword(store, name, password);
    writeLine(io.stdout, `${account.name} heeft een nieuw wachtwoord; eventuele sessies zijn beëindigd.`);
  });
}
