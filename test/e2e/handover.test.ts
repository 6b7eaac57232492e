// End to end: a worker who leaves or is away. Deactivating a worker with open work asks where
// it goes (--handover NAAM or --spread); `workers handover VAN --to NAAR` moves it at any time.

import { describe, expect, it } from 'vitest';
import { dumpDatabase, lijst, unexpectedStderr, withDb, workspace, type RunResult, type Workspace } from './helpers.js';

const TIMEOUT = 60_000;

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** Open meldingen (picked, no result) per worker name. */
function openPerWorker(w: Workspace): Record<string, number> {
  return withDb(w.db, (db) =>
    Object.fromEntries(
      (
        db
          .prepare(
            `SELECT w.name, count(*) FROM decisions d JOIN workers w ON w.id = d.worker_id
             WHERE d.kind IN ('altijd', 'capaciteit') AND NOT EXISTS (SELECT 1 FROM results r WHERE r.melding_id = d.melding_id)
             GROUP BY w.name`,
          )
          .raw()
          .all() as Array<[string, number]>
      ).map(([name, n]) => [name, n]),
    ),
  );
}

/** January imported and triaged over Anna (10) and Bram (8); Cato (6) joins after the triage. */
async function team(): Promise<Workspace> {
  const w = workspace();
  expectSuccess(await w.run(['import', lijst('2022-01')]));
  expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '10']));
  expectSuccess(await w.run(['workers', 'add', 'Bram Jansen', '--capacity', '8']));
  expect((await w.run(['triage', '--month', '2022-01'])).status).toBe(0);
  expectSuccess(await w.run(['workers', 'add', 'Cato Smit', '--capacity', '6']));
  return w;
}

describe('a worker leaving', () => {
  it('deactivate asks where the open work goes, and changes nothing until told', async () => {
    const w = await team();
    const annaOpen = openPerWorker(w)['Anna de Vries']!;
    expect(annaOpen).toBeGreaterThan(0);
    const before = dumpDatabase(w.db);
    const asked = await w.run(['workers', 'deactivate', 'Anna de Vries']);
    expect(asked.status).toBe(2);
    expect(asked.stderr).toContain(`nog ${annaOpen} open meldingen`);
    expect(asked.stderr).toContain('--handover');
    expect(asked.stderr).toContain('--spread');
    expect(dumpDatabase(w.db)).toEqual(before);
  }, TIMEOUT);

  it('--handover gives all open work to one colleague; the dry run shows the same and changes nothing', async () => {
    const w = await team();
    const open = openPerWorker(w);
    const before = dumpDatabase(w.db);
    const dry = expectSuccess(await w.run(['workers', 'deactivate', 'Anna de Vries', '--handover', 'Cato Smit', '--dry-run']));
    expect(dumpDatabase(w.db)).toEqual(before);
    const real = expectSuccess(await w.run(['workers', 'deactivate', 'Anna de Vries', '--handover', 'Cato Smit']));
    expect(real.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual(dry.stdout.split('\n').filter((l) => l.startsWith('  ')));
    expect(openPerWorker(w)).toEqual({ 'Bram Jansen': open['Bram Jansen'], 'Cato Smit': open['Anna de Vries'] });
    expect(withDb(w.db, (db) => db.prepare("SELECT active FROM workers WHERE name = 'Anna de Vries'").pluck().get())).toBe(0);
  }, TIMEOUT);

  it('--spread shares the open work over the active colleagues by free capacity', async () => {
    const w = await team();
    const open = openPerWorker(w);
    expectSuccess(await w.run(['workers', 'deactivate', 'Anna de Vries', '--spread']));
    const after = openPerWorker(w);
    expect(after['Anna de Vries']).toBeUndefined();
    expect((after['Bram Jansen'] ?? 0) + (after['Cato Smit'] ?? 0)).toBe(open['Anna de Vries']! + open['Bram Jansen']!);
    // Cato started with nothing and so had the most free capacity: she gets some of it.
    expect(after['Cato Smit']).toBeGreaterThan(0);
  }, TIMEOUT);

  it('deactivates without a question when there is no open work', async () => {
    const w = await team();
    expectSuccess(await w.run(['workers', 'deactivate', 'Cato Smit']));
  }, TIMEOUT);
});

describe('workers handover', () => {
  it('moves open work at any time and leaves the worker active', async () => {
    const w = await team();
    const open = openPerWorker(w);
    expectSuccess(await w.run(['workers', 'handover', 'Bram Jansen', '--to', 'Anna de Vries']));
    expect(openPerWorker(w)).toEqual({ 'Anna de Vries': open['Anna de Vries']! + open['Bram Jansen']! });
    expect(withDb(w.db, (db) => db.prepare("SELECT active FROM workers WHERE name = 'Bram Jansen'").pluck().get())).toBe(1);
    const audit = withDb(w.db, (db) => db.prepare("SELECT counts FROM audit WHERE command = 'workers handover'").pluck().all());
    expect(audit).toHaveLength(1);
  }, TIMEOUT);

  it('asks where to without --to or --spread', async () => {
    const w = await team();
    expect((await w.run(['workers', 'handover', 'Bram Jansen'])).status).toBe(2);
  }, TIMEOUT);
});
