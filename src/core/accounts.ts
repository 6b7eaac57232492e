import type { Parsed } from './types.js';

// Accounts of the web app: who may sign in, with which role, and the rules that decide when a
// sign-in is refused or a session has ended. Pure: the clock and the hashing live in src/app/.

export const ROLES = ['coordinator', 'medewerker'] as const;
export type Role = (typeof ROLES)[number];

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords add nothing but hashing work an attacker could ask for. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Wrong passwords in a row (within the lock-out time) that lock an account. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** A session ends after this long, however active. */
export const SESSION_MAX_MS = 12 * 60 * 60_000;

export function parseRole(text: string): Parsed<Role> {
  const role = text.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(role)) return { ok: true, value: role as Role };
  return { ok: false, expected: 'coordinator of medewerker' };
}

/** A sign-in name: letters, digits, dot, dash and underscore, so it is easy to type and never a sentence. */
export function parseAccountName(text: string): Parsed<string> {
  const name = text.trim();
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/.test(name)) return { ok: true, value: name };
  return { ok: false, expected: 'een gebruikersnaam van 2 tot 40 tekens: letters, cijfers, punt, streepje of liggend streepje' };
}

/** Why a password is not acceptable, or null. Counted in characters as a person sees them. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Het wachtwoord is te kort: minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  if (length > MAX_PASSWORD_LENGTH) return `Het wachtwoord is te lang: hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
  return null;
}

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
}

/** Whether a session has ended at `now`: idle too long, or older than the maximum. */
export function sessionExpired(session: SessionTimes, now: Date, idleMs: number): boolean {
  const at = now.getTime();
  return at - Date.parse(session.lastSeenAt) >= idleMs || at - Date.parse(session.createdAt) >= SESSION_MAX_MS;
}

/** Whether an account is locked at `now`. */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}
