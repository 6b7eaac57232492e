// `eropaf users`: accounts for the web app. The password comes from standard input (one line)
// when that is not a terminal, is stored only as a salted scrypt hash, and never appears in the
// output or the audit trail.

import { describe, expect, it } from 'vitest';
import { withDb, workspace, type RunResult } from './helpers.js';

const ws = workspace('eropaf-users-');
const PASSWORD = 'paarden-batterij-nietje';

function withInput(args: readonly string[], input: string): Promise<RunResult> {
  return ws.run(args, { input });
}

describe('eropaf users', () => {
  it('adds an account with the first line of stdin as password, hashed with scrypt', async () => {
    expect((await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '10'])).status).toBe(0);
    const added = await withInput(['users', 'add', 'anna', '--role', 'medewerker', '--worker', 'Anna de Vries'], `${PASSWORD}\nignored second line\n`);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const rows = withDb(ws.db, (db) => db.prepare('SELECT name, role, password_hash, worker_id FROM accounts').all()) as Array<{ name: string; role: string; password_hash: string; worker_id: number }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('anna');
    expect(rows[0]!.role).toBe('medewerker');
    expect(rows[0]!.worker_id).not.toBeNull();
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it('refuses a password shorter than 12 characters and stores nothing', async () => {
    const refused = await withInput(['gebruikers', 'add', 'bram', '--role', 'coordinator'], 'elf tekens!\n');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('minstens 12 tekens');
    expect(withDb(ws.db, (db) => db.prepare("SELECT count(*) AS n FROM accounts WHERE name = 'bram'").get())).toEqual({ n: 0 });
  });

  it('refuses an unknown role and a second account with the same name', async () => {
    expect((await withInput(['users', 'add', 'bram', '--role', 'baas'], `${PASSWORD}\n`)).status).toBe(2);
    const twice = await withInput(['users', 'add', 'ANNA', '--role', 'coordinator'], `${PASSWORD}\n`);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('Er is al een gebruiker "anna"');
  });

  it('lists, deactivates, activates and resets a password; the audit trail never holds the password', async () => {
    expect((await ws.run(['users', 'deactivate', 'anna'])).status).toBe(0);
    expect(JSON.parse((await ws.run(['users', 'list', '--format', 'json'])).stdout)).toEqual([
      expect.objectContaining({ gebruiker: 'anna', rol: 'medewerker', medewerker: 'Anna de Vries', actief: false }),
    ]);
    expect((await ws.run(['users', 'activate', 'anna'])).status).toBe(0);
    const before = withDb(ws.db, (db) => db.prepare('SELECT password_hash FROM accounts').pluck().get());
    expect((await withInput(['users', 'reset-password', 'anna'], 'een heel ander wachtwoord\n')).status).toBe(0);
    expect(withDb(ws.db, (db) => db.prepare('SELECT password_hash FROM accounts').pluck().get())).not.toBe(before);
    const audit = JSON.stringify(withDb(ws.db, (db) => db.prepare('SELECT * FROM audit').all()));
    expect(audit).toContain('users reset-password');
    expect(audit).not.toContain(PASSWORD);
    expect(audit).not.toContain('een heel ander wachtwoord');
  });
});
