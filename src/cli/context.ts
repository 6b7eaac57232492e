import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { localIsoDate } from '../core/fields/date.js';
import { EnvironmentError } from '../core/errors.js';
import type { IsoDate } from '../core/types.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AuditContext } from '../store/store.js';
import { colourFor, writeLine, type Io } from '../terminal/io.js';
import type { GlobalOptions } from './program.js';

// What every command needs besides its own options: the database, the clock and its paths.

// How long a command waits for another eropaf's write (an import of a big list holds the lock
// for tens of seconds) before it says the database is busy: as long as the web app's jobs wait.
const BUSY_TIMEOUT_MS = 30_000;

export function databasePath(command: Command, io: Io): string {
  const global = command.optsWithGlobals<GlobalOptions>();
  // An empty EROPAF_DB counts as unset, not as "the current directory".
  return inCwd(io, global.db ?? (io.env.EROPAF_DB || 'eropaf.db'));
}

// Options whose value is free text that may describe a person: the audit trail notes only that
// they were given. The same for a saved setting that names the delivery's contact person.
const FREE_TEXT_OPTIONS = new Set(['note', 'contactName', 'contactEmail', 'contactPhone', 'functietitel']);
const PERSONAL_SETTINGS = /^ddas\.(contact-|functietitel)/;

/** The running command as the audit trail records it: its name, arguments and options. */
export function auditContextOf(command: Command, io: Io): AuditContext {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command.opts())) {
    options[key] = FREE_TEXT_OPTIONS.has(key) ? '(gegeven)' : value;
  }
  const args = names.join(' ') === 'config set' && PERSONAL_SETTINGS.test(command.args[0] ?? '') ? [command.args[0], '(gegeven)'] : command.args;
  return { at: now(io), osUser: io.osUser, command: names.join(' '), options: { argumenten: args, ...options } };
}

/**
 * How a command uses the database: `write` changes it (and creates it on first use); `dry-run`
 * reads it and writes nothing, also working on a database that does not exist yet; `read` reports
 * from it, and a missing database is then an error, not an empty report.
 */
export type StoreAccess = 'write' | 'dry-run' | 'read';

export function openStore(command: Command, io: Io, access: StoreAccess): SqliteStore {
  const file = databasePath(command, io);
  if (access === 'read' && !fs.existsSync(file)) {
    throw new EnvironmentError(`De database ${file} bestaat niet.`, {
      hint: 'Controleer --db of EROPAF_DB. Een nieuwe database ontstaat bij de eerste "eropaf import".',
    });
  }
  const store = SqliteStore.open(file, {
    readonly: access !== 'write',
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    now: () => now(io),
    audit: auditContextOf(command, io),
  });
  if (store.tooOpenMode !== null) {
    const colour = colourFor(io.stderr, io.env);
    writeLine(
      io.stderr,
      `${colour.yellow('let op:')} ${file} is leesbaar voor anderen (rechten ${store.tooOpenMode.toString(8)}); de database bevat persoonsgegevens. Herstel dat met: chmod 600 "${file}"`,
    );
  }
  return store;
}

/**
 * Runs `work` with the store open and closes it after. When this command created the database
 * and then failed, the new file is removed again: a failed first command leaves nothing behind.
 */
export async function withStore<T>(
  command: Command,
  io: Io,
  options: StoreAccess,
  work: (store: SqliteStore) => Promise<T>,
): Promise<T> {
  const store = openStore(command, io, options);
  let failed = true;
  try {
    const result = await work(store);
    failed = false;
    return result;
  } finally {
    await store.close();
    if (failed && store.created) removeDatabaseFiles(databasePath(command, io));
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** A path the user gave, taken from the command's working directory. */
export function inCwd(io: Io, file: string): string {
  return path.resolve(io.cwd, file);
}

export function now(io: Io): string {
  return io.now().toISOString();
}

/** Today's date in the user's own time zone: a signal dated "today" must not count as the future. */
export function today(io: Io): IsoDate {
  return localIsoDate(io.now());
}
