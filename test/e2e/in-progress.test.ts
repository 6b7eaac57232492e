// End to end: a household that is still being worked on. February is triaged before January's
// attempts are entered (the usual timing): January's picked households are cases in progress,
// not "vorige maand niet opgevolgd". Their February melding joins the case (same worker, reason
// "lopend: hoort bij …", no capacity place), and an attempt on the case counts for February's
// list once it is dated in February or later.

import { beforeAll, describe, expect, it } from 'vitest';
import { lijst, unexpectedStderr, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-in-progress-');

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

interface Pair {
  janRef: string;
  janKind: string;
  janWorker: string | null;
  febRef: string;
  febRule: string;
  febReason: string;
  febWorker: string | null;
}

function pairs(): Pair[] {
  return withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT printf('%s-%03d', j.month, j.seq) AS janRef, dj.kind AS janKind, wj.name AS janWorker,
                printf('%s-%03d', f.month, f.seq) AS febRef, df.rule AS febRule, df.reason AS febReason, wf.name AS febWorker
         FROM meldingen j JOIN meldingen f ON f.household_id = j.household_id AND f.month = '2022-02'
         JOIN decisions dj ON dj.melding_id = j.id LEFT JOIN workers wj ON wj.id = dj.worker_id
         JOIN decisions df ON df.melding_id = f.id LEFT JOIN workers wf ON wf.id = df.worker_id
         WHERE j.month = '2022-01' ORDER BY j.seq`,
      )
      .all() as Pair[],
  );
}

const followedUp = async (month: string): Promise<number> =>
  (JSON.parse(expectSuccess(await ws.run(['months', '--format', 'json'])).stdout) as Array<{ month: string; followedUp: number }>).find(
    (m) => m.month === month,
  )!.followedUp;

let feb: { figures: { capacity: number; alwaysCount: number; pickedByCapacity: number; overCapacityBy: number } };

beforeAll(async () => {
  expectSuccess(await ws.run(['import', lijst('2022-01')]));
  expectSuccess(await ws.run(['import', lijst('2022-02')]));
  expectSuccess(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '12']));
  expectSuccess(await ws.run(['workers', 'add', 'Bram Jansen', '--capacity', '10']));
  expect((await ws.run(['triage', '--month', '2022-01'])).status).toBe(0);
  feb = JSON.parse((await ws.run(['triage', '--month', '2022-02', '--format', 'json'])).stdout);
}, TIMEOUT);

describe('a household still being worked on', () => {
  it("joins February's melding to January's open case: same worker, the reason names the case", () => {
    const inProgress = pairs().filter((p) => p.janKind === 'altijd' || p.janKind === 'capaciteit');
    expect(inProgress.length).toBeGreaterThan(0);
    for (const p of inProgress) {
      expect(p.febRule, p.febRef).toBe('lopend');
      expect(p.febReason, p.febRef).toBe(`lopend: hoort bij ${p.janRef}`);
      expect(p.febWorker, p.febRef).toBe(p.janWorker);
    }
  });

  it('keeps "vorige maand niet opgevolgd" for households deferred in January only', () => {
    for (const p of pairs()) {
      if (p.febRule === 'vorige-maand-niet-opgevolgd') expect(p.janKind, p.febRef).toBe('uitgesteld');
    }
    expect(pairs().some((p) => p.janKind === 'uitgesteld' && p.febRule === 'vorige-maand-niet-opgevolgd')).toBe(true);
  });

  it('gives a joined melding no capacity place', () => {
    const joined = pairs().filter((p) => p.febRule === 'lopend').length;
    expect(joined).toBeGreaterThan(0);
    const placed = feb.figures.alwaysCount - joined + feb.figures.pickedByCapacity;
    expect(placed).toBe(Math.max(feb.figures.capacity, feb.figures.alwaysCount - joined));
  });

  it("counts an attempt on the case for February's list only once it is dated in February or later", async () => {
    const p = pairs().find((x) => x.febRule === 'lopend')!;
    const [janBefore, febBefore] = [await followedUp('2022-01'), await followedUp('2022-02')];
    expectSuccess(await ws.run(['contact', p.janRef, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-01-28']));
    expect([await followedUp('2022-01'), await followedUp('2022-02')]).toEqual([janBefore + 1, febBefore]);
    expectSuccess(await ws.run(['contact', p.janRef, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-02-03']));
    expect([await followedUp('2022-01'), await followedUp('2022-02')]).toEqual([janBefore + 1, febBefore + 1]);
  });
});
