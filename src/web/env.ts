import type { Context } from 'hono';
import type { AccountRecord, SessionRecord, Store } from '../store/store.js';
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
  /** Told of a fault in eropaf itself (a line without personal data), for the server's output. */
  reportFault?: (line: string) => void;
}

export interface WebEnv {
  Variables: {
    auth: Auth | null;
  };
}

export type WebContext = Context<WebEnv>;

/** The store that audits as the signed-in account doing `command` (no personal data in `options`). */
export function auditedStore(c: WebContext, options: WebOptions, command: string, details: Record<string, unknown> = {}): Store {
  const auth = c.get('auth');
  return options.store.withAudit({
    at: options.clock().toISOString(),
    osUser: options.osUser,
    account: auth?.account.name ?? null,
    command: `web ${command}`,
    options: details,
  });
}
