import { createHash, randomBytes } from 'node:crypto';
import { isLocked, LOCKOUT_MS, MAX_FAILED_LOGINS, parseAccountName, SESSION_MAX_MS, sessionExpired } from '../core/accounts.js';
import { sessionIdleMinutesFrom } from '../core/settings.js';
import type { AccountRecord, SessionRecord, Store } from '../store/store.js';
import { decoyHash, verifyPassword } from './passwords.js';

// Signing in and out of the web app, and finding the session a browser's cookie belongs to.
// The cookie holds a random token; the database keeps only its SHA-256.

export interface SignedIn {
  token: string;
  session: SessionRecord;
  account: AccountRecord;
}

const newToken = (): string => randomBytes(32).toString('base64url');
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** How stale a session's last-seen time may be before a request renews it. */
const SESSION_TOUCH_MS = 60_000;

/**
 * Checks a name and password. Null for every refusal alike (unknown name, deactivated, locked,
 * wrong password), so that the answer never tells whether an account exists; each of those takes
 * one password check. `auditAs` gives the store that audits as the named (existing) account.
 */
export async function signIn(
  store: Store,
  input: { name: string; password: string; now: Date },
  auditAs: (account: string) => Store,
): Promise<SignedIn | null> {
  const name = parseAccountName(input.name);
  const account = name.ok ? await store.accountByName(name.value) : undefined;
  if (account === undefined || !account.active || isLocked(account.lockedUntil, input.now)) {
    await verifyPassword(input.password, await decoyHash());
    if (account !== undefined) {
      const audited = auditAs(account.name);
      await audited.transaction((tx) => tx.appendAudit({ counts: { geweigerd: 1 } }));
    }
    return null;
  }
  const audited = auditAs(account.name);
  const at = input.now.toISOString();
  if (!(await verifyPassword(input.password, account.passwordHash))) {
    await audited.transaction(async (tx) => {
      await tx.addLoginFailure(account.id, at);
      const failures = await tx.countLoginFailures(account.id, new Date(input.now.getTime() - LOCKOUT_MS).toISOString());
      const lock = failures >= MAX_FAILED_LOGINS;
      if (lock) {
        await tx.updateAccount(account.id, { lockedUntil: new Date(input.now.getTime() + LOCKOUT_MS).toISOString() });
        await tx.clearLoginFailures(account.id);
      }
      await tx.appendAudit({ counts: { mislukt: 1, geblokkeerd: lock ? 1 : 0 } });
    });
    return null;
  }
  const token = newToken();
  const session: SessionRecord = { idHash: hashToken(token), accountId: account.id, csrfToken: newToken(), createdAt: at, lastSeenAt: at };
  const idleMs = sessionIdleMinutesFrom(await store.settings()) * 60_000;
  await audited.transaction(async (tx) => {
    // Sessions nobody came back to are removed here, at the moment a new one starts.
    await tx.deleteEndedSessions(new Date(input.now.getTime() - idleMs).toISOString(), new Date(input.now.getTime() - SESSION_MAX_MS).toISOString());
    await tx.clearLoginFailures(account.id);
    await tx.updateAccount(account.id, { lockedUntil: null });
    await tx.addSession(session);
    await tx.appendAudit({ counts: { ingelogd: 1 } });
  });
  const { passwordHash: _secret, ...publicAccount } = account;
  return { token, session, account: publicAccount };
}

/**
 * The session of a cookie's token, renewed for another idle period; null (and the session
 * removed) when it has ended, or when its account was deactivated.
 */
export async function resumeSession(store: Store, token: string, now: Date): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
  if (!TOKEN.test(token)) return null;
  const found = await store.session(hashToken(token));
  if (found === undefined) return null;
  const idleMs = sessionIdleMinutesFrom(await store.settings()) * 60_000;
  if (!found.account.active || sessionExpired(found.session, now, idleMs)) {
    await store.transaction((tx) => tx.deleteSession(found.session.idHash));
    return null;
  }
  // Renewed at most once a minute, and not while another connection writes (an import in the
  // web app's thread): a page must not wait for that, and the next request renews it.
  if (now.getTime() - Date.parse(found.session.lastSeenAt) < SESSION_TOUCH_MS) return found;
  const lastSeenAt = now.toISOString();
  const touched = await store.transactionIfFree((tx) => tx.touchSession(found.session.idHash, lastSeenAt));
  return touched ? { session: { ...found.session, lastSeenAt }, account: found.account } : found;
}

/** Ends a session: the cookie's token is worthless after this. */
export async function signOut(store: Store, session: SessionRecord): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.deleteSession(session.idHash);
    await tx.appendAudit({ counts: { uitgelogd: 1 } });
  });
}
