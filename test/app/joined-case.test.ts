// A household whose new melding joined its case in progress ("lopend", issue 11): an attempt on
// the case counts for each month's melding whose list had arrived by then, and a "Niet opgepakt"
// result on the joined melding makes it leave the case, so that it is not counted as opgevolgd
// while it says it was not picked up.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordFollowUp } from '../../src/app/record-followup.js';
import { monthTable } from '../../src/app/report-table.js';
import { triageMonth } from '../../src/app/triage-month.js';
import type { FollowUpEntry } from '../../src/core/followup-plan.js';
import type { Eindresultaat } from '../../src/core/followup.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundledStore, firstJoinedCase, importFile, lijst, now, queryFile, removeBundledStore, TODAY, type BundledStore } from './bundled-store.js';
import { deliveredPeriod } from './month-states.js';

let bundled: BundledStore;
let store: SqliteStore;

/** January's picked melding and February's melding of the same household that joined its case. */
let janRef: string;
let febRef: string;

beforeEach(async () => {
  bundled = await bundledStore('eropaf-app-joined-', { anna: 10, bram: 8 });
  store = bundled.store;
  ({ janRef, febRef } = await firstJoinedCase(bundled));
});

afterEach(() => {
  removeBundledStore(bundled);
});

async function record(...entries: FollowUpEntry[]): Promise<void> {
  await recordFollowUp(store, entries.map((entry) => ({ entry, source: null })), { dryRun: false, now, today: TODAY });
}

const attempt = (ref: string, datum: string): FollowUpEntry => ({
  ref,
  contact: { soort: 'Telefoon', bereikt: true, datum, dagdeel: null, notitie: null },
  result: null,
});

const close = (ref: string, resultaat: Eindresultaat): FollowUpEntry => ({
  ref,
  contact: null,
  result: { resultaat, referredTo: null, closedOn: '2022-02-20' },
});

/** Opgevolgd in the table, over both categories, for January and February. */
async function followedUp(): Promise<{ jan: number; feb: number }> {
  const rows = await monthTable(store, { from: '2022-01', to: '2022-02' });
  const of = (month: string): number => rows.find((r) => r.month === month && r.category === 'totaal')!.followedUp;
  return { jan: of('2022-01'), feb: of('2022-02') };
}

/** The February case of the joined melding, as the national delivery gives it. */
async function februaryCase(): Promise<{ resultaat?: string; datumOpgepakt?: string; contactpogingen: unknown[] }> {
  const [signal] = queryFile<{ ddas_id: string }>(
    bundled.file,
    "SELECT ddas_id FROM signals WHERE melding_id = (SELECT id FROM meldingen WHERE printf('%s-%03d', month, seq) = ?) LIMIT 1",
    febRef,
  );
  const delivered = await deliveredPeriod(store, { from: '2022-02', to: '2022-02' });
  return delivered.vroegsignaalzaken.find((z) => z.vroegsignalen.some((v) => v.ID === signal!.ddas_id))!;
}

describe('a melding that joined a case in progress', () => {
  it('is opgevolgd with the case once the household is contacted after its list arrived, not before', async () => {
    const before = await followedUp();
    // Contacted in January: only January's list had arrived.
    await record(attempt(janRef, '2022-01-25'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb });
    // Contacted again in February: that counts for February's melding too.
    await record(attempt(janRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });
  });

  it('counts for both meldingen when the attempt is recorded on the joined one', async () => {
    const before = await followedUp();
    await record(attempt(febRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });
  });

  it('leaves the case with a "Niet opgepakt" result: no longer opgevolgd, delivered as not picked up', async () => {
    const before = await followedUp();
    await record(attempt(janRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });

    await record(close(febRef, 'Niet opgepakt: herhaalde melding'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb });
    const zaak = await februaryCase();
    expect(zaak.resultaat).toBe('Niet opgepakt: herhaalde melding');
    expect(zaak.datumOpgepakt).toBeUndefined();
    expect(zaak.contactpogingen).toEqual([]);
    // Later attempts on January's melding no longer count for it.
    await record(attempt(janRef, '2022-02-15'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb });
  });

  it("takes the case's first melding out too when it gets a \"Niet opgepakt\" result; the joined one keeps its own attempts", async () => {
    const before = await followedUp();
    await record(attempt(febRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });

    await record(close(janRef, 'Niet opgepakt: onterecht signaal'));
    expect(await followedUp()).toEqual({ jan: before.jan, feb: before.feb + 1 });
  });

  it('leaves a case of three with the other two still one case when the first melding gets a "Niet opgepakt" result', async () => {
    expect((await importFile(store, lijst('2022-03'))).kind).toBe('imported');
    await triageMonth(store, { month: '2022-03', dryRun: false, today: TODAY, now });
    const [three] = queryFile<{ jan: string; feb: string; mar: string }>(
      bundled.file,
      `SELECT printf('%s-%03d', j.month, j.seq) AS jan, printf('%s-%03d', f.month, f.seq) AS feb, printf('%s-%03d', m.month, m.seq) AS mar
       FROM decisions df JOIN meldingen f ON f.id = df.melding_id AND f.month = '2022-02'
       JOIN decisions dm ON dm.case_melding_id = df.case_melding_id JOIN meldingen m ON m.id = dm.melding_id AND m.month = '2022-03'
       JOIN meldingen j ON j.id = df.case_melding_id LIMIT 1`,
    );
    expect(three).toBeDefined();
    const opgevolgd = (): boolean[] =>
      queryFile<{ opgevolgd: number }>(
        bundled.file,
        "SELECT opgevolgd FROM meldingen WHERE printf('%s-%03d', month, seq) IN (?, ?, ?) ORDER BY month",
        three!.jan,
        three!.feb,
        three!.mar,
      ).map((r) => r.opgevolgd === 1);
    await record(close(three!.jan, 'Niet opgepakt: onterecht signaal'));
    // An attempt on February's melding in March: the case of February and March goes on.
    await record(attempt(three!.feb, '2022-03-05'));
    expect(opgevolgd()).toEqual([false, true, true]);
  });

  it('stays opgevolgd with its case when its month is replaced by a corrected list that still has the household', async () => {
    const before = await followedUp();
    await record(attempt(janRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });

    const replaced = await importFile(store, lijst('2022-02'), { month: '2022-02', replace: true });
    expect(replaced.kind).toBe('imported');
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });
  });

  it("keeps the case's first melding opgevolgd through the joined one's attempt when the first month is replaced", async () => {
    const before = await followedUp();
    await record(attempt(febRef, '2022-02-10'));
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });

    const replaced = await importFile(store, lijst('2022-01'), { month: '2022-01', replace: true });
    expect(replaced.kind).toBe('imported');
    expect(await followedUp()).toEqual({ jan: before.jan + 1, feb: before.feb + 1 });
  });
});
