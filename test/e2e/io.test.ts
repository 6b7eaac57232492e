// main() takes the world outside through its Io: the working directory, the clock and the
// operating-system user it is given end up in the database, not the test process's own.

import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { withDb, workspace } from './helpers.js';

const ws = workspace('eropaf-e2e-io-');

describe('main() with an injected Io', () => {
  it('uses the given directory, clock and user, and returns the exit code', async () => {
    const moment = new Date('2024-03-05T08:09:10.000Z');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const status = await main(['workers', 'add', 'Anna de Vries', '--capacity', '3'], {
      stdout,
      stderr,
      env: { NO_COLOR: '1' },
      cwd: ws.dir,
      now: () => moment,
      osUser: 'io-test',
      onInterrupt: () => undefined,
    });
    expect(status).toBe(0);
    // No --db and no EROPAF_DB: ./eropaf.db in the given directory, not in the test's own.
    const db = path.join(ws.dir, 'eropaf.db');
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.existsSync(path.join(process.cwd(), 'eropaf.db'))).toBe(false);
    expect(withDb(db, (d) => d.prepare('SELECT created_at FROM workers').pluck().get())).toBe(moment.toISOString());
    expect(withDb(db, (d) => d.prepare("SELECT at, os_user FROM audit WHERE command = 'workers add'").get())).toEqual({
      at: moment.toISOString(),
      os_user: 'io-test',
    });
  });
});
