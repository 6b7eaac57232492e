import fs from 'node:fs';
import Database from 'better-sqlite3';
import { EnvironmentError } from '../../core/errors.js';
import { assertNotNewer, currentVersion, migrate, SCHEMA_VERSION } from './migrations.js';
import { translateSqliteError } from './sqlite-errors.js';

export interface OpenOptions {
  /** Open without the right to write: for dry runs. A missing file then gives an empty database in memory. */
  readonly: boolean;
  /** How long to wait for another eropaf process that is writing. */
  busyTimeoutMs: number;
  now: () => string;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when the file can be read by others than its owner: the caller warns. */
  tooOpenMode: number | null;
  /** This call created the file. */
  created: boolean;
  /** Closes the connection; after a dry run, also the -wal and -shm files that reading made. */
  close: () => void;
}

/**
 * Opens (and on first use creates, mode 0600) the database, checks its version and brings its
 * schema up to date.
 */
export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  const exists = fs.existsSync(file);
  if (!exists && !options.readonly) createPrivateFile(file);
  const readingMadeCompanions = options.readonly && exists && !fs.existsSync(`${file}-wal`) && !fs.existsSync(`${file}-shm`);
  let db: Database.Database | undefined;
  try {
    db = options.readonly ? openForReading(file, exists, options) : new Database(file);
    configure(db, options);
    assertNotNewer(db, file);
    if (!db.readonly) migrate(db, options.now);
    const mode = exists ? fs.statSync(file).mode & 0o777 : 0o600;
    if (!options.readonly) makeCompanionsPrivate(file);
    const opened = db;
    const close = (): void => {
      if (opened.open) opened.close();
      if (readingMadeCompanions) removeCompanionsMadeByReading(file);
    };
    return { db, tooOpenMode: (mode & 0o077) === 0 ? null : mode, created: !exists && !options.readonly, close };
  } catch (error) {
    // Refused (a newer schema, a failed migration): the handle would otherwise stay open for the
    // rest of the process, with its -wal and -shm files.
    db?.close();
    if (readingMadeCompanions) removeCompanionsMadeByReading(file);
    throw translateSqliteError(error, file);
  }
}

/**
 * SQLite gives a new -wal or -shm file the mode of the database, but one left over from a time
 * when the database was readable by others keeps its old mode: those hold the same data.
 */
function makeCompanionsPrivate(file: string): void {
  for (const suffix of ['-wal', '-shm']) {
    try {
      fs.chmodSync(`${file}${suffix}`, 0o600);
    } catch {
      // Not there (yet): SQLite creates it with the database's own mode.
    }
  }
}

/**
 * A read-only connection to a WAL database makes an empty -wal and a -shm file, and cannot remove
 * them: "a dry run writes nothing" should leave no new files either. A connection that may write
 * removes them when it closes after a read, but only as the database's last connection, so those
 * of an eropaf that is running meanwhile stay. The database file itself is not written.
 */
function removeCompanionsMadeByReading(file: string): void {
  if (!fs.existsSync(`${file}-wal`) && !fs.existsSync(`${file}-shm`)) return;
  try {
    const tidy = new Database(file, { fileMustExist: true });
    try {
      tidy.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    } finally {
      tidy.close();
    }
  } catch {
    // Not writable here (a read-only file or medium), or busy: the empty files stay, as before.
  }
}

function createPrivateFile(file: string): void {
  try {
    // SQLite gives its -wal and -shm files the mode of the database file, so they stay private too.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    throw new EnvironmentError(`De database ${file} kan niet worden aangemaakt (${code ?? 'onbekende fout'}).`, {
      hint: 'Controleer of de map bestaat en of u er mag schrijven, of kies een ander bestand met --db.',
    });
  }
}

/**
 * A dry run must not write, not even to create or upgrade the database: it reads the file, and
 * works on an in-memory copy when the schema still needs a migration.
 */
function openForReading(file: string, exists: boolean, options: OpenOptions): Database.Database {
  if (!exists) {
    const memory = new Database(':memory:');
    migrate(memory, options.now);
    return memory;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (currentVersion(db) >= SCHEMA_VERSION) return db;
  const image = db.serialize();
  db.close();
  // A WAL database's header says so (bytes 18 and 19 are 2); SQLite cannot open such an image in
  // memory, so the copy is marked as a rollback-journal database (1) first.
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  migrate(copy, options.now);
  return copy;
}

function configure(db: Database.Database, options: OpenOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  if (!db.readonly && db.name !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // Overwrite deleted content so that removed personal data does not linger in the file.
    db.pragma('secure_delete = ON');
  }
  db.pragma('temp_store = FILE');
}
