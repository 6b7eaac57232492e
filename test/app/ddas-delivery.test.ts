// The national delivery on a real store, over whole month states: lists imported (and now and
// then replaced), triaged at random capacities, contact attempts and results recorded (also on
// deferred meldingen, and "Niet opgepakt" results), the next month's triage closing deferred
// ones, and purges. After every step, every period that can still be delivered is planned by the
// export itself (which refuses anything the schema refuses) and checked against the rules a
// vroegsignaalzaak must keep; and a signal's ID never changes once it was stored.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { changedDeliveries } from '../../src/app/ddas/changed-deliveries.js';
import { planDdasDelivery } from '../../src/app/ddas/export-delivery.js';
import { purgePersonalData } from '../../src/app/purge.js';
import { pickUpMelding } from '../../src/app/pickup.js';
import { recordFollowUp } from '../../src/app/record-followup.js';
import type { FollowUpEntry } from '../../src/core/followup-plan.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { DataError } from '../../src/core/errors.js';
import { CONTACTSOORTEN, EINDRESULTATEN, type Contactsoort, type Eindresultaat } from '../../src/core/followup.js';
import { addMonths } from '../../src/core/month.js';
import type { Month } from '../../src/core/types.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateMonthlyLists, TOWN } from '../../src/synthetic/lists.js';
import type { SignalRow } from '../../src/synthetic/row.js';
import { Clock, DDAS_OPTIONS, expectCasesAgree, importRows as importMonthRows, inMonth, Scratch, type Delivered } from './month-states.js';

/** Raise with EROPAF_PROPERTY_RUNS=200 for a longer hunt. */
const NUM_RUNS = Number(process.env.EROPAF_PROPERTY_RUNS ?? 10);
const TIMEOUT = 240_000;
const MONTHS: readonly Month[] = ['2022-01', '2022-02', '2022-03', '2022-04'];

const scratch = new Scratch('eropaf-ddas-');
afterAll(() => scratch.remove());

const openStore = (clock: Clock): SqliteStore => scratch.openStore(clock);

async function importRows(store: SqliteStore, clock: Clock, rows: readonly SignalRow[], month: Month, replace = false): Promise<void> {
  const outcome = await importMonthRows(store, scratch, clock, rows, month, { replace, force: true });
  expect(outcome.kind).toBe('imported');
}

const RESULT_VALUES = EINDRESULTATEN.map((r) => r.value as Eindresultaat);
const SOORTEN = CONTACTSOORTEN.map((c) => c.value as Contactsoort);

/** What happens to one triaged melding: nothing, attempts, a result, or both. */
const followUpArb = fc.record({
  touched: fc.integer({ min: 0, max: 9 }),
  attempts: fc.array(fc.record({ soort: fc.constantFrom(...SOORTEN), bereikt: fc.boolean(), day: fc.integer({ min: 1, max: 25 }) }), { maxLength: 2 }),
  result: fc.option(fc.constantFrom(...RESULT_VALUES), { nil: null }),
});

const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  capacities: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: MONTHS.length, maxLength: MONTHS.length }),
  followUps: fc.array(followUpArb, { minLength: 40, maxLength: 40 }),
  /** Replace this month's list (by index) with the same list after the next month's import. */
  replace: fc.option(fc.integer({ min: 0, max: MONTHS.length - 2 }), { nil: null }),
  /** Every how-manieth row comes without a kenmerk, so that eropaf makes its ID. */
  withoutKenmerkEvery: fc.integer({ min: 2, max: 6 }),
  /** Purge as if it were this many months after the last list. */
  purgeAfter: fc.option(fc.integer({ min: 3, max: 9 }), { nil: null }),
});

describe('export ddas over random month states', () => {
  it('plans a valid delivery whose cases agree with themselves, and never changes a stored ID', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const clock = new Clock();
        const store = openStore(clock);
        try {
          const lists = generateMonthlyLists({ seed: scenario.seed, startMonth: MONTHS[0]!, months: MONTHS.length, ...TOWN }).map((list) =>
            list.rows.map((row, i) => (i % scenario.withoutKenmerkEvery === 0 ? { ...row, signaalId: null } : row)),
          );
          await store.transaction(async () => {
            await store.addWorker({ name: 'Anna de Vries', capacity: 10, createdAt: clock.now() });
          });
          /** Signal IDs per month, as first delivered: the same signals must keep them. */
          const firstIds = new Map<Month, string[]>();
          const checkEveryPeriod = async (): Promise<void> => {
            for (const month of MONTHS) {
              const period = { from: month, to: month };
              let plan;
              try {
                plan = await planDdasDelivery(store, DDAS_OPTIONS(period));
              } catch (error) {
                // Not imported yet, or purged: nothing to deliver. Anything else is a failure.
                if (error instanceof DataError && /geen meldingen|al verwijderd/.test(error.message)) continue;
                throw error;
              }
              expect(plan.parts).toHaveLength(1);
              const delivered = (JSON.parse(plan.parts[0]!.json) as { leveringen: Delivered[] }).leveringen[0]!;
              expectCasesAgree(delivered);
              const ids = delivered.vroegsignalen.map((s) => s.ID).sort();
              const before = firstIds.get(month);
              if (before === undefined) firstIds.set(month, ids);
              else expect(ids).toEqual(before);
            }
          };
          let f = 0;
          for (const [index, month] of MONTHS.entries()) {
            clock.setMonth(month);
            await importRows(store, clock, lists[index]!, month);
            if (scenario.replace !== null && scenario.replace === index - 1) {
              // The same list again, replacing the earlier month: its signals keep their IDs.
              await importRows(store, clock, lists[index - 1]!, MONTHS[index - 1]!, true);
            }
            await triageMonth(store, { month, capacity: scenario.capacities[index]!, dryRun: false, today: clock.today(), now: clock.now });
            const meldingen = await store.ddasData({ from: month, to: month });
            // Follow-up is recorded at the end of the month, as the team does; a melding that was
            // not picked up is first picked up by hand (every other time), or left alone.
            clock.setMonth(month, 28);
            const entries: FollowUpEntry[] = [];
            for (const m of meldingen.filter((m) => m.decision !== null)) {
              const plan = scenario.followUps[f++ % scenario.followUps.length]!;
              if (plan.touched > 3) continue;
              if (m.decision !== 'altijd' && m.decision !== 'capaciteit') {
                if (plan.touched % 2 === 0) continue;
                await pickUpMelding(store, m.ref, { workerName: 'Anna de Vries', now: clock.now });
              }
              for (const a of plan.attempts) {
                entries.push({
                  ref: m.ref,
                  contact: { soort: a.soort, bereikt: a.bereikt, datum: `${month}-${String(a.day).padStart(2, '0')}`, tijd: null, dagdeel: null, notitie: null },
                  result: null,
                });
              }
              // A "Niet opgepakt" result after a contact attempt contradicts it, and is refused.
              const contradicts = plan.attempts.length > 0 && plan.result?.startsWith('Niet opgepakt') === true;
              if (plan.result !== null && !contradicts) {
                entries.push({ ref: m.ref, contact: null, result: { resultaat: plan.result, referredTo: null, closedOn: `${month}-26` } });
              }
            }
            if (entries.length > 0) {
              await recordFollowUp(store, entries.map((entry) => ({ entry, source: null })), { dryRun: false, now: clock.now, today: clock.today() });
            }
            await checkEveryPeriod();
          }
          if (scenario.purgeAfter !== null) {
            const today = `${addMonths(MONTHS[MONTHS.length - 1]!, scenario.purgeAfter)}-15`;
            await purgePersonalData(store, { dryRun: false, today, now: clock.now });
            await checkEveryPeriod();
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});

describe('signal IDs', () => {
  /** The IDs of a one-month delivery, in the order of the file. */
  async function deliveredIds(store: SqliteStore, month: Month): Promise<string[]> {
    const plan = await planDdasDelivery(store, DDAS_OPTIONS({ from: month, to: month }));
    return (JSON.parse(plan.parts[0]!.json) as { leveringen: Delivered[] }).leveringen[0]!.vroegsignalen.map((s) => s.ID);
  }

  it('stay what the first export gave after a later list reuses the kenmerken, a purge and a replace', async () => {
    const clock = new Clock();
    const store = openStore(clock);
    try {
      const [january] = generateMonthlyLists({ seed: 7, startMonth: '2022-01', months: 1, ...TOWN }).map((l) => l.rows);
      const rows = january!.map((row, i) => (i % 4 === 0 ? { ...row, signaalId: null } : row));
      await importRows(store, clock, rows, '2022-01');
      const first = await deliveredIds(store, '2022-01');
      const kenmerken = rows.filter((r) => r.signaalId !== null).map((r) => r.signaalId!);
      expect(first.filter((id) => kenmerken.includes(id))).toHaveLength(kenmerken.length);
      expect(first.filter((id) => id.startsWith('eropaf-'))).toHaveLength(rows.length - kenmerken.length);

      // February's list reuses every kenmerk of January (a municipality numbering per creditor).
      const february = rows.map((row) => inMonth(row, '2022-02'));
      await importRows(store, clock, february, '2022-02');
      expect(await deliveredIds(store, '2022-01')).toEqual(first);
      const februaryIds = await deliveredIds(store, '2022-02');
      for (const kenmerk of kenmerken) expect(februaryIds).toContain(`${kenmerk}-2022-02`);
      expect(new Set([...first, ...februaryIds]).size).toBe(first.length + februaryIds.length);

      // A corrected February list (the same signals) and a March list reusing them again.
      await importRows(store, clock, february, '2022-02', true);
      expect(await deliveredIds(store, '2022-02')).toEqual(februaryIds);
      const march = rows.map((row) => inMonth(row, '2022-03'));
      await importRows(store, clock, march, '2022-03');
      expect(await deliveredIds(store, '2022-01')).toEqual(first);
      expect(await deliveredIds(store, '2022-02')).toEqual(februaryIds);

      // January and February purged (their kenmerken are gone from the signals): March, the only
      // month left with the kenmerken, keeps the IDs with the month appended.
      const marchIds = await deliveredIds(store, '2022-03');
      const purged = await purgePersonalData(store, { dryRun: false, today: '2022-09-15', now: clock.now });
      expect(purged.plan.months).toEqual(['2022-01', '2022-02']);
      expect(await deliveredIds(store, '2022-03')).toEqual(marchIds);
    } finally {
      store.close();
    }
  }, TIMEOUT);
});

describe('late results', () => {
  it('show a delivered period as changed until it is delivered again', async () => {
    const clock = new Clock();
    const store = openStore(clock);
    try {
      const [list] = generateMonthlyLists({ seed: 11, startMonth: '2022-01', months: 1, ...TOWN }).map((l) => l.rows);
      await importRows(store, clock, list!, '2022-01');
      await store.transaction(() => store.addWorker({ name: 'Anna de Vries', capacity: 100, createdAt: clock.now() }));
      await triageMonth(store, { month: '2022-01', dryRun: false, today: clock.today(), now: clock.now });
      const period = { from: '2022-01', to: '2022-01' };
      const deliver = async (): Promise<void> => {
        const plan = await planDdasDelivery(store, DDAS_OPTIONS(period));
        await store.transaction(() => store.recordDelivery('ddas', period, clock.now(), plan.details));
      };
      await deliver();
      expect(await changedDeliveries(store)).toEqual([]);
      const [melding] = await store.ddasData(period);
      // A contact attempt recorded and the same one again: only the first changes the content.
      const attempt = { ref: melding!.ref, contact: { soort: 'Telefoon' as const, bereikt: true, datum: '2022-01-20', dagdeel: null, notitie: null }, result: null };
      await recordFollowUp(store, [{ entry: attempt, source: null }], { dryRun: false, now: clock.now, today: '2022-01-31' });
      const changed = await changedDeliveries(store);
      expect(changed.map((c) => c.period)).toEqual([period]);
      expect(changed[0]!.gemeentecode).toBe('0397');
      await deliver();
      expect(await changedDeliveries(store)).toEqual([]);
      const result = { ref: melding!.ref, contact: null, result: { resultaat: 'Vervolghulp en/of verwijzing financieel' as const, referredTo: null, closedOn: '2022-01-25' } };
      await recordFollowUp(store, [{ entry: result, source: null }], { dryRun: false, now: clock.now, today: '2022-01-31' });
      expect((await changedDeliveries(store)).map((c) => c.period)).toEqual([period]);
    } finally {
      store.close();
    }
  }, TIMEOUT);
});
