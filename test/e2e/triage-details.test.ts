// End to end: `triage --month M --details` after a real triage shows the stored decisions; it
// does not triage the month again.

import { describe, expect, it } from 'vitest';
import { dumpDatabase, lijst, unexpectedStderr, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** The decisions table a triage prints: from its header line up to the footer. */
function decisionsTable(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^melding\s+besluit\s+medewerker\s+reden/.test(l));
  expect(start, stdout).toBeGreaterThan(0);
  return lines.slice(start).filter((l) => /^(melding|\d{4}-\d{2}-\d{3})/.test(l));
}

describe('triage --details after a real triage', () => {
  it('shows the stored decisions with their reasons and changes nothing', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-01')]));
    expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '30']));
    const dry = expectSuccess(await w.run(['triage', '--month', '2022-01', '--dry-run']));
    expectSuccess(await w.run(['triage', '--month', '2022-01']));
    const picked = withDb(w.db, (db) =>
      db
        .prepare(
          `SELECT printf('%s-%03d', m.month, m.seq) FROM meldingen m JOIN decisions d ON d.melding_id = m.id
           WHERE d.kind IN ('altijd', 'capaciteit') ORDER BY m.seq LIMIT 1`,
        )
        .pluck()
        .get() as string,
    );
    expectSuccess(await w.run(['contact', picked, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-01-20']));
    const before = dumpDatabase(w.db);

    const details = expectSuccess(await w.run(['triage', '--month', '2022-01', '--details']));
    expect(dumpDatabase(w.db)).toEqual(before);
    // the reasons as decided, not "eerder ingedeeld" as a second triage would make them
    expect(decisionsTable(details.stdout)).toEqual(decisionsTable(dry.stdout));
    expect(details.stdout).not.toContain('opnieuw getrieerd');
    expect(details.stdout).toMatch(/opgeslagen/);
  }, TIMEOUT);

  it('still triages a month that was never triaged, and shows its decisions', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-01')]));
    expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '30']));
    const result = expectSuccess(await w.run(['triage', '--month', '2022-01', '--details']));
    expect(decisionsTable(result.stdout).length).toBeGreaterThan(10);
    expect(dumpDatabase(w.db)['decisions']!.length).toBeGreaterThan(10);
  }, TIMEOUT);
});
