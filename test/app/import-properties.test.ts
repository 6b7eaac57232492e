// Properties of the import use case (src/app/import-list.ts) on a real SQLite store, over small
// generated lists with exact duplicates, rows without a kenmerk, invalid rows and kenmerken that
// two addresses claim:
//   (a) importing the same rows twice (as two different files) equals importing them once;
//   (b) the order of the rows does not change what is stored;
//   (c) every row lands in exactly one of new, duplicate, rejected, and with --skip-invalid the
//       rejects file holds exactly the rejected rows;
//   (d) a dry run reports exactly what the real run then does.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importList, type ImportOptions } from '../../src/app/import-list.js';
import type { ImportSummary } from '../../src/core/import/summary.js';
import type { Signaalpartner } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from '../../src/synthetic/dialect.js';
import { generateMonthlyLists, TOWN } from '../../src/synthetic/lists.js';
import { householdKey, type SignalRow } from '../../src/synthetic/row.js';
import { storedMeldingen, storedSignals } from '../e2e/helpers.js';

/** Raise with EROPAF_PROPERTY_RUNS=500 for a longer hunt. */
const NUM_RUNS = Number(process.env.EROPAF_PROPERTY_RUNS ?? 25);
const TIMEOUT = 120_000;
const MONTH = '2022-03';
const TODAY = '2030-01-01';
const NOW = (): string => '2030-01-01T12:00:00.000Z';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-props-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string): string => path.join(dir, `${counter++}-${name}`);

// ---------------------------------------------------------------------------------------------
// The rows: a generated March list, without two rows that would be the same signal when their
// kenmerk is left out (then which one is stored would depend on the order, as designed).

const POOL: readonly SignalRow[] = (() => {
  const rows = generateMonthlyLists({ seed: 4242, startMonth: MONTH, months: 1, ...TOWN })[0]!.rows;
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = [r.schuldeiser.toLowerCase(), r.signaalpartner, householdKey(r), r.bedragCents, r.signaaldatum].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
})();

type Flaw = 'postcode' | 'negatief' | 'huisnummer' | 'signaalpartner';

interface Entry {
  index: number;
  noKenmerk: boolean;
  flaw: Flaw | null;
  /** Take the kenmerk of another pool row (only used when that row has another address). */
  kenmerkOf: number | null;
}

const entryArb: fc.Arbitrary<Entry> = fc.record({
  index: fc.nat(POOL.length - 1),
  noKenmerk: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))).chain((b) => (b ? fc.boolean() : fc.constant(false))),
  flaw: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom<Flaw>('postcode', 'negatief', 'huisnummer', 'signaalpartner') },
  ),
  kenmerkOf: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(POOL.length - 1) }),
});

/** A list: entries, then exact copies of some of them inserted at some places. */
const listArb: fc.Arbitrary<SignalRow[]> = fc
  .tuple(fc.array(entryArb, { minLength: 1, maxLength: 32 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }))
  .map(([entries, copies]) => {
    const rows = entries.map(toRow);
    for (const [of, at] of copies) rows.splice(at % (rows.length + 1), 0, { ...rows[of % rows.length]! });
    return rows;
  });

function toRow(entry: Entry): SignalRow {
  const row: SignalRow = { ...POOL[entry.index]! };
  if (entry.noKenmerk) row.signaalId = null;
  const donor = entry.kenmerkOf === null ? undefined : POOL[entry.kenmerkOf];
  if (!entry.noKenmerk && donor !== undefined && householdKey(donor) !== householdKey(row)) row.signaalId = donor.signaalId;
  switch (entry.flaw) {
    case 'postcode':
      row.postcode = '0123 AB';
      break;
    case 'negatief':
      row.bedragCents = -row.bedragCents - 1;
      break;
    case 'huisnummer':
      row.huisnummer = `${row.huisnummer}a`;
      break;
    case 'signaalpartner':
      row.signaalpartner = 'Sportschool' as Signaalpartner;
      break;
    case null:
      break;
  }
  return row;
}

function isValid(row: SignalRow): boolean {
  return !row.postcode.startsWith('0') && row.bedragCents >= 0 && /^\d+$/.test(row.huisnummer) && row.signaalpartner !== ('Sportschool' as Signaalpartner);
}

/** The lines (header = line 1) that must be rejected: invalid rows and valid rows whose kenmerk two addresses claim. */
function expectedRejectedLines(rows: readonly SignalRow[]): number[] {
  const addresses = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!isValid(row) || row.signaalId === null) continue;
    addresses.set(row.signaalId, (addresses.get(row.signaalId) ?? new Set()).add(householdKey(row)));
  }
  return rows.flatMap((row, i) =>
    !isValid(row) || (row.signaalId !== null && addresses.get(row.signaalId)!.size > 1) ? [i + 2] : [],
  );
}

// ---------------------------------------------------------------------------------------------

/** Writes the rows as a Dutch Excel list; `extra` adds an unknown column (a different file, same rows). */
function writeList(rows: readonly SignalRow[], extra?: string): string {
  let text = formatCsv(rows, DUTCH_EXCEL);
  if (extra !== undefined) {
    const lines = text.split('\r\n');
    text = lines.map((line, i) => (i === lines.length - 1 ? line : `${line};${i === 0 ? 'Opmerking' : extra}`)).join('\r\n');
  }
  const file = fresh(`lijst-${MONTH}.csv`);
  fs.writeFileSync(file, encodeUtf8(text));
  return file;
}

async function run(
  db: string,
  file: string,
  options: { dryRun?: boolean; rejects?: string; aanvulling?: boolean } = {},
): Promise<ImportSummary> {
  const dryRun = options.dryRun === true;
  const store = SqliteStore.open(db, { readonly: dryRun, busyTimeoutMs: 1_000, now: NOW });
  try {
    const importOptions: ImportOptions = {
      file,
      dryRun,
      replace: false,
      force: false,
      aanvulling: options.aanvulling === true,
      skipInvalid: true,
      rejectsFile: options.rejects ?? fresh('afgewezen.csv'),
      today: TODAY,
      now: NOW,
    };
    const outcome = await importList(store, importOptions);
    if (outcome.kind !== 'imported') throw new Error(`expected an import, got ${outcome.kind}`);
    return outcome.summary;
  } finally {
    store.close();
  }
}

/**
 * What is stored, independent of row ids and of the order of the rows in the file. Without
 * `lines`, also independent of where a row stood: its line, and the delivery ID eropaf makes
 * from the line for a signal without a kenmerk.
 */
function stored(db: string, options: { lines: boolean }): { signals: unknown[]; meldingen: unknown[] } {
  if (!fs.existsSync(db)) return { signals: [], meldingen: [] };
  const signals = storedSignals(db)
    .map(({ source_line, ddas_id, ...rest }) =>
      options.lines ? { source_line, ddas_id, ...rest } : { ddas_id: rest.signaal_id === null ? '(uit de regel)' : ddas_id, ...rest },
    )
    .map((s) => JSON.stringify(s))
    .sort();
  return { signals, meldingen: storedMeldingen(db) };
}

const figures = (s: ImportSummary): unknown => ({
  rowsRead: s.rowsRead,
  signals: s.signals,
  meldingen: s.meldingen,
  households: s.households,
});

describe('import properties', () => {
  it('(a) importing the same rows twice, as two different files, equals importing them once', async () => {
    await fc.assert(
      fc.asyncProperty(listArb, async (rows) => {
        const once = fresh('eenmaal.db');
        const twice = fresh('tweemaal.db');
        const first = await run(once, writeList(rows));
        await run(twice, writeList(rows));
        const second = await run(twice, writeList(rows, 'tweede levering'));
        expect(stored(twice, { lines: true })).toEqual(stored(once, { lines: true }));
        expect(second.rowsRead).toBe(first.rowsRead);
        expect(second.signals).toEqual({
          new: 0,
          duplicateInFile: 0,
          duplicateKnown: first.signals.new + first.signals.duplicateInFile,
          rejected: first.signals.rejected,
        });
        expect(second.meldingen.created + second.meldingen.updated).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('(b) the order of the rows does not change what is stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        listArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        async ([rows, shuffled]) => {
          const a = fresh('volgorde-a.db');
          const b = fresh('volgorde-b.db');
          const sa = await run(a, writeList(rows));
          const sb = await run(b, writeList(shuffled));
          expect(figures(sb)).toEqual(figures(sa));
          expect(stored(b, { lines: false })).toEqual(stored(a, { lines: false }));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('(c) every row lands in exactly one of new, duplicate and rejected; the rejects file holds the rejected rows', async () => {
    await fc.assert(
      fc.asyncProperty(listArb, async (rows) => {
        const db = fresh('emmers.db');
        const rejects = fresh('afgewezen.csv');
        const summary = await run(db, writeList(rows), { rejects });
        const { signals } = summary;
        expect(summary.rowsRead).toBe(rows.length);
        expect(signals.new + signals.duplicateInFile + signals.duplicateKnown + signals.rejected).toBe(rows.length);
        expect(signals.duplicateKnown).toBe(0);

        const rejected = expectedRejectedLines(rows);
        expect(signals.rejected).toBe(rejected.length);
        if (rejected.length === 0) {
          expect(fs.existsSync(rejects)).toBe(false);
          expect(summary.rejectsFile).toBeNull();
        } else {
          const records = parse(fs.readFileSync(rejects), { delimiter: ';', bom: true }) as string[][];
          expect(records[0]?.slice(0, 2)).toEqual(['regel', 'reden']);
          expect(records.slice(1).map((r) => Number(r[0]))).toEqual(rejected);
          expect(fs.statSync(rejects).mode & 0o777).toBe(0o600);
        }
        const accepted = rows.filter((_, i) => !rejected.includes(i + 2));
        const keys = new Set(
          accepted.map((r) =>
            r.signaalId !== null ? `id:${r.signaalId}` : [r.schuldeiser, r.signaalpartner, householdKey(r), r.bedragCents, r.signaaldatum].join('|'),
          ),
        );
        expect(signals.new).toBe(keys.size);
        expect((stored(db, { lines: true }).signals as unknown[]).length).toBe(keys.size);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);

  it('(d) a dry run reports what the real run then does, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(listArb, fc.nat(), async (rows, cut) => {
        const db = fresh('proef.db');
        // Part of the list is in the database already: known duplicates and meldingen to add to.
        // (With no part, there is no database yet, and the dry run must not create one.)
        const part = rows.slice(0, cut % (rows.length + 1));
        if (part.length > 0) await run(db, writeList(part, 'eerste deel'));
        const file = writeList(rows);
        const rejects = fresh('afgewezen.csv');
        const bytes = part.length > 0 ? fs.readFileSync(db) : null;
        // The whole list after a part of it is a supplementary list, and says so.
        const dry = await run(db, file, { dryRun: true, rejects, aanvulling: true });
        if (bytes === null) expect(fs.existsSync(db)).toBe(false);
        else expect(fs.readFileSync(db).equals(bytes)).toBe(true);
        expect(fs.existsSync(rejects)).toBe(false);
        const real = await run(db, file, { rejects, aanvulling: true });
        expect({ ...dry, dryRun: false }).toEqual(real);
        expect(dry.dryRun).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});
