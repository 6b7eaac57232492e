// The triage use case on the bundled lists, through the SQLite store: one decision per melding,
// a dry run that stores nothing and plans what the real run stores, re-runs that keep what was
// assigned or followed up, and a --replace that will not throw recorded follow-up away.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickUpMelding } from '../../src/app/pickup.js';
import { recordFollowUp } from '../../src/app/record-followup.js';
import { triageMonth, type TriageOutcome } from '../../src/app/triage-month.js';
import { DataError } from '../../src/core/errors.js';
import type { FollowUpEntry } from '../../src/core/followup-plan.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundledStore, importFile as importInto, lijst, now, openStoreFile, queryFile, removeBundledStore, TODAY, type BundledStore } from './bundled-store.js';

const HEADER =
  'Kenmerk;Signaaldatum;Datum ontstaan;Type signaalpartner;Schuldeiser;Bedrag achterstand;BSN;Voorletters;Voorvoegsel;Achternaam;Geboortedatum;Geslacht;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;E-mail;Crisissignaal;Warme overdracht';

/** A supplementary January list: one new meervoudig household and one new enkelvoudig one. */
const SUPPLEMENT = [
  HEADER,
  'AANV-1;20-01-2022;01-11-2021;Huur;Woonstichting Testwijk;1.250,00;;T.;;Aanvulling;01-01-1970;Vrouw;Proefstraat;901;;2106 ZZ;Heemstede;06-99000001;;Nee;Nee',
  'AANV-2;20-01-2022;15-12-2021;Energie;Testenergie;310,40;;T.;;Aanvulling;01-01-1970;Vrouw;Proefstraat;901;;2106 ZZ;Heemstede;06-99000001;;Nee;Nee',
  'AANV-3;21-01-2022;01-12-2021;Zorg;Testzorg;95,00;;P.;;Proef;02-02-1980;Man;Proefstraat;903;;2106 ZZ;Heemstede;;;Nee;Nee',
].join('\r\n');

let bundled: BundledStore;
let dir: string;
let file: string;
let store: SqliteStore;

const importFile = (list: string, options: { month?: string; replace?: boolean; force?: boolean; aanvulling?: boolean } = {}) =>
  importInto(store, list, options);

function triage(month: string, options: { capacity?: number; dryRun?: boolean; on?: SqliteStore } = {}): Promise<TriageOutcome> {
  return triageMonth(options.on ?? store, {
    month,
    ...(options.capacity !== undefined && { capacity: options.capacity }),
    dryRun: options.dryRun ?? false,
    today: TODAY,
    now,
  });
}

/** The outcome's plan with every decision built, to compare plans as values. */
function decided(outcome: TriageOutcome): unknown {
  return { ...outcome.plan, decisions: [...outcome.plan.decisions] };
}

interface StoredDecision {
  ref: string;
  kind: string;
  rule: string;
  reason: string;
  place: number | null;
  worker_id: number | null;
}

const query = <T>(sql: string, ...params: unknown[]): T[] => queryFile<T>(file, sql, ...params);

function decisions(month: string): Map<string, StoredDecision> {
  const rows = query<StoredDecision>(
    `SELECT printf('%s-%03d', m.month, m.seq) AS ref, d.kind, d.rule, d.reason, d.place, d.worker_id
     FROM meldingen m JOIN decisions d ON d.melding_id = m.id WHERE m.month = ? ORDER BY m.seq`,
    month,
  );
  return new Map(rows.map((r) => [r.ref, r]));
}

/** Every table except the volatile ones, for "nothing changed" checks. */
function dump(): Record<string, unknown[]> {
  const tables = query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, query(`SELECT * FROM "${t}" ORDER BY rowid`)]));
}

async function record(entries: FollowUpEntry[]): Promise<void> {
  await recordFollowUp(
    store,
    entries.map((entry) => ({ entry, source: null })),
    { dryRun: false, now, today: TODAY },
  );
}

const contactOn = (ref: string): FollowUpEntry => ({
  ref,
  contact: { soort: 'Telefoon', bereikt: true, datum: '2022-01-25', dagdeel: 'Middag', notitie: null },
  result: null,
});
const resultOn = (ref: string, resultaat: NonNullable<FollowUpEntry['result']>['resultaat']): FollowUpEntry => ({
  ref,
  contact: null,
  result: { resultaat, referredTo: null, closedOn: '2022-01-26' },
});

beforeEach(async () => {
  bundled = await bundledStore('eropaf-app-triage-', { anna: 10, bram: 8 });
  ({ dir, file, store } = bundled);
});

afterEach(() => {
  removeBundledStore(bundled);
});

describe('triage of a month', () => {
  it('gives every melding of the month exactly one decision, and a worker to every picked one', async () => {
    const { plan, run, rerun } = await triage('2022-01');
    const meldingen = query<{ ref: string }>("SELECT printf('%s-%03d', month, seq) AS ref FROM meldingen WHERE month = '2022-01' ORDER BY seq");
    expect(meldingen.length).toBeGreaterThan(40);
    expect([...plan.decisions].map((d) => d.ref)).toEqual(meldingen.map((m) => m.ref));

    const stored = decisions('2022-01');
    expect([...stored.keys()]).toEqual(meldingen.map((m) => m.ref));
    for (const d of plan.decisions) {
      const s = stored.get(d.ref)!;
      expect({ kind: s.kind, rule: s.rule, reason: s.reason, place: s.place, worker_id: s.worker_id }).toEqual({
        kind: d.kind,
        rule: d.rule,
        reason: d.reason,
        place: d.place,
        worker_id: d.workerId,
      });
      const picked = d.kind === 'altijd' || d.kind === 'capaciteit';
      expect(d.workerId !== null, `${d.ref} ${d.kind}`).toBe(picked);
    }
    // Two workers, capacity 10 + 8: the month fills it exactly (the fixture has far more meldingen).
    expect(run).toMatchObject({ month: '2022-01', capacity: 18, capacityOverridden: false });
    expect(rerun).toBe(false);
    const picked = [...plan.decisions].filter((d) => d.workerId !== null);
    expect(picked).toHaveLength(18);
    const [anna, bram] = await store.workers();
    expect(picked.filter((d) => d.workerId === anna!.id)).toHaveLength(10);
    expect(picked.filter((d) => d.workerId === bram!.id)).toHaveLength(8);
    expect(plan.figures.overCapacityBy).toBe(0);
    expect(await store.triageRun('2022-01')).toMatchObject({ capacity: 18, capacityOverridden: false });
  });

  it('stores nothing on a dry run, and plans exactly what the real run then stores', async () => {
    const before = dump();
    const dry = await triage('2022-01', { dryRun: true });
    expect(dump()).toEqual(before);

    // The command line opens the database read-only for a dry run: same plan.
    const readonly = openStoreFile(file, true);
    const dryReadonly = await triage('2022-01', { dryRun: true, on: readonly });
    readonly.close();
    expect(dump()).toEqual(before);
    expect(decided(dryReadonly)).toEqual(decided(dry));

    const real = await triage('2022-01');
    expect(decided(real)).toEqual(decided(dry));
    expect(dump()).not.toEqual(before);
  });

  it('refuses a month that was not imported', async () => {
    await expect(triage('2021-12')).rejects.toThrow(DataError);
    expect(await store.triageRun('2021-12')).toBeUndefined();
  });

  it('keeps assignments and recorded follow-up on a re-run, and places what a supplementary import added', async () => {
    const first = await triage('2022-01');
    const picked = [...first.plan.decisions].filter((d) => d.kind === 'altijd' || d.kind === 'capaciteit');
    const deferred = [...first.plan.decisions].filter((d) => d.kind === 'uitgesteld');
    const [a, b] = picked;
    // A deferred melding a worker picked up by hand and followed up anyway.
    await pickUpMelding(store, deferred[0]!.ref, { workerName: 'Bram Jansen', now });
    await record([contactOn(a!.ref), resultOn(b!.ref, 'Vervolghulp en/of verwijzing financieel'), resultOn(deferred[0]!.ref, 'Inwoner is overleden')]);
    const before = decisions('2022-01');
    const followUpBefore = query('SELECT * FROM contacts ORDER BY id').concat(query('SELECT * FROM results ORDER BY melding_id'));

    const supplement = path.join(dir, 'aanvulling-januari.csv');
    fs.writeFileSync(supplement, `\ufeff${SUPPLEMENT}\r\n`);
    const imported = await importFile(supplement, { month: '2022-01', aanvulling: true });
    expect(imported.kind).toBe('imported');

    const second = await triage('2022-01');
    expect(second.rerun).toBe(true);
    const after = decisions('2022-01');
    expect(after.size).toBe(before.size + 2);
    expect(second.plan.decisions).toHaveLength(after.size);

    // Everything assigned or followed up stays exactly as it was.
    for (const d of [...picked, deferred[0]!]) expect(after.get(d.ref)).toEqual(before.get(d.ref));
    expect(query('SELECT * FROM contacts ORDER BY id').concat(query('SELECT * FROM results ORDER BY melding_id'))).toEqual(
      followUpBefore,
    );

    // The new meervoudige household is always followed up and has a worker; the new enkelvoudige one
    // is decided too (the capacity was already used up, so it waits).
    const added = [...after.entries()].filter(([ref]) => !before.has(ref));
    expect(added).toHaveLength(2);
    const [meervoudig, enkelvoudig] = added.map(([, d]) => d);
    expect(meervoudig).toMatchObject({ kind: 'altijd', rule: 'meervoudig' });
    expect(meervoudig!.worker_id).not.toBeNull();
    expect(enkelvoudig).toMatchObject({ kind: 'uitgesteld', worker_id: null });
    // Over the capacity of 18 by two: the new meervoudige melding, and the deferred melding that
    // was picked up and followed up anyway (the work was done, so it counts).
    expect(second.plan.figures.overCapacityBy).toBe(2);
  });

  it('picks up previously deferred meldingen, best placed first, when a re-run has a larger --capacity', async () => {
    const first = await triage('2022-01', { capacity: 10 });
    const firstPicked = [...first.plan.decisions].filter((d) => d.workerId !== null).map((d) => d.ref);
    expect(firstPicked).toHaveLength(10);
    const deferredByPlace = [...first.plan.decisions]
      .filter((d) => d.kind === 'uitgesteld')
      .sort((x, y) => x.place! - y.place!)
      .map((d) => d.ref);

    const second = await triage('2022-01', { capacity: 20 });
    const secondPicked = [...second.plan.decisions].filter((d) => d.workerId !== null).map((d) => d.ref);
    expect(secondPicked).toHaveLength(20);
    expect(secondPicked).toEqual(expect.arrayContaining(firstPicked));
    expect(secondPicked.filter((r) => !firstPicked.includes(r)).sort()).toEqual(deferredByPlace.slice(0, 10).sort());
    expect(await store.triageRun('2022-01')).toMatchObject({ capacity: 20, capacityOverridden: true });

    // A smaller capacity afterwards takes nothing away that was assigned.
    const third = await triage('2022-01', { capacity: 5 });
    expect([...third.plan.decisions].filter((d) => d.workerId !== null).map((d) => d.ref)).toEqual(secondPicked);
  });

  it('gives the same plan for the same data, run after run', async () => {
    const a = await triage('2022-02', { dryRun: true });
    const b = await triage('2022-02', { dryRun: true });
    expect(decided(b)).toEqual(decided(a));
  });
});

describe('recording follow-up', () => {
  it('finds a melding under a reference written without its leading zeros', async () => {
    const { plan } = await triage('2022-01');
    const picked = [...plan.decisions].find((d) => d.kind === 'altijd')!;
    const seq = Number(picked.ref.slice(8));
    expect(picked.ref).toMatch(/^2022-01-0/);
    const first = await recordFollowUp(store, [{ entry: contactOn(`2022-01-${seq}`), source: null }], { dryRun: false, now, today: TODAY });
    expect(first.contacts.map((c) => c.ref)).toEqual([picked.ref]);
    const again = await recordFollowUp(store, [{ entry: contactOn(picked.ref), source: null }], { dryRun: false, now, today: TODAY });
    expect(again.contacts).toEqual([]);
    expect(again.alreadyRecorded).toBe(1);
  });

  it('checks every reference before writing anything', async () => {
    const { plan } = await triage('2022-01');
    const before = dump();
    await expect(record([contactOn([...plan.decisions][0]!.ref), contactOn('2022-01-999'), contactOn('2022-02-001')])).rejects.toThrow(
      DataError,
    );
    expect(dump()).toEqual(before);
  });
});

describe('--replace of a triaged month', () => {
  /** January's list without the rows of the household of melding `ref`. */
  function januaryWithout(ref: string): string {
    const [address] = query<{ postcode: string; huisnummer: string }>(
      `SELECT h.postcode, h.huisnummer FROM meldingen m JOIN households h ON h.id = m.household_id WHERE m.month = '2022-01' AND m.seq = ?`,
      Number(ref.slice(8)),
    );
    const lines = fs.readFileSync(lijst('2022-01'), 'utf8').split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(';');
    const [pc, nr] = [header.indexOf('Postcode'), header.indexOf('Huisnummer')];
    const kept = lines.filter((line, i) => {
      const cells = line.split(';');
      return i === 0 || line === '' || cells[pc]!.replace(/\s+/g, '').toUpperCase() !== address!.postcode || cells[nr] !== address!.huisnummer;
    });
    expect(kept.length).toBeLessThan(lines.length);
    const out = path.join(dir, 'vroegeropaf-2022-01-gecorrigeerd.csv');
    fs.writeFileSync(out, kept.join('\r\n'));
    return out;
  }

  it('keeps the triage of the households still on the list', async () => {
    await triage('2022-01');
    const before = decisions('2022-01');
    const outcome = await importFile(lijst('2022-01'), { replace: true });
    expect(outcome.kind).toBe('imported');
    expect(await store.triageRun('2022-01')).toBeDefined();
    expect(decisions('2022-01')).toEqual(before);
  });

  it('keeps recorded follow-up of the households still on the list, under the same reference', async () => {
    const { plan } = await triage('2022-01');
    const picked = [...plan.decisions].find((d) => d.kind === 'capaciteit')!;
    await record([contactOn(picked.ref)]);
    const contactsBefore = query('SELECT c.soort, c.datum, m.seq FROM contacts c JOIN meldingen m ON m.id = c.melding_id');

    const outcome = await importFile(lijst('2022-01'), { replace: true });
    expect(outcome.kind === 'imported' && outcome.summary.replacement).toMatchObject({ lost: [] });
    expect(query('SELECT c.soort, c.datum, m.seq FROM contacts c JOIN meldingen m ON m.id = c.melding_id')).toEqual(contactsBefore);
    expect(await store.monthHasFollowUp('2022-01')).toBe(true);
  });

  it('is refused when a household with follow-up is no longer on the list, changing nothing, unless forced', async () => {
    const { plan } = await triage('2022-01');
    const picked = [...plan.decisions].find((d) => d.kind === 'capaciteit')!;
    await record([contactOn(picked.ref)]);
    const corrected = januaryWithout(picked.ref);
    const before = dump();

    await expect(importFile(corrected, { replace: true })).rejects.toThrow(DataError);
    await expect(importFile(corrected, { replace: true })).rejects.toThrow(/niet meer op de nieuwe lijst/);
    expect(dump()).toEqual(before);

    const forced = await importFile(corrected, { replace: true, force: true });
    expect(forced.kind).toBe('imported');
    expect(query('SELECT * FROM contacts')).toEqual([]);
    expect(await store.monthHasFollowUp('2022-01')).toBe(false);
    // the other households keep their triage
    expect(await store.triageRun('2022-01')).toBeDefined();
  });

  it("is refused after a worker's result alone, too", async () => {
    const { plan } = await triage('2022-01');
    const picked = [...plan.decisions].find((d) => d.kind === 'altijd' || d.kind === 'capaciteit')!;
    await record([resultOn(picked.ref, 'Persoon is geen inwoner (meer) in de gemeente')]);
    await expect(importFile(januaryWithout(picked.ref), { replace: true })).rejects.toThrow(DataError);
  });
});
