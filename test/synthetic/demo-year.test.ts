// The demo year: the synthetic lists behind `npm run demo`, and the acceptance test of issue 4's
// "the half-year table of DOMAIN.md is reproduced end to end" (the demo itself, through the real
// binary: import, triage with each month's capacity, worklist, outcomes, then the database).
// The end-to-end part runs dist/; `npm test` builds it first (pretest).

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapHeaders } from '../../src/core/import/headers.js';
import { monthOrdinal } from '../../src/synthetic/dates.js';
import { demoAttempts } from '../../src/synthetic/demo-followup.js';
import {
  DEMO_PLAN,
  demoCapacity,
  demoCsv,
  type DemoList,
  generateDemoYear,
  MAX_FROM_LAST_MONTH,
  planFigures,
  PUBLISHED_TABLE,
  REPEAT_WINDOW,
} from '../../src/synthetic/demo-year.js';
import { householdKey } from '../../src/synthetic/row.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lists = generateDemoYear();

/** Per household of one list: its total per organisation (schuldeiser) and its number of signals. */
function meldingenOf(list: DemoList): Map<string, { totals: Map<string, number>; signals: number }> {
  const meldingen = new Map<string, { totals: Map<string, number>; signals: number }>();
  for (const row of list.rows) {
    const key = householdKey(row);
    const melding = meldingen.get(key) ?? { totals: new Map<string, number>(), signals: 0 };
    melding.totals.set(row.schuldeiser, (melding.totals.get(row.schuldeiser) ?? 0) + row.bedragCents);
    melding.signals++;
    meldingen.set(key, melding);
  }
  return meldingen;
}

const meldingenByMonth = new Map(lists.map((list) => [list.month, meldingenOf(list)]));

describe('the demo plan', () => {
  it('covers May 2021 to June 2022 and adds up to the published table', () => {
    expect(DEMO_PLAN.map((p) => p.month)).toEqual([
      '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12',
      '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06',
    ]);
    for (const period of PUBLISHED_TABLE) expect(planFigures(period.from, period.to)).toEqual(period);
    expect(PUBLISHED_TABLE.map((p) => [p.enkelvoudig, p.meervoudig])).toEqual([
      [{ ontvangen: 220, opgevolgd: 158 }, { ontvangen: 38, opgevolgd: 38 }],
      [{ ontvangen: 217, opgevolgd: 217 }, { ontvangen: 18, opgevolgd: 18 }],
    ]);
  });

  it('follows up every melding in 2021 and leaves some enkelvoudige in 2022', () => {
    for (const p of DEMO_PLAN) {
      expect(p.enkelvoudigOpgevolgd).toBeLessThanOrEqual(p.enkelvoudig);
      if (p.month < '2022-01') expect(p.enkelvoudigOpgevolgd).toBe(p.enkelvoudig);
      else expect(p.enkelvoudigOpgevolgd).toBeLessThan(p.enkelvoudig);
      expect(demoCapacity(p)).toBe(p.meervoudig + p.enkelvoudigOpgevolgd);
    }
  });
});

describe('generateDemoYear', () => {
  it('is deterministic: same lists and same bytes every time, other lists for another seed', () => {
    const again = generateDemoYear();
    expect(again).toEqual(lists);
    again.forEach((list, i) => expect(demoCsv(list).equals(demoCsv(lists[i]!))).toBe(true));
    expect(generateDemoYear(7)).not.toEqual(lists);
  });

  it('gives each month exactly the planned meldingen per category (household = address, meervoudig = 2+ organisations)', () => {
    expect(lists.map((l) => l.month)).toEqual(DEMO_PLAN.map((p) => p.month));
    lists.forEach((list, i) => {
      const meldingen = [...meldingenByMonth.get(list.month)!.values()];
      const meervoudig = meldingen.filter((m) => m.totals.size >= 2).length;
      expect({ month: list.month, enkelvoudig: meldingen.length - meervoudig, meervoudig }).toEqual({
        month: DEMO_PLAN[i]!.month,
        enkelvoudig: DEMO_PLAN[i]!.enkelvoudig,
        meervoudig: DEMO_PLAN[i]!.meervoudig,
      });
      for (const m of meldingen) expect(m.totals.size).toBeLessThanOrEqual(3);
      for (const row of list.rows) expect(row.signaaldatum.slice(0, 7)).toBe(list.month);
    });
  });

  it('never has a crisissignaal or a warme overdracht', () => {
    for (const row of lists.flatMap((l) => l.rows)) {
      expect(row.crisissignaal).toBe(false);
      expect(row.warmeOverdracht).toBe(false);
    }
  });

  it(`gives a household a higher amount when an organisation signals it again within ${REPEAT_WINDOW} months`, () => {
    let repeats = 0;
    for (const list of lists) {
      const m = monthOrdinal(list.month);
      for (const [household, melding] of meldingenByMonth.get(list.month)!) {
        for (const [organisation, total] of melding.totals) {
          for (const earlierList of lists) {
            const back = m - monthOrdinal(earlierList.month);
            if (back < 1 || back > REPEAT_WINDOW) continue;
            const before = meldingenByMonth.get(earlierList.month)!.get(household)?.totals.get(organisation);
            if (before === undefined) continue;
            repeats++;
            expect(total, `${household} ${organisation} ${list.month} against ${earlierList.month}`).toBeGreaterThan(before);
          }
        }
      }
    }
    // The rule must really be exercised: organisations do come back.
    expect(repeats).toBeGreaterThan(10);
  });

  it('lets households return, but never so many from last month that the "always" meldingen could exceed the capacity', () => {
    let onLastMonth = 0;
    let opeenvolgend = 0;
    lists.forEach((list, i) => {
      const keys = [...meldingenByMonth.get(list.month)!.keys()];
      const previous = i > 0 ? meldingenByMonth.get(lists[i - 1]!.month)! : new Map();
      const returning = keys.filter((k) => previous.has(k)).length;
      expect(returning).toBeLessThanOrEqual(MAX_FROM_LAST_MONTH);
      // Upper bound of step 1 of the triage: every meervoudige plus every returning household.
      expect(list.plan.meervoudig + returning).toBeLessThanOrEqual(demoCapacity(list.plan));
      onLastMonth += returning;
      opeenvolgend += keys.filter((k) => lists.slice(Math.max(0, i - 6), i).some((l) => meldingenByMonth.get(l.month)!.has(k))).length;
    });
    const total = lists.reduce((n, l) => n + meldingenByMonth.get(l.month)!.size, 0);
    expect(onLastMonth / total).toBeGreaterThan(0.1);
    expect(opeenvolgend / total).toBeGreaterThan(0.25);
  });

  it('has enkelvoudige meldingen with two signals from one organisation (gas and electricity)', () => {
    const pairs = lists.flatMap((l) => [...meldingenByMonth.get(l.month)!.values()]).filter((m) => m.totals.size === 1 && m.signals >= 2);
    expect(pairs.length).toBeGreaterThan(0);
  });

  it('writes the Dutch Excel dialect with headers the import recognises', () => {
    const bytes = demoCsv(lists[0]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    const map = mapHeaders(records[0]!);
    expect(map.ignored).toEqual([]);
    expect(records.length - 1).toBe(lists[0]!.rows.length);
    const amount = records[1]![map.index.get('bedrag')!]!;
    expect(amount).toMatch(/^\d+,\d{2}$/);
    expect(records[1]![map.index.get('signaaldatum')!]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });
});

describe('demoAttempts', () => {
  const refs = Array.from({ length: 600 }, (_, i) => `2022-03-${String(i + 1).padStart(3, '0')}`);
  it('is deterministic and gives every melding at least one attempt, reaching about one in three', () => {
    expect(demoAttempts('2022-03-001', '2022-03')).toEqual(demoAttempts('2022-03-001', '2022-03'));
    let reached = 0;
    for (const ref of refs) {
      const attempts = demoAttempts(ref, '2022-03');
      expect(attempts.length).toBeGreaterThanOrEqual(1);
      expect(attempts.length).toBeLessThanOrEqual(3);
      expect(attempts.slice(0, -1).every((a) => a.resultaat === '' && a.bereikt === 'nee')).toBe(true);
      for (const a of attempts) expect(a.contact_datum).toMatch(/^\d{2}-04-2022( \d{2}:\d{2})?$|^\d{2}-05-2022( \d{2}:\d{2})?$/);
      if (attempts.some((a) => a.bereikt === 'ja')) reached++;
    }
    expect(reached / refs.length).toBeGreaterThan(0.25);
    expect(reached / refs.length).toBeLessThan(0.45);
  });
});

describe('npm run demo (end to end through the binary)', () => {
  let run: SpawnSyncReturns<string>;
  let kept: string | undefined;

  beforeAll(() => {
    const env: NodeJS.ProcessEnv = { ...process.env, EROPAF_DEMO_KEEP: '1', NO_COLOR: '1' };
    delete env.EROPAF_DB;
    delete env.FORCE_COLOR;
    run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'tools', 'demo.js')], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
    kept = /De map blijft staan \(EROPAF_DEMO_KEEP=1\): (.+)$/m.exec(run.stdout ?? '')?.[1]?.trim();
  }, 180_000);

  afterAll(() => {
    if (kept !== undefined && path.basename(kept).startsWith('eropaf-demo-')) fs.rmSync(kept, { recursive: true, force: true });
  });

  const database = (): Database.Database => {
    expect(kept, `demo output:\n${run.stdout}\n${run.stderr}`).toBeDefined();
    return new Database(path.join(kept!, 'demo.db'), { fileMustExist: true });
  };

  it('runs to the end and says the figures match', () => {
    expect(run.error).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('Klopt: precies de cijfers van de halfjaarrapportage.');
  });

  it('reproduces the published table in melding_status', () => {
    const db = database();
    try {
      const query = db.prepare(
        'SELECT category, count(*) AS ontvangen, sum(opgevolgd) AS opgevolgd FROM melding_status WHERE month BETWEEN ? AND ? GROUP BY category',
      );
      const counted = (from: string, to: string): Record<string, { ontvangen: number; opgevolgd: number }> =>
        Object.fromEntries((query.all(from, to) as { category: string; ontvangen: number; opgevolgd: number }[]).map((r) => [r.category, { ontvangen: r.ontvangen, opgevolgd: r.opgevolgd }]));
      expect(counted('2022-01', '2022-06')).toEqual({
        enkelvoudig: { ontvangen: 220, opgevolgd: 158 },
        meervoudig: { ontvangen: 38, opgevolgd: 38 },
      });
      expect(counted('2021-05', '2021-12')).toEqual({
        enkelvoudig: { ontvangen: 217, opgevolgd: 217 },
        meervoudig: { ontvangen: 18, opgevolgd: 18 },
      });
    } finally {
      db.close();
    }
  });

  it('got there through the triage rules, not around them', () => {
    const db = database();
    try {
      const rules = Object.fromEntries(
        (db.prepare('SELECT rule, count(*) AS n FROM decisions GROUP BY rule').all() as { rule: string; n: number }[]).map((r) => [r.rule, r.n]),
      );
      // Only these rules decided; a deferred household that came back was picked "always", one
      // whose earlier case was still open joined it.
      expect(Object.keys(rules).sort()).toEqual(['capaciteit-vol', 'lopend', 'meervoudig', 'prioriteit', 'vorige-maand-niet-opgevolgd']);
      expect(rules['capaciteit-vol']).toBe(220 - 158);
      // Every month was triaged with the plan's capacity less the meldingen that joined a case
      // (they take no place), and every picked melding has an attempt.
      const runs = db.prepare('SELECT month, capacity FROM triage_runs ORDER BY month').all();
      const joined = db
        .prepare("SELECT m.month, count(*) AS n FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE d.rule = 'lopend' GROUP BY m.month")
        .all() as Array<{ month: string; n: number }>;
      const joinedIn = new Map(joined.map((j) => [j.month, j.n]));
      expect(runs).toEqual(DEMO_PLAN.map((p) => ({ month: p.month, capacity: demoCapacity(p) - (joinedIn.get(p.month) ?? 0) })));
      const picked = db
        .prepare("SELECT count(*) AS n, sum(contact_count > 0) AS attempted FROM melding_status WHERE decision IN ('altijd', 'capaciteit')")
        .get() as { n: number; attempted: number };
      expect(picked).toEqual({ n: 196 + 235, attempted: 196 + 235 });
      // No contact attempt or result on a melding that was not picked.
      const stray = db
        .prepare("SELECT count(*) AS n FROM melding_status WHERE decision = 'uitgesteld' AND (contact_count > 0 OR result_source = 'medewerker')")
        .get() as { n: number };
      expect(stray.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('prints the table, and the table command gives the same figures as CSV', () => {
    expect(run.stdout).toMatch(/enkelvoudig\s+220\s+37\s+158\s+26\s+217\s+27\s+217\s+27/);
    expect(run.stdout).toMatch(/meervoudig\s+38\s+6\s+38\s+6\s+18\s+2\s+18\s+2/);
    const table = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'eropaf.js'), 'table', '--from', '2022-01', '--to', '2022-06', '--compare', '2021-05:2021-12', '--format', 'csv'],
      { cwd: kept, env: { ...process.env, EROPAF_DB: path.join(kept!, 'demo.db'), NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(table.status, table.stderr).toBe(0);
    const rows = (parse(table.stdout.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[]).map((r) => [
      r.periode,
      r.categorie,
      r.ontvangen,
      r.opgevolgd,
    ]);
    expect(rows).toEqual([
      ['2022-01 t/m 2022-06', 'enkelvoudig', '220', '158'],
      ['2022-01 t/m 2022-06', 'meervoudig', '38', '38'],
      ['2022-01 t/m 2022-06', 'totaal', '258', '196'],
      ['2021-05 t/m 2021-12', 'enkelvoudig', '217', '217'],
      ['2021-05 t/m 2021-12', 'meervoudig', '18', '18'],
      ['2021-05 t/m 2021-12', 'totaal', '235', '235'],
    ]);
  });
});
