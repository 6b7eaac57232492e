// End to end: a resident calls back. `eropaf find` (zoek) finds the household by melding
// reference, postcode and house number, phone number or name, and shows its meldingen over all
// months with their state and result; the BSN only masked.

import { beforeAll, describe, expect, it } from 'vitest';
import { allOutputs, expectNoBsn, lijst, unexpectedStderr, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-find-');

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

interface Known {
  january: string;
  february: string;
  postcode: string;
  huisnummer: string;
  toevoeging: string;
  telefoon: string;
  achternaam: string;
}

/** A household on both lists, with a phone number and a surname, as the database has it. */
let known: Known;

beforeAll(async () => {
  expectSuccess(await ws.run(['import', lijst('2022-01')]));
  expectSuccess(await ws.run(['import', lijst('2022-02')]));
  expectSuccess(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '60']));
  expectSuccess(await ws.run(['triage', '--month', '2022-01']));
  known = withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT j.month || '-' || printf('%03d', j.seq) AS january, f.month || '-' || printf('%03d', f.seq) AS february,
                h.postcode, h.huisnummer, h.toevoeging, s.telefoon, s.achternaam
         FROM meldingen j JOIN meldingen f ON f.household_id = j.household_id AND f.month = '2022-02'
         JOIN households h ON h.id = j.household_id
         JOIN signals s ON s.melding_id = j.id
         WHERE j.month = '2022-01' AND s.telefoon IS NOT NULL AND s.achternaam IS NOT NULL
         ORDER BY j.seq LIMIT 1`,
      )
      .get() as Known,
  );
  expect(known).toBeDefined();
  expectSuccess(await ws.run(['contact', known.january, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-25']));
  expectSuccess(await ws.run(['close', known.january, '--result', 'advies']));
}, TIMEOUT);

async function found(args: string[]): Promise<RunResult> {
  const result = expectSuccess(await ws.run(['find', ...args]));
  expect(result.stdout).toContain(known.january);
  expect(result.stdout).toContain(known.february);
  return result;
}

describe('find', () => {
  it('finds the household by a melding reference and shows its meldingen of every month with state and result', async () => {
    const result = await found([known.february]);
    const januaryLine = result.stdout.split('\n').find((l) => l.startsWith(known.january))!;
    expect(januaryLine).toContain('afgesloten');
    expect(januaryLine).toContain('(Budget)advies en/of quick fix');
    expect(januaryLine).toContain('2022-01-25');
    expect(result.stdout.split('\n').find((l) => l.startsWith(known.february))).toContain('niet getrieerd');
    expect(result.stdout).toContain(known.achternaam);
  }, TIMEOUT);

  it('finds it by postcode and house number, written as a resident says it', async () => {
    const postcode = `${known.postcode.slice(0, 4)} ${known.postcode.slice(4).toLowerCase()}`;
    await found([postcode, `${known.huisnummer}${known.toevoeging}`]);
  }, TIMEOUT);

  it('finds it by phone number in another spelling, and by name (alias zoek)', async () => {
    const digits = known.telefoon.replace(/\D/g, '');
    await found([`+31 ${digits.slice(1, 2)} ${digits.slice(2)}`]);
    const byName = expectSuccess(await ws.run(['zoek', known.achternaam.toUpperCase()]));
    expect(byName.stdout).toContain(known.january);
  }, TIMEOUT);

  it('gives the same in JSON, with the state of each melding', async () => {
    const result = expectSuccess(await ws.run(['find', known.january, '--format', 'json']));
    const parsed = JSON.parse(result.stdout) as { households: Array<{ meldingen: Array<{ ref: string; state: string }> }> };
    expect(parsed.households).toHaveLength(1);
    expect(parsed.households[0]!.meldingen.map((m) => [m.ref, m.state])).toEqual([
      [known.january, 'afgesloten'],
      [known.february, 'niet getrieerd'],
    ]);
  }, TIMEOUT);

  it('says when nothing is found, and what it can search on when the text is none of them', async () => {
    expect(expectSuccess(await ws.run(['find', '9999ZZ', '1'])).stdout).toContain('Geen huishouden gevonden');
    const bad = await ws.run(['find', '12345']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('meldingnummer');
  }, TIMEOUT);

  it('never shows a full BSN', () => {
    expectNoBsn(allOutputs);
  });
});
