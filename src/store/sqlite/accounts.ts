import type Database from 'better-sqlite3';
import type { Role } from '../../core/accounts.js';
import type { AccountRecord, AccountStore, SessionRecord } from '../store.js';

// Web app accounts, their sessions and their wrong passwords.

interface AccountRow {
  id: number;
  name: string;
  role: Role;
  worker_id: number | null;
  worker_name: string | null;
  active: number;
  locked_until: string | null;
  created_at: string;
  password_hash: string;
}

const ACCOUNT_COLUMNS = `a.id, a.name, a.role, a.worker_id, w.name AS worker_name, a.active, a.locked_until, a.created_at, a.password_hash`;

const toRecord = (row: AccountRow): AccountRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  workerId: row.worker_id,
  workerName: row.worker_name,
  active: row.active === 1,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  async accounts(): Promise<AccountRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a LEFT JOIN workers w ON w.id = a.worker_id ORDER BY a.name`)
      .all() as AccountRow[];
    return rows.map(toRecord);
  }

  async accountByName(name: string): Promise<(AccountRecord & { passwordHash: string }) | undefined> {
    const row = this.db
      .prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a LEFT JOIN workers w ON w.id = a.worker_id WHERE a.name = ?`)
      .get(name) as AccountRow | undefined;
    return row === undefined ? undefined : { ...toRecord(row), passwordHash: row.password_hash };
  }

  async addAccount(account: { name: string; role: Role; workerId: number | null; passwordHash: string; createdAt: string }): Promise<AccountRecord> {
    const result = this.db
      .prepare('INSERT INTO accounts (name, role, worker_id, password_hash, active, created_at) VALUES (?, ?, ?, ?, 1, ?)')
      .run(account.name, account.role, account.workerId, account.passwordHash, account.createdAt);
    return (await this.accounts()).find((a) => a.id === Number(result.lastInsertRowid))!;
  }

  async updateAccount(id: number, change: { active?: boolean; passwordHash?: string; lockedUntil?: string | null }): Promise<void> {
    if (change.active !== undefined) this.db.prepare('UPDATE accounts SET active = ? WHERE id = ?').run(change.active ? 1 : 0, id);
    if (change.passwordHash !== undefined) this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
    if (change.lockedUntil !== undefined) this.db.prepare('UPDATE accounts SET locked_until = ? WHERE id = ?').run(change.lockedUntil, id);
  }

  async addLoginFailure(accountId: number, at: string): Promise<void> {
    this.db.prepare('INSERT INTO login_attempts (account_id, at) VALUES (?, ?)').run(accountId, at);
  }

  async countLoginFailures(accountId: number, since: string): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM login_attempts WHERE account_id = ? AND at >= ?').pluck().get(accountId, since) as number;
  }

  async clearLoginFailures(accountId: number): Promise<void> {
    this.db.prepare('DELETE FROM login_attempts WHERE account_id = ?').run(accountId);
  }

  async addSession(session: SessionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(session.idHash, session.accountId, session.csrfToken, session.createdAt, session.lastSeenAt);
  }

  async session(idHash: string): Promise<{ session: SessionRecord; account: AccountRecord } | undefined> {
    const row = this.db
      .prepare(
        `SELECT s.id_hash, s.account_id, s.csrf_token, s.created_at AS session_created_at, s.last_seen_at, ${ACCOUNT_COLUMNS}
         FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN workers w ON w.id = a.worker_id
         WHERE s.id_hash = ?`,
      )
      .get(idHash) as (AccountRow & { id_hash: string; account_id: number; csrf_token: string; session_created_at: string; last_seen_at: string }) | undefined;
    if (row === undefined) return undefined;
    return {
      session: { idHash: row.id_hash, accountId: row.account_id, csrfToken: row.csrf_token, createdAt: row.session_created_at, lastSeenAt: row.last_seen_at },
      account: toRecord(row),
    };
  }

  async touchSession(idHash: string, at: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsOf(accountId: number): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId);
  }

  async deleteEndedSessions(idleBefore: string, startedBefore: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(idleBefore, startedBefore);
  }
}
