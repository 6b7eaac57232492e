// The follow-up side of the SQLite store on the bundled lists: what counts as a month with
// follow-up (only a worker's contact or result, never the triage's own results), recording and
// replacing results, the worklist and the month overview.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triageMonth } from '../../src/app/triage-month.js';
import { formatRef } from '../../src/core/reference.js';
import type { ContactRecord } from '../../src/store/store.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundledStore, now, removeBundledStore, TODAY, type BundledStore } from '../app/bundled-store.js';

let bundled: BundledStore;
let store: SqliteStore;

async function triage(month: string): Promise<void> {
  await triageMonth(store, { month, dryRun: false, today: TODAY, now });
}

const CONTACT: ContactRecord = { soort: 'Telefoon', bereikt: true, datum: '2022-01-20', dagdeel: 'Ochtend', notitie: null };

beforeEach(async () => {
  bundled = await bundledStore('eropaf-store-', { anna: 8, bram: 6 });
  store = bundled.store;
  // A threshold, so that the triage itself records 'Niet opgepakt' results.
  await store.transaction(() => store.setSetting('triage.drempel', '€ 100,00'));
});

afterEach(() => {
  removeBundledStore(bundled);
});

/** The month's meldingen with their decision and follow-up state, by reference. */
async function states(month: string, kinds?: readonly string[]) {
  const overview = await store.monthOverview();
  const received = overview.find((m) => m.month === month)!.received;
  const all = await store.meldingStates(Array.from({ length: received }, (_, i) => ({ month, seq: i + 1 })));
  expect(all).toHaveLength(received);
  return kinds === undefined ? all : all.filter((s) => s.decision !== null && kinds.includes(s.decision));
}

describe('monthHasFollowUp', () => {
  it('is false for an imported, untriaged month', async () => {
    expect(await store.monthHasFollowUp('2022-01')).toBe(false);
    expect(await store.monthHasFollowUp('2021-12')).toBe(false);
  });

  it("is false after the triage, also though the triage set 'Niet opgepakt' results and closures", async () => {
    await triage('2022-01');
    await triage('2022-02');
    const jan = await states('2022-01');
    expect(jan.filter((s) => s.resultSource === 'triage').length).toBeGreaterThan(0);
    expect(jan.filter((s) => s.resultSource === 'sluiting').length).toBeGreaterThan(0);
    expect(jan.every((s) => s.resultaat === null || s.resultaat.startsWith('Niet opgepakt'))).toBe(true);
    expect(await store.monthHasFollowUp('2022-01')).toBe(false);
    expect(await store.monthHasFollowUp('2022-02')).toBe(false);
  });

  it("is true after a worker's contact attempt, for that month only", async () => {
    await triage('2022-01');
    const [picked] = await states('2022-01', ['altijd', 'capaciteit']);
    await store.transaction(() => store.addContact(picked!.id, CONTACT, now()));
    expect(await store.monthHasFollowUp('2022-01')).toBe(true);
    expect(await store.monthHasFollowUp('2022-02')).toBe(false);
  });

  it("is true after a worker's result alone, even a 'Niet opgepakt' one", async () => {
    await triage('2022-01');
    const [deferred] = await states('2022-01', ['uitgesteld']);
    await store.transaction(() =>
      store.setResult(deferred!.id, { resultaat: 'Niet opgepakt: andere reden', referredTo: null, closedOn: '2022-01-31' }, now()),
    );
    expect(await store.monthHasFollowUp('2022-01')).toBe(true);
  });
});

describe('recording follow-up', () => {
  it('stores contact attempts in order and gives them back with the melding', async () => {
    await triage('2022-01');
    const [picked] = await states('2022-01', ['altijd']);
    const second: ContactRecord = { soort: 'Huisbezoek', bereikt: false, datum: '2022-01-22', dagdeel: 'Middag', tijd: '14:30', notitie: 'kaartje achtergelaten' };
    await store.transaction(async () => {
      await store.addContact(picked!.id, second, now());
      await store.addContact(picked!.id, CONTACT, now());
    });
    const [state] = await store.meldingStates([{ month: '2022-01', seq: Number(picked!.ref.slice(8)) }]);
    expect(state).toMatchObject({ id: picked!.id, ref: picked!.ref, month: '2022-01', decision: 'altijd', resultaat: null, closedOn: null });
    // In the order they were made, each with its own number for correcting it.
    expect(state!.contacts.map(({ id: _id, ...c }) => c)).toEqual([{ ...CONTACT, tijd: null }, second]);
    expect(new Set(state!.contacts.map((c) => c.id)).size).toBe(2);
  });

  it('corrects and deletes a stored attempt, renewing whether the melding is opgevolgd', async () => {
    await triage('2022-01');
    const [picked] = await states('2022-01', ['altijd']);
    const ref = { month: '2022-01', seq: Number(picked!.ref.slice(8)) };
    await store.transaction(() => store.addContact(picked!.id, CONTACT, now()));
    let [state] = await store.meldingStates([ref]);
    await store.transaction(() => store.updateContact(state!.contacts[0]!.id, { ...CONTACT, bereikt: false, tijd: '09:10' }, now()));
    [state] = await store.meldingStates([ref]);
    expect(state!.contacts[0]).toMatchObject({ bereikt: false, tijd: '09:10' });
    expect((await store.monthOverview()).find((m) => m.month === '2022-01')!.followedUp).toBe(1);
    await store.transaction(() => store.deleteContact(state!.contacts[0]!.id));
    [state] = await store.meldingStates([ref]);
    expect(state!.contacts).toEqual([]);
    expect((await store.monthOverview()).find((m) => m.month === '2022-01')!.followedUp).toBe(0);
  });

  it('picks a deferred melding up: a decision with a worker and the picking date, its Niet opgepakt result gone', async () => {
    await triage('2022-01');
    await triage('2022-02');
    const closed = (await states('2022-01', ['uitgesteld'])).find((s) => s.resultSource === 'sluiting')!;
    const [worker] = await store.workers();
    await store.transaction(() =>
      store.pickUp(closed.id, { kind: 'capaciteit', rule: 'opgepakt', reason: 'alsnog opgepakt', workerId: worker!.id }, '2022-02-10T09:00:00.000Z'),
    );
    const [state] = await store.meldingStates([{ month: '2022-01', seq: Number(closed.ref.slice(8)) }]);
    expect(state).toMatchObject({ decision: 'capaciteit', workerId: worker!.id, resultaat: null, resultSource: null });
    const delivery = await store.ddasData({ from: '2022-01', to: '2022-01' });
    expect(delivery.find((m) => m.ref === closed.ref)).toMatchObject({ decision: 'capaciteit', decidedOn: '2022-02-10', resultaat: null });
  });

  it('reopens: deleting the result keeps the attempts', async () => {
    await triage('2022-01');
    const [picked] = await states('2022-01', ['altijd']);
    const ref = { month: '2022-01', seq: Number(picked!.ref.slice(8)) };
    await store.transaction(async () => {
      await store.addContact(picked!.id, CONTACT, now());
      await store.setResult(picked!.id, { resultaat: '(Budget)advies en/of quick fix', referredTo: null, closedOn: '2022-01-20' }, now());
    });
    expect((await store.meldingStates([ref]))[0]!.closedOn).toBe('2022-01-20');
    await store.transaction(() => store.deleteResult(picked!.id));
    const [state] = await store.meldingStates([ref]);
    expect(state).toMatchObject({ resultaat: null, closedOn: null });
    expect(state!.contacts).toHaveLength(1);
  });

  it("replaces a result the triage set with the worker's, and a worker's result with a later one", async () => {
    await triage('2022-01');
    const notPicked = (await states('2022-01', ['niet-opgepakt']))[0]!;
    expect(notPicked.resultSource).toBe('triage');
    await store.transaction(() =>
      store.setResult(notPicked.id, { resultaat: 'Inwoner is overleden', referredTo: null, closedOn: '2022-01-25' }, now()),
    );
    let [state] = await store.meldingStates([{ month: '2022-01', seq: Number(notPicked.ref.slice(8)) }]);
    expect(state).toMatchObject({ resultaat: 'Inwoner is overleden', resultSource: 'medewerker', referredTo: null });
    await store.transaction(() =>
      store.setResult(notPicked.id, { resultaat: 'Vervolghulp en/of verwijzing', referredTo: 'amw', closedOn: '2022-01-26' }, now()),
    );
    [state] = await store.meldingStates([{ month: '2022-01', seq: Number(notPicked.ref.slice(8)) }]);
    expect(state).toMatchObject({ resultaat: 'Vervolghulp en/of verwijzing', resultSource: 'medewerker', referredTo: 'amw' });
  });

  it('finds no state for a reference that does not exist', async () => {
    expect(await store.meldingStates([{ month: '2022-01', seq: 999 }, { month: '2021-01', seq: 1 }])).toEqual([]);
  });

  it('leaves a melding on the worklist after a contact attempt, and takes it off once it has a result', async () => {
    await triage('2022-01');
    const picked = await states('2022-01', ['altijd', 'capaciteit']);
    const before = await store.worklist('2022-01', null);
    expect(before.map((e) => e.ref).sort()).toEqual(picked.map((p) => p.ref).sort());

    const [a, b] = picked;
    await store.transaction(async () => {
      await store.addContact(a!.id, CONTACT, now());
      await store.addContact(b!.id, CONTACT, now());
      await store.setResult(b!.id, { resultaat: '(Budget)advies en/of quick fix', referredTo: null, closedOn: '2022-01-20' }, now());
    });
    const after = await store.worklist('2022-01', null);
    expect(after.map((e) => e.ref)).toContain(a!.ref);
    expect(after.map((e) => e.ref)).not.toContain(b!.ref);
    const { notitie: _note, ...shown } = CONTACT;
    expect(after.find((e) => e.ref === a!.ref)!.attempts).toEqual([shown]);
  });

  it("filters the worklist by worker, each picked melding on exactly one worker's list", async () => {
    await triage('2022-01');
    const workers = await store.workers();
    const lists = await Promise.all(workers.map((w) => store.worklist('2022-01', w.id)));
    const all = await store.worklist('2022-01', null);
    expect(lists.flat().map((e) => e.ref).sort()).toEqual(all.map((e) => e.ref).sort());
    lists.forEach((list, i) => expect(list.every((e) => e.worker === workers[i]!.name)).toBe(true));
    for (const e of all) expect(e.person.bsn === null || /^\d{9}$/.test(e.person.bsn)).toBe(true);
  });

  it('counts a month in the overview as the melding_status view sees it', async () => {
    await triage('2022-01');
    const jan = await states('2022-01');
    const picked = jan.filter((s) => s.decision === 'altijd' || s.decision === 'capaciteit');
    await store.transaction(async () => {
      await store.addContact(picked[0]!.id, CONTACT, now());
      await store.setResult(picked[1]!.id, { resultaat: 'Inwoner is overleden', referredTo: null, closedOn: '2022-01-20' }, now());
    });
    const overview = (await store.monthOverview()).find((m) => m.month === '2022-01')!;
    expect(overview).toEqual({
      month: '2022-01',
      received: jan.length,
      triaged: true,
      assigned: picked.length,
      followedUp: 2,
      deferred: jan.filter((s) => s.decision === 'uitgesteld').length,
      closed: jan.filter((s) => s.resultaat !== null).length + 1,
    });
    expect((await store.monthOverview()).find((m) => m.month === '2022-02')).toMatchObject({
      triaged: false,
      assigned: 0,
      followedUp: 0,
      deferred: 0,
      closed: 0,
    });
  });

  it('gives every melding of a month a reference formatted from its number', async () => {
    const jan = await states('2022-01');
    expect(jan.map((s) => s.ref)).toEqual(jan.map((_, i) => formatRef('2022-01', i + 1)));
  });
});
