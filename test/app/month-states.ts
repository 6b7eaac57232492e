// Building month states on a real store for the app-level properties: a moving clock, generated
// lists written as CSV files, imports through the import use case, and the national delivery of a
// period read back and held to the rules a vroegsignaalzaak must keep (issue 10).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { planDdasDelivery } from '../../src/app/ddas/export-delivery.js';
import { ddasValidator, type DeliveryValidator } from '../../src/app/ddas/validate-delivery.js';
import { importList, type ImportOutcome } from '../../src/app/import-list.js';
import type { DdasDeliveryOptions } from '../../src/core/report/ddas.js';
import type { Period } from '../../src/core/report/period.js';
import type { Month } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from '../../src/synthetic/dialect.js';
import type { SignalRow } from '../../src/synthetic/row.js';

/** A fixed clock that a test moves forward: later steps must be recorded later. */
export class Clock {
  private ms: number;
  constructor(start = '2022-02-05T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  now = (): string => new Date((this.ms += 60_000)).toISOString();
  today = (): string => this.now().slice(0, 10);
  setMonth(month: Month, day = 5): void {
    this.ms = Math.max(this.ms, Date.parse(`${month}-${String(day).padStart(2, '0')}T09:00:00.000Z`));
  }
}

/** A temporary folder for list files and databases, removed with `remove`. */
export class Scratch {
  readonly dir: string;
  private counter = 0;
  constructor(prefix: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }
  file(name: string): string {
    return path.join(this.dir, `${this.counter++}-${name}`);
  }
  /** The rows as a list file in the dialect Dutch Excel writes. */
  writeList(rows: readonly SignalRow[], month: Month): string {
    const file = this.file(`lijst-${month}.csv`);
    fs.writeFileSync(file, encodeUtf8(formatCsv(rows, DUTCH_EXCEL)));
    return file;
  }
  /** A new store, in a database file of its own unless one is given. */
  openStore(clock: Clock, file = this.file('eropaf.db')): SqliteStore {
    return SqliteStore.open(file, { readonly: false, busyTimeoutMs: 1000, now: clock.now });
  }
  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ImportFlags {
  dryRun?: boolean;
  replace?: boolean;
  aanvulling?: boolean;
  force?: boolean;
}

/** Imports the rows as a list of `month` through the import use case. */
export function importRows(
  store: SqliteStore,
  scratch: Scratch,
  clock: Clock,
  rows: readonly SignalRow[],
  month: Month,
  flags: ImportFlags = {},
): Promise<ImportOutcome> {
  return importList(store, {
    file: scratch.writeList(rows, month),
    month,
    dryRun: flags.dryRun ?? false,
    replace: flags.replace ?? false,
    aanvulling: flags.aanvulling ?? false,
    force: flags.force ?? false,
    skipInvalid: false,
    today: '2030-01-01',
    now: clock.now,
  });
}

/** The same signal on a later month's list: its signaaldatum moved to that month (day 28 at most). */
export function inMonth(row: SignalRow, month: Month): SignalRow {
  return { ...row, signaaldatum: `${month}-${String(Math.min(28, Number(row.signaaldatum.slice(8, 10)))).padStart(2, '0')}` };
}

export const DDAS_OPTIONS = (period: Period): DdasDeliveryOptions => ({
  period,
  gemeentecode: '0397',
  organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroegeropaf@example.nl' } },
  supplierCode: 'eropaf 0.1.0',
  deliveredAt: '2022-07-01T10:00:00Z',
});

export interface Zaak {
  resultaat?: string;
  datumOpgepakt?: string;
  vroegsignalen: Array<{ ID: string }>;
  contactpogingen: Array<{ datum: string }>;
}

export interface Delivered {
  vroegsignalen: Array<{ ID: string; status: string }>;
  vroegsignaalzaken: Zaak[];
}

let validator: DeliveryValidator | undefined;

/**
 * The period's delivery as the export plans it (one part), validated against the DDAS schema
 * here as well, so that the test says so itself rather than relying on the export's own check.
 */
export async function deliveredPeriod(store: SqliteStore, period: Period): Promise<Delivered> {
  const plan = await planDdasDelivery(store, DDAS_OPTIONS(period));
  expect(plan.parts).toHaveLength(1);
  const delivery = JSON.parse(plan.parts[0]!.json) as { leveringen: Delivered[] };
  // Compiling the schema takes a good part of a second: once per test file.
  validator ??= ddasValidator();
  expect(validator(delivery)).toEqual([]);
  return delivery.leveringen[0]!;
}

const REFERRALS = new Set([
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
  'Verwijzing zonder tussenkomst inwoner',
]);
const RESULTS_AS_STATUS = new Set([
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner is overleden',
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Persoon is geen inwoner (meer) in de gemeente',
]);

/** The rules of issue 10 for every vroegsignaalzaak, checked on the delivered JSON itself. */
export function expectCasesAgree(delivered: Delivered): void {
  const statusOf = new Map(delivered.vroegsignalen.map((s) => [s.ID, s.status]));
  expect(statusOf.size).toBe(delivered.vroegsignalen.length);
  for (const zaak of delivered.vroegsignaalzaken) {
    const statuses = new Set(zaak.vroegsignalen.map((v) => statusOf.get(v.ID)));
    expect(statuses.has(undefined)).toBe(false);
    expect(statuses.size).toBe(1);
    const [status] = [...statuses] as string[];
    const context = JSON.stringify({ ...zaak, vroegsignalen: zaak.vroegsignalen.length, status });
    if (zaak.resultaat?.startsWith('Niet opgepakt')) {
      expect(zaak.datumOpgepakt, context).toBeUndefined();
      expect(zaak.contactpogingen, context).toEqual([]);
      expect(status, context).toBe(zaak.resultaat);
    }
    if (status === 'Nog niet opgepakt' || status?.startsWith('Niet opgepakt')) {
      expect(zaak.datumOpgepakt, context).toBeUndefined();
      expect(zaak.contactpogingen, context).toEqual([]);
    }
    if (zaak.contactpogingen.length > 0) {
      expect(zaak.datumOpgepakt, context).toBeDefined();
      for (const poging of zaak.contactpogingen) expect(zaak.datumOpgepakt! <= poging.datum, context).toBe(true);
    }
    if (status === 'Opgepakt') expect(zaak.datumOpgepakt, context).toBeDefined();
    if (zaak.resultaat !== undefined && REFERRALS.has(zaak.resultaat)) {
      expect(status, context).toBe('Opgepakt');
      expect(zaak.datumOpgepakt, context).toBeDefined();
    }
    if (zaak.resultaat !== undefined && RESULTS_AS_STATUS.has(zaak.resultaat)) expect(status, context).toBe(zaak.resultaat);
  }
}
