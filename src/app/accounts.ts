import { parseAccountName, passwordProblem, type Role } from '../core/accounts.js';
import { DataError } from '../core/errors.js';
import type { AccountRecord, Store } from '../store/store.js';
import { hashPassword } from './passwords.js';
import { findWorker } from './workers.js';

// Managing the web app's accounts; the command line (`eropaf users`) and Beheer call these.
// The audit trail records what was done to which account, never a password.

function checkName(text: string): string {
  const parsed = parseAccountName(text);
  if (parsed.ok) return parsed.value;
  throw new DataError(`"${text.trim()}" kan geen gebruikersnaam zijn: verwacht ${parsed.expected}.`, {
    hint: 'Kies bijvoorbeeld de voornaam in kleine letters: anna.',
  });
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem !== null) throw new DataError(problem, { hint: 'Kies een lange zin die u kunt onthouden, bijvoorbeeld vier losse woorden.' });
}

export async function findAccount(store: Store, name: string): Promise<AccountRecord> {
  const account = await store.accountByName(name.trim());
  if (account !== undefined) return account;
  throw new DataError(`Er is geen gebruiker "${name.trim()}".`, { hint: 'Bekijk de gebruikers met: eropaf users list' });
}

export async function addAccount(
  store: Store,
  input: { name: string; role: Role; worker?: string; password: string; createdAt: string },
): Promise<AccountRecord> {
  const name = checkName(input.name);
  checkPassword(input.password);
  const worker = input.worker === undefined ? null : await findWorker(store, input.worker);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const existing = await tx.accountByName(name);
    if (existing !== undefined) {
      throw new DataError(`Er is al een gebruiker "${existing.name}".`, {
        hint: `Kies een andere naam, of geef een nieuw wachtwoord met: eropaf users reset-password ${existing.name}`,
      });
    }
    const account = await tx.addAccount({ name, role: input.role, workerId: worker?.id ?? null, passwordHash, createdAt: input.createdAt });
    await tx.appendAudit({ counts: { gebruikers: 1 } });
    return account;
  });
}

/** Deactivating ends the account's sessions at once; activating also lifts a lock-out. */
export async function setAccountActive(store: Store, name: string, active: boolean): Promise<AccountRecord> {
  const account = await findAccount(store, name);
  await store.transaction(async (tx) => {
    await tx.updateAccount(account.id, active ? { active, lockedUntil: null } : { active });
    if (!active) await tx.deleteSessionsOf(account.id);
    await tx.clearLoginFailures(account.id);
    await tx.appendAudit({ counts: { gebruikers: 1 } });
  });
  return { ...account, active };
}

/** A new password ends the account's sessions and lifts a lock-out. */
export async function resetPassword(store: Store, name: string, password: string): Promise<AccountRecord> {
  const account = await findAccount(store, name);
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.updateAccount(account.id, { passwordHash, lockedUntil: null });
    await tx.deleteSessionsOf(account.id);
    await tx.clearLoginFailures(account.id);
    await tx.appendAudit({ counts: { gebruikers: 1 } });
  });
  return account;
}
