// The first-contact term and the house-visit list through the use cases and the SQLite store,
// on a fixed "today": the bundled lists are imported on 30 June 2022 (the bundled store's clock),
// so with the default term of 14 days the last day for a first attempt is 14 July 2022.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsOverview } from '../../src/app/month-overview.js';
import { readPeriodStats } from '../../src/app/period-stats.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { readVisitList } from '../../src/app/visit-list.js';
import { readWorklist } from '../../src/app/worklist.js';
import { DataError } from '../../src/core/errors.js';
import type { ContactRecord } from '../../src/store/store.js';
import { bundledStore, now, removeBundledStore, TODAY, type BundledStore } from './bundled-store.js';

const JANUARY = { month: '2022-01', workerId: null };
let bundled: BundledStore;
const store = () => bundled.store;

const call = (datum: string, bereikt = false): ContactRecord => ({ soort: 'Telefoon', bereikt, datum, dagdeel: 'Ochtend', notitie: null });

/** The stored id of a melding by reference. */
async function idOf(ref: string): Promise<number> {
  const [month, seq] = [ref.slice(0, 7), Number(ref.slice(8))];
  return (await store().meldingStates([{ month, seq }]))[0]!.id;
}

let refs: string[];

beforeAll(async () => {
  bundled = await bundledStore('eropaf-contact-term-', { anna: 12, bram: 10 });
  await triageMonth(store(), { month: '2022-01', dryRun: false, today: TODAY, now });
  refs = (await readWorklist(store(), JANUARY, TODAY)).map((line) => line.ref);
  expect(refs.length).toBeGreaterThan(10);
  await store().transaction(async () => {
    // First attempt the day after the import: within the term.
    await store().addContact(await idOf(refs[0]!), call('2022-07-01'), now());
    // First attempt on day 20: after the term, but an attempt all the same.
    await store().addContact(await idOf(refs[1]!), call('2022-07-20'), now());
  });
}, 60_000);

afterAll(() => removeBundledStore(bundled));

describe('the worklist and the contact term', () => {
  it('marks nothing on the last day of the term', async () => {
    const lines = await readWorklist(store(), JANUARY, '2022-07-14');
    expect(lines.filter((l) => l.pastTerm)).toEqual([]);
    expect(new Set(lines.map((l) => l.deadline))).toEqual(new Set(['2022-07-14']));
  });

  it('marks every melding without an attempt the day after, and puts them first', async () => {
    const lines = await readWorklist(store(), JANUARY, '2022-07-15');
    const past = lines.filter((l) => l.pastTerm).map((l) => l.ref);
    expect(past.sort()).toEqual(refs.slice(2).sort());
    expect(lines.slice(-2).map((l) => l.ref).sort()).toEqual(refs.slice(0, 2).sort());
  });

  it('counts in the month overview exactly the meldingen the worklist marks', async () => {
    for (const today of ['2022-07-14', '2022-07-15', '2023-01-01']) {
      const marked = (await readWorklist(store(), JANUARY, today)).filter((l) => l.pastTerm).length;
      const months = await monthsOverview(store(), today);
      expect(months.find((m) => m.month === '2022-01')!.pastContactTerm).toBe(marked);
      // February is not triaged: nothing was picked up, so nothing waits for a first contact.
      expect(months.find((m) => m.month === '2022-02')!.pastContactTerm).toBe(0);
    }
  });

  it('follows termijn.eerste-contact', async () => {
    await store().transaction(() => store().setSetting('termijn.eerste-contact', '30'));
    try {
      expect((await readWorklist(store(), JANUARY, '2022-07-20')).some((l) => l.pastTerm)).toBe(false);
      expect((await monthsOverview(store(), '2022-07-31')).find((m) => m.month === '2022-01')!.pastContactTerm).toBe(refs.length - 2);
    } finally {
      await store().transaction(() => store().setSetting('termijn.eerste-contact', '14'));
    }
  });

  it('gives the share with a first attempt within the term and the median days in the stats', async () => {
    const stats = await readPeriodStats(store(), { from: '2022-01', to: '2022-01' }, '2022-07-15');
    // Judged: the two with an attempt and every open one past its term; within: the first only.
    expect(stats.firstContact.withinTerm).toMatchObject({ count: 1, of: refs.length });
    // Days 1 and 20.
    expect(stats.firstContact.medianDaysToFirstAttempt).toBe(10.5);
  });
});

describe('the house-visit list', () => {
  it('lists a melding after three unanswered calls, in route order, and not before', async () => {
    const before = await readVisitList(store(), JANUARY, '2022-07-31');
    const visited = refs[2]!;
    expect(before.flatMap((a) => a.visits.map((v) => v.entry.ref))).not.toContain(visited);
    await store().transaction(async () => {
      for (const day of ['2022-07-01', '2022-07-02', '2022-07-03']) await store().addContact(await idOf(visited), call(day), now());
    });
    const after = await readVisitList(store(), JANUARY, '2022-07-31');
    const listed = after.flatMap((a) => a.visits);
    expect(listed.find((v) => v.entry.ref === visited)?.reason).toBe('pogingen');
    // Every listed melding either has no phone and no e-mail, or three unanswered remote attempts.
    for (const visit of listed) {
      const unreachable = visit.entry.person.telefoon === null && visit.entry.person.email === null;
      expect(unreachable || visit.entry.attempts.length >= 3).toBe(true);
    }
    const postcodes = listed.map((v) => v.entry.person.postcode);
    expect(postcodes).toEqual([...postcodes].sort());
    expect(after.map((a) => a.area)).toEqual([...new Set(postcodes.map((p) => p.slice(0, 4)))]);
  });

  it('is not there for a month that was not triaged', async () => {
    await expect(readVisitList(store(), { month: '2022-02', workerId: null }, '2022-07-31')).rejects.toBeInstanceOf(DataError);
  });
});
