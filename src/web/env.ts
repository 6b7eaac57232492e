import type { OffQueue } from '../http/queue.js';
import type { Context } from 'hono';
import type { AccountRecord, AuditContext, SessionRecord, Store } from '../store/store.js';
import type { Jobs } from './jobs.js';
import type { Uploads } from './uploads.js';

// What the app's handlers share: the signed-in account of the request, and the store.

export interface Auth {
  account: AccountRecord;
  session: SessionRecord;
}

export interface WebOptions {
  store: Store;
  /** The clock: injected, so that tests can move time (session expiry, lock-out). */
  clock: () => Date;
  /** Served over TLS (or behind a proxy that terminates it): cookies get Secure. */
  secure: boolean;
  /** Behind a reverse proxy: its X-Forwarded-Host names the origin browsers see. */
  behindProxy: boolean;
  /** Who runs the server process, for the audit trail next to the account. */
  osUser: string;
  /** Where uploaded lists wait for confirmation; the server removes them when it stops. */
  uploads?: Uploads;
  /** The most vroegsignalen in one delivery file (DDAS: 50,000); tests make it small. */
  ddasMaxSignalsPerFile?: number;
  /** The jobs running off the request path (imports, triages), and the database file their threads open. */
  background?: { jobs: Jobs; database: string; busyTimeoutMs: number };
  /** Told of a fault in eropaf itself (a line without personal data), for the server's output. */
  reportFault?: (line: string) => void;
}

export interface WebEnv {
  Variables: {
    auth: Auth | null;
    /** Runs `work` (waiting on the network, not the database) outside the write queue (http/queue.ts). */
    offQueue: OffQueue;
  };
}

export type WebContext = Context<WebEnv>;

/** The store that audits as the signed-in account doing `command` (no personal data in `options`). */
export function auditedStore(c: WebContext, options: WebOptions, command: string, details: Record<string, unknown> = {}): Store {
  return options.store.withAudit(auditContextOf(c, options, command, details));
}

/** Who does `command` in the audit trail: the signed-in account, on the server's computer. */
export function auditContextOf(c: WebContext, options: WebOptions, command: string, details: Record<string, unknown> = {}): AuditContext {
  return {
    at: options.clock().toISOString(),
    osUser: options.osUser,
    account: c.get('auth')?.account.name ?? null,
    command: `web ${command}`,
    options: details,
  };
}
