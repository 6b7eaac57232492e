// The import is one transaction: killed at any moment (SIGKILL, no chance to clean up), the
// database must open, pass SQLite's integrity check and hold exactly what it held before.
// A large synthetic list (national scale, so an import takes seconds) is imported on top of the
// six bundled months and killed while it reads the file, as its transaction starts writing, and
// halfway through writing.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLines, DUTCH_EXCEL } from '../../src/synthetic/dialect.js';
import { largeListOptions, signalRows } from '../../src/synthetic/lists.js';
import { dumpDatabase, exited, lijst, MONTHS, startEropaf, unexpectedStderr, workspace, type Dump } from './helpers.js';

/** Enough rows that reading and writing each take a while, few enough to keep this file fast. */
const ROWS = 80_000;
const TIMEOUT = 90_000;

const ws = workspace('eropaf-kill-');
const bigList = ws.file('groot-2022-07.csv');
let before: Dump;

function writeBigList(): void {
  const fd = fs.openSync(bigList, 'w');
  try {
    let buffer = '';
    for (const line of csvLines(signalRows({ ...largeListOptions(ROWS, 7), startMonth: '2022-07' }), DUTCH_EXCEL)) {
      buffer += line;
      if (buffer.length > 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = '';
      }
    }
    fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
}

beforeAll(async () => {
  for (const month of MONTHS) {
    const result = await ws.run(['import', lijst(month)]);
    expect(result.status, result.stderr).toBe(0);
  }
  writeBigList();
  before = dumpDatabase(ws.db);
}, TIMEOUT);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function walSize(): number {
  try {
    return fs.statSync(`${ws.db}-wal`).size;
  } catch {
    return 0;
  }
}

type Moment = {
  name: string;
  /** Waits for the moment; `before` is the write-ahead log's size when the import started. */
  when: (before: number) => Promise<void>;
  /** Whether the write-ahead log at the kill (in bytes; `before`: when the import started) shows the right moment. */
  wal: (bytes: number, before: number) => boolean;
};

/** Polls until `ready` holds (or the process has ended, which the test then reports). */
async function until(ready: () => boolean, ended: () => boolean): Promise<void> {
  for (let waited = 0; waited < 60_000 && !ready() && !ended(); waited += 10) await sleep(10);
}

/** Opens the database as the next eropaf would (recovering from the hot WAL) and checks it. */
function expectIntactAndUnchanged(): void {
  const db = new Database(ws.db, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
  expect(dumpDatabase(ws.db)).toEqual(before);
}

describe('an import killed midway', () => {
  let running = false;
  const moments: Moment[] = [
    // Node has started and is reading the file into the staging area; nothing is written yet.
    // (A log left by an earlier connection may already be there; the import must not have grown it.)
    { name: 'while reading the file', when: () => sleep(1_500), wal: (bytes, before) => bytes === before },
    // The transaction has begun: the first pages are in the write-ahead log.
    {
      name: 'as its transaction starts writing',
      when: (before) => until(() => walSize() > before, () => !running),
      wal: (bytes, before) => bytes > before,
    },
    // Several megabytes of signals are written but not committed.
    {
      name: 'halfway through writing',
      when: (before) => until(() => walSize() > before + 6 * 1024 * 1024, () => !running),
      wal: (bytes, before) => bytes > before + 6 * 1024 * 1024,
    },
  ];

  it.each(moments)('$name leaves the database as it was', async ({ when, wal }) => {
    const walBefore = walSize();
    const child = startEropaf(['import', bigList], { cwd: ws.dir, db: ws.db });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.resume();
    running = true;
    const end = exited(child).then((result) => {
      running = false;
      return result;
    });
    await when(walBefore);
    const walAtKill = walSize();
    const killed = child.kill('SIGKILL');
    const { code, signal } = await end;
    expect(killed && signal === 'SIGKILL', `the import ended by itself first (exit ${code}): make the list larger`).toBe(true);
    expect(wal(walAtKill, walBefore), `killed at the wrong moment: the write-ahead log held ${walAtKill} bytes`).toBe(true);
    expect(unexpectedStderr(stderr)).toBe('');
    expectIntactAndUnchanged();
  }, TIMEOUT);

  it('and the next import works normally', async () => {
    const lines = fs.readFileSync(bigList, 'utf8').split('\r\n');
    const part = ws.file('groot-deel-2022-07.csv');
    fs.writeFileSync(part, `${lines.slice(0, 51).join('\r\n')}\r\n`);
    const result = await ws.run(['import', part]);
    expect(unexpectedStderr(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Signalen nieuw\s+50$/m);
    const db = new Database(ws.db, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT count(*) FROM signals WHERE month = '2022-07'").pluck().get()).toBe(50);
    } finally {
      db.close();
    }
  }, TIMEOUT);
});
