// Triage across two months on the bundled lists: last month's deferred meldingen are closed when
// the household did not come back and always followed up when it did; a returning household goes
// to the worker who had it, unless that worker is no longer active.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordFollowUp } from '../../src/app/record-followup.js';
import { updateWorker } from '../../src/app/workers.js';
import { triageMonth, type TriageOutcome } from '../../src/app/triage-month.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundledStore, now, queryFile, removeBundledStore, TODAY, type BundledStore } from './bundled-store.js';

let bundled: BundledStore;
let file: string;
let store: SqliteStore;

function triage(month: string, dryRun = false): Promise<TriageOutcome> {
  return triageMonth(store, { month, dryRun, today: TODAY, now });
}

const query = <T>(sql: string, ...params: unknown[]): T[] => queryFile<T>(file, sql, ...params);

interface Pair {
  janRef: string;
  janKind: string;
  janWorker: number | null;
  febRef: string;
  febCategory: string;
  /** a Feb signal is a crisis signal or a warm handover: step 1 for another reason */
  febSpecial: number;
}

/** January meldingen whose household is on the February list again. */
function returning(): Pair[] {
  return query<Pair>(
    `SELECT printf('%s-%03d', j.month, j.seq) AS janRef, dj.kind AS janKind, dj.worker_id AS janWorker,
            printf('%s-%03d', f.month, f.seq) AS febRef, f.category AS febCategory,
            (SELECT count(*) FROM signals s WHERE s.melding_id = f.id AND (s.crisissignaal = 1 OR s.warme_overdracht = 1)) AS febSpecial
     FROM meldingen j
     JOIN meldingen f ON f.household_id = j.household_id AND f.month = '2022-02'
     JOIN decisions dj ON dj.melding_id = j.id
     WHERE j.month = '2022-01' ORDER BY j.seq`,
  );
}

beforeEach(async () => {
  bundled = await bundledStore('eropaf-app-next-', { anna: 10, bram: 8 });
  ({ file, store } = bundled);
});

afterEach(() => {
  removeBundledStore(bundled);
});

describe("next month's triage", () => {
  it("closes all of last month's deferred meldingen with 'Niet opgepakt: andere reden', saying who came back", async () => {
    const jan = await triage('2022-01');
    const deferred = [...jan.plan.decisions].filter((d) => d.kind === 'uitgesteld').map((d) => d.ref);
    const back = new Set(returning().map((p) => p.janRef));
    const notBack = deferred.filter((ref) => !back.has(ref));
    expect(notBack.length).toBeGreaterThan(0);
    expect(notBack.length).toBeLessThan(deferred.length);

    const feb = await triage('2022-02');
    expect(feb.plan.closures.map((c) => c.ref)).toEqual(deferred);
    expect(feb.plan.closures.every((c) => c.result === 'Niet opgepakt: andere reden')).toBe(true);
    expect(feb.plan.closures.filter((c) => c.reason.includes('niet terug')).map((c) => c.ref)).toEqual(notBack);

    const results = query<{ ref: string; resultaat: string; source: string }>(
      `SELECT printf('%s-%03d', m.month, m.seq) AS ref, r.resultaat, r.source FROM results r
       JOIN meldingen m ON m.id = r.melding_id WHERE m.month = '2022-01' ORDER BY m.seq`,
    );
    expect(results).toEqual(deferred.map((ref) => ({ ref, resultaat: 'Niet opgepakt: andere reden', source: 'sluiting' })));
    // Closing is not follow-up: the January overview counts them closed, not followed up.
    expect((await store.monthOverview()).find((m) => m.month === '2022-01')).toMatchObject({
      followedUp: 0,
      closed: deferred.length,
      deferred: 0,
    });

    // Re-running February closes nothing twice.
    const again = await triage('2022-02');
    expect(again.plan.closures).toEqual([]);
    expect(query('SELECT count(*) AS n FROM results')).toEqual([{ n: deferred.length }]);
  });

  it("always follows up a returning household that was deferred last month, with rule 'vorige-maand-niet-opgevolgd', and joins one in progress to its case", async () => {
    await triage('2022-01');
    const feb = await triage('2022-02');
    const byRef = new Map([...feb.plan.decisions].map((d) => [d.ref, d]));
    const pairs = returning();
    const plain = pairs.filter((p) => p.febCategory === 'enkelvoudig' && p.febSpecial === 0);
    expect(plain.filter((p) => p.janKind === 'uitgesteld').length).toBeGreaterThan(0);
    expect(pairs.filter((p) => p.janKind === 'altijd' || p.janKind === 'capaciteit').length).toBeGreaterThan(0);
    for (const p of pairs) {
      const d = byRef.get(p.febRef)!;
      expect(d.kind, p.febRef).toBe('altijd');
      // January's picked melding is assigned and has no result yet: a case in progress.
      if (p.janKind === 'altijd' || p.janKind === 'capaciteit') {
        expect(d.rule, p.febRef).toBe('lopend');
        expect(d.reason, p.febRef).toBe(`lopend: hoort bij ${p.janRef}`);
        expect(d.workerId, p.febRef).toBe(p.janWorker);
      } else if (plain.includes(p)) {
        expect(d.rule, p.febRef).toBe('vorige-maand-niet-opgevolgd');
      }
      expect(d.workerId).not.toBeNull();
    }
  });

  it('does not apply that rule to a household that was followed up last month', async () => {
    const jan = await triage('2022-01');
    const pickedBack = returning().filter((p) => p.janKind === 'altijd' || p.janKind === 'capaciteit');
    expect(pickedBack.length).toBeGreaterThan(0);
    await recordFollowUp(
      store,
      pickedBack.map((p) => ({
        entry: {
          ref: p.janRef,
          contact: { soort: 'Telefoon' as const, bereikt: false, datum: '2022-01-20', dagdeel: null, notitie: null },
          result: null,
        },
        source: null,
      })),
      { dryRun: false, now, today: '2022-02-28' },
    );
    expect(jan.plan.decisions.length).toBeGreaterThan(0);
    const feb = await triage('2022-02');
    const byRef = new Map([...feb.plan.decisions].map((d) => [d.ref, d]));
    for (const p of pickedBack) expect(byRef.get(p.febRef)!.rule, p.febRef).not.toBe('vorige-maand-niet-opgevolgd');
  });

  it('gives a returning household to the worker who had it last month', async () => {
    await triage('2022-01');
    const feb = await triage('2022-02');
    const byRef = new Map([...feb.plan.decisions].map((d) => [d.ref, d]));
    const withWorker = returning().filter((p) => p.janWorker !== null);
    const workers = new Set(withWorker.map((p) => p.janWorker));
    expect(workers.size).toBe(2);
    for (const p of withWorker) expect(byRef.get(p.febRef)!.workerId, p.febRef).toBe(p.janWorker);
  });

  it("gives a deactivated worker's returning households to someone else, keeping what was assigned", async () => {
    await triage('2022-01');
    const [anna, bram] = await store.workers();
    const annas = returning().filter((p) => p.janWorker === anna!.id);
    expect(annas.length).toBeGreaterThan(0);

    await updateWorker(store, 'anna de vries', { active: false });
    // Who had which January melding; February's triage closes January's deferred ones (and says
    // so in their reason), but must not move January's assignments.
    const januaryAssignments =
      "SELECT d.melding_id, d.kind, d.worker_id FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE m.month = '2022-01' ORDER BY melding_id";
    const janBefore = query(januaryAssignments);
    const feb = await triage('2022-02');
    const byRef = new Map([...feb.plan.decisions].map((d) => [d.ref, d]));
    for (const p of annas) expect(byRef.get(p.febRef)!.workerId, p.febRef).toBe(bram!.id);
    expect([...feb.plan.decisions].every((d) => d.workerId === null || d.workerId === bram!.id)).toBe(true);
    // Capacity is now Bram's alone; step 1 may exceed it but is never cut.
    expect(feb.run.capacity).toBe(8);
    // (a melding that joined a case in progress takes no place)
    const always = [...feb.plan.decisions].filter((d) => d.kind === 'altijd' && d.rule !== 'lopend').length;
    expect(feb.plan.figures.overCapacityBy).toBe(Math.max(0, always - 8));
    // January keeps Anna's assignments.
    expect(query(januaryAssignments)).toEqual(janBefore);
  });
});
